package gcl.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gcl.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a dataset directory (layout in {@code data-manifests/README.md}) one video at a time,
 * then its lists and metadata.
 *
 * <pre>{@code
 * DatasetWriter w = DatasetWriter.open(dir, info);
 * for (...) {
 *     if (w.contains(id)) continue;                 // done in an earlier, interrupted run
 *     w.writeVideo(id, Split.TEST, features, frames, label, groundTruth);
 * }
 * w.finish();                                        // dataset.json, splits, videos.csv, ground_truth.csv
 * }</pre>
 *
 * <p>Safe to resume: each feature file is written whole (beside its target, then moved into place)
 * and then recorded in a journal ({@code .writer/videos.tsv}); a writer opened on a directory with
 * a journal, or on a finished directory, starts from the videos already there. Writing a video
 * again replaces it. {@link #finish()} writes the lists from the journal and removes it.
 */
public final class DatasetWriter {
    static final String JOURNAL = ".writer/videos.tsv";
    /** The longest video id: {@code <id>.npy} must fit a file system's 255-byte name. */
    public static final int MAX_ID_BYTES = 251;

    private final Path dir;
    private DatasetInfo info;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Each written id by its lower-case form: ids that differ only in case are one file on macOS and Windows. */
    private final Map<String, String> folded = new HashMap<>();

    /** What the lists say about one written video. */
    record Entry(String id, Split split, int segments, int frames, VideoLabel label, List<GroundTruth.Interval> intervals) {
    }

    private DatasetWriter(Path dir, DatasetInfo info) {
        this.dir = dir;
        this.info = info;
    }

    /**
     * Opens a directory for writing, resuming from what an earlier run left there.
     *
     * @param info the metadata; a {@code featureDim} of 0 is taken from the first video written
     */
    public static DatasetWriter open(Path dir, DatasetInfo info) throws IOException {
        DatasetWriter w = new DatasetWriter(dir, info);
        Path journal = dir.resolve(JOURNAL);
        Path planned = dir.resolve(JOURNAL).getParent();
        if (Files.isRegularFile(planned.resolve(DatasetDirectory.DATASET_JSON))) {
            requireSameMeaning(dir, info, DatasetDirectory.readInfo(planned), "what an interrupted run began");
        } else if (Files.exists(dir.resolve(DatasetDirectory.DATASET_JSON))) {
            requireSameMeaning(dir, info, DatasetDirectory.readInfo(dir), "the directory's " + DatasetDirectory.DATASET_JSON);
        }
        Files.createDirectories(dir.resolve(DatasetDirectory.FEATURES));
        if (Files.exists(journal)) {
            for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    Entry e = parse(line, journal);
                    if (Files.exists(w.featureFile(e.id()))) {
                        w.entries.remove(e.id());
                        w.entries.put(e.id(), e);
                    }
                }
            }
        } else if (Files.exists(dir.resolve(DatasetDirectory.DATASET_JSON))) {
            for (Entry e : finishedEntries(dir)) {
                w.entries.put(e.id(), e);
            }
            for (Entry e : w.entries.values()) {
                w.journal(e);
            }
        }
        if (info.featureDim() == 0 && !w.entries.isEmpty()) {
            Npy.Header h = Npy.header(w.featureFile(w.entries.keySet().iterator().next()));
            w.info = info.withFeatureDim((int) h.shape()[h.shape().length - 1]);
        }
        w.entries.keySet().forEach(id -> w.folded.put(id.toLowerCase(Locale.ROOT), id));
        // what this run writes, kept beside the journal until finish(): a resumed run is compared with it
        Files.createDirectories(planned);
        writeInfo(planned.resolve(DatasetDirectory.DATASET_JSON), w.info, false);
        return w;
    }

    /**
     * Refuses to add features to a directory whose features or ground truth mean something else
     * ({@link DatasetMeaning}): another extractor, d, p, frame rate, frame size, frame-count
     * convention or mask padding. They would not mix.
     */
    private static void requireSameMeaning(Path dir, DatasetInfo info, DatasetInfo there, String where) throws IOException {
        List<String> d = info.meaning().differences(there.meaning(), "now", where);
        if (!d.isEmpty()) {
            throw new IOException(dir + " holds features that mean something else: " + String.join("; ", d)
                    + ". They would not mix: write into a new directory, or give the settings it was made with");
        }
    }

    /** Writes a whole in-memory dataset (both splits) and finishes the directory. */
    public static void write(Path dir, Dataset dataset) throws IOException {
        DatasetWriter w = open(dir, dataset.info());
        for (Split split : Split.values()) {
            FeatureSet set = split == Split.TRAIN ? dataset.train() : dataset.test();
            for (Video v : set.videos()) {
                w.writeVideo(v.id(), split, set.segmentsOf(v), v.frames(), v.label(), v.groundTruth());
            }
        }
        w.finish();
    }

    /** Whether a video with this id is already written (in this run or an earlier one). */
    public boolean contains(String id) {
        return entries.containsKey(id);
    }

    /** Number of videos written so far. */
    public int size() {
        return entries.size();
    }

    /** The directory being written. */
    public Path dir() {
        return dir;
    }

    /**
     * Writes one video's features and records it.
     *
     * @param id          file-name-safe id (no path separators, commas or line breaks)
     * @param split       train or test
     * @param features    [T, d], written as float32
     * @param frames      frame count evaluation uses (T·p under the published convention)
     * @param label       video-level label ({@link VideoLabel#UNKNOWN} when not known)
     * @param groundTruth frame mask of length {@code frames}, or null (test videos: all normal)
     */
    public synchronized void writeVideo(String id, Split split, INDArray features, int frames, VideoLabel label,
                                        boolean[] groundTruth) throws IOException {
        checkId(id);
        if (features.rank() != 2) {
            throw new IllegalArgumentException("video " + id + ": features must be [T, d], got rank " + features.rank());
        }
        checkVideo(id, features.columns(), frames, groundTruth);
        String twin = folded.get(id.toLowerCase(Locale.ROOT));
        if (twin != null && !twin.equals(id)) {
            throw new IllegalArgumentException("videos " + twin + " and " + id + " differ only in case: on macOS and Windows"
                    + " they are one file, " + DatasetDirectory.FEATURES + "/" + id + ".npy; rename one");
        }
        writeFeatures(dir, id, features);
        record(id, split, frames, label, groundTruth);
    }

    /**
     * Writes one video's feature file into a dataset directory without recording it: what a worker
     * on another machine does (the spark module's executors), before the one writer of the directory
     * {@link #record}s it. Same array, same bytes as {@link #writeVideo}; written whole. Features
     * with a NaN, an Inf or a value beyond ±{@link FeatureSet#LARGEST} are refused, naming the row.
     *
     * @return the feature file
     */
    public static Path writeFeatures(Path dir, String id, INDArray features) throws IOException {
        checkId(id);
        if (features.rank() != 2) {
            throw new IllegalArgumentException("video " + id + ": features must be [T, d], got rank " + features.rank());
        }
        String bad = FeatureSet.badValues(features);
        if (bad != null) {
            throw new IllegalArgumentException("video " + id + ": row " + bad + " of its features; not written"
                    + " (features must be finite numbers within ±" + FeatureSet.LARGEST + ")");
        }
        Path file = DatasetDirectory.featureFile(dir, id);
        Npy.write(file, features);
        return file;
    }

    /**
     * Records a video whose feature file {@link #writeFeatures} has already put in place (T and d
     * are read from its header).
     *
     * @throws IOException when the feature file is missing or unreadable
     */
    public synchronized void record(String id, Split split, int frames, VideoLabel label, boolean[] groundTruth)
            throws IOException {
        checkId(id);
        Path file = featureFile(id);
        if (!Files.exists(file)) {
            throw new IOException("video " + id + ": no feature file " + file);
        }
        long[] shape = Npy.header(file).shape();
        if (shape.length != 2) {
            throw new IOException(file + ": features must be [T, d], got shape " + Arrays.toString(shape));
        }
        checkVideo(id, (int) shape[1], frames, groundTruth);
        String twin = folded.putIfAbsent(id.toLowerCase(Locale.ROOT), id);
        if (twin != null && !twin.equals(id)) {
            throw new IllegalArgumentException("videos " + twin + " and " + id + " differ only in case: on macOS and Windows"
                    + " they are one file, " + DatasetDirectory.FEATURES + "/" + id + ".npy; rename one");
        }
        List<GroundTruth.Interval> intervals = groundTruth == null ? null : GroundTruth.intervals(groundTruth);
        Entry e = new Entry(id, split, (int) shape[0], frames, label, intervals);
        entries.put(id, e);
        journal(e);
    }

    private void checkVideo(String id, int d, int frames, boolean[] groundTruth) {
        if (info.featureDim() == 0) {
            info = info.withFeatureDim(d);
        } else if (d != info.featureDim()) {
            throw new IllegalArgumentException("video " + id + ": features have d = " + d + " but the dataset has d = " + info.featureDim());
        }
        if (groundTruth != null && groundTruth.length != frames) {
            throw new IllegalArgumentException("video " + id + ": ground truth has " + groundTruth.length + " frames but the video " + frames);
        }
    }

    /** Writes dataset.json, the split lists, videos.csv and ground_truth.csv, and removes the journal. */
    public synchronized void finish() throws IOException {
        boolean trainGroundTruth = entries.values().stream().anyMatch(e -> e.split() == Split.TRAIN && e.intervals() != null);
        writeInfo(dir.resolve(DatasetDirectory.DATASET_JSON), info, trainGroundTruth);
        Annotations.Builder annotations = new Annotations.Builder();
        for (Split split : Split.values()) {
            for (Entry e : entries.values()) {
                if (e.split() == split) {
                    annotations.add(e.id(), split, e.frames(), e.label(), e.intervals());
                }
            }
        }
        annotations.build().write(dir);
        Path writer = dir.resolve(JOURNAL).getParent();
        Files.deleteIfExists(dir.resolve(JOURNAL));
        Files.deleteIfExists(writer.resolve(DatasetDirectory.DATASET_JSON));
        Files.deleteIfExists(writer);
    }

    /** Writes {@code dataset.json} (keys as {@link DatasetDirectory#readInfo} reads them). */
    private static void writeInfo(Path file, DatasetInfo info, boolean trainGroundTruth) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = json.createObjectNode();
        o.put("name", info.name());
        o.put("segmentSize", info.segmentSize());
        o.put("featureKind", info.featureKind());
        o.put("featureDim", info.featureDim());
        o.put("frameRate", info.frameRate());
        if (info.frameSize() != null) {
            o.put("frameSize", info.frameSize());
        }
        o.put("groundTruthConvention", info.groundTruthConvention().id());
        o.put("synthetic", info.synthetic());
        o.put("trainGroundTruth", trainGroundTruth);
        o.put("description", info.description());
        if (info.maskPadding() != null) {
            o.put("maskPadding", info.maskPadding().id());
        }
        AtomicFiles.writeString(file, json.writeValueAsString(o) + "\n");
    }

    /** The writer's view of a finished directory (no features read), to resume writing into it. */
    private static List<Entry> finishedEntries(Path dir) throws IOException {
        Annotations annotations = Annotations.read(dir, true);
        boolean trainGroundTruth = DatasetDirectory.trainGroundTruth(dir);
        List<Entry> entries = new ArrayList<>();
        for (Split split : Split.values()) {
            for (String id : annotations.ids(split)) {
                Path file = DatasetDirectory.featureFile(dir, id);
                Annotations.Row row = annotations.video(id).orElse(null);
                if (!Files.exists(file) || row == null) {
                    continue;
                }
                Npy.Header h = Npy.header(file);
                List<GroundTruth.Interval> gt = split == Split.TEST || trainGroundTruth || annotations.groundTruth().containsKey(id)
                        ? annotations.intervals(id) : null;
                entries.add(new Entry(id, split, (int) h.shape()[0], row.frames(), row.label(), gt));
            }
        }
        return entries;
    }

    private Path featureFile(String id) {
        return DatasetDirectory.featureFile(dir, id);
    }

    private void journal(Entry e) throws IOException {
        Path journal = dir.resolve(JOURNAL);
        Files.createDirectories(journal.getParent());
        StringBuilder s = new StringBuilder();
        s.append(e.id()).append('\t').append(e.split().id()).append('\t').append(e.segments()).append('\t')
                .append(e.frames()).append('\t').append(e.label().id()).append('\t');
        if (e.intervals() == null) {
            s.append('-');
        } else {
            List<String> parts = new ArrayList<>();
            for (GroundTruth.Interval iv : e.intervals()) {
                parts.add(iv.start() + ":" + iv.end());
            }
            s.append(String.join(";", parts));
        }
        s.append('\n');
        try (BufferedWriter out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(s.toString());
        }
    }

    private static Entry parse(String line, Path journal) throws IOException {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new IOException(journal + ": bad line '" + line + "'");
        }
        List<GroundTruth.Interval> intervals = null;
        if (!f[5].equals("-")) {
            intervals = new ArrayList<>();
            for (String p : f[5].split(";")) {
                if (!p.isEmpty()) {
                    String[] se = p.split(":");
                    intervals.add(new GroundTruth.Interval(Integer.parseInt(se[0]), Integer.parseInt(se[1])));
                }
            }
        }
        return new Entry(f[0], Split.parse(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), VideoLabel.parse(f[4]), intervals);
    }

    static void checkId(String id) {
        String problem = idProblem(id);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Why a name cannot be a video id, or null when it can: an id names the file
     * {@code features/<id>.npy}, so it has no '/', '\\', ',', tabs or line breaks, no leading '.',
     * and at most {@value #MAX_ID_BYTES} bytes.
     */
    public static String idProblem(String id) {
        if (id == null || id.isBlank() || id.startsWith(".") || id.chars().anyMatch(c -> c == '/' || c == '\\' || c == ','
                || c == '\n' || c == '\r' || c == '\t')) {
            return "bad video id '" + id + "': it names a file, so no '/', '\\', ',', tabs or line breaks, and no leading '.'";
        }
        int bytes = id.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_ID_BYTES) {
            return "video id '" + id.substring(0, 20) + "...' is " + bytes + " bytes long: it names the file <id>.npy, so at most "
                    + MAX_ID_BYTES + " bytes";
        }
        return null;
    }
}
