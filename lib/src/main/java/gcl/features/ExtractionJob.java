package gcl.features;

import gcl.AtomicFiles;
import gcl.Outputs;
import gcl.Progress;
import gcl.data.Annotations;
import gcl.data.DatasetInfo;
import gcl.data.DatasetWriter;
import gcl.data.GroundTruth;
import gcl.data.GroundTruthConvention;
import gcl.data.Split;
import gcl.data.VideoFolder;
import gcl.data.VideoLabel;
import gcl.video.Segmenter;
import gcl.video.VideoInfo;
import gcl.video.VideoReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One extraction into a dataset directory, step by step: {@link #open} plans it (the videos, their
 * annotations, the dataset's metadata; videos an earlier run finished are skipped), each pending
 * video is {@link BatchExtraction#extractAndWrite extracted and written} anywhere, and {@link #add} records the
 * outcomes in file-name order (the resume journal, {@code extraction.csv}, failures and warnings);
 * {@link #finish} writes the lists and {@code dataset.json}. {@link BatchExtraction#run} drives it
 * on threads; the spark module drives it on a cluster's executors.
 */
public final class ExtractionJob {
    private final long start = System.nanoTime();
    private final Path videos;
    private final Path dataset;
    private final Map<String, Path> byId;
    private final Map<String, Path> pending = new LinkedHashMap<>();
    private final Annotations annotations;
    private final Segmenter segmenter;
    private final boolean trainTruth;
    private final DatasetWriter writer;
    private final Path log;
    private final Progress progress;
    private final List<BatchExtraction.Failure> failures = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final int skipped;
    private long segments;
    private int extracted;
    /** Files of the folder that cannot be videos of the set (named among the failures). */
    private int unusable;

    private ExtractionJob(Path videos, Path dataset, Map<String, Path> byId, Annotations annotations, Segmenter segmenter,
                          boolean trainTruth, DatasetWriter writer, Progress progress) {
        this.videos = videos;
        this.dataset = dataset;
        this.byId = byId;
        this.annotations = annotations;
        this.segmenter = segmenter;
        this.trainTruth = trainTruth;
        this.writer = writer;
        this.log = dataset.resolve(BatchExtraction.EXTRACTION_CSV);
        this.progress = progress;
        int done = 0;
        for (Map.Entry<String, Path> e : byId.entrySet()) {
            if (writer.contains(e.getKey())) {
                done++;
                progress.step(1, "");
            } else {
                pending.put(e.getKey(), e.getValue());
            }
        }
        this.skipped = done;
    }

    /**
     * Plans the extraction of a folder of videos into a dataset directory (made, or resumed). Before
     * anything is written it refuses a dataset directory that is, holds or lies inside the video
     * folder, a folder without video files, and two videos whose ids differ only in case; a file that
     * cannot be a video of the set (a link to nothing, a name that cannot be an id) is named as a
     * failure and the others go on.
     *
     * @throws IOException when the folder or its annotations cannot be read, two videos share an
     *                     id, or the directory holds features that mean something else (another
     *                     extractor, d, p, frame rate, frame size or last-segment rule)
     */
    public static ExtractionJob open(Path videos, Path dataset, FeatureExtractor extractor, BatchExtraction.Options options) throws IOException {
        Outputs.refuseOverlap("the dataset directory", dataset, Map.of("the video folder", videos));
        List<Path> files = BatchExtraction.candidates(videos);
        VideoFolder folder = VideoFolder.read(videos);
        Annotations annotations = options.annotations() != null ? options.annotations() : folder.annotations();
        Map<String, Path> byId = new LinkedHashMap<>();
        Map<String, Path> byFolded = new LinkedHashMap<>();
        List<BatchExtraction.Failure> refused = new ArrayList<>();
        for (Path f : files) {
            String id = BatchExtraction.idOf(f);
            String why = notAVideoOfTheSet(f, id);
            if (why != null) {
                refused.add(new BatchExtraction.Failure(f, why));
                continue;
            }
            Path other = byFolded.put(id.toLowerCase(Locale.ROOT), f);
            if (other != null) {
                throw new IOException(other.equals(byId.get(id))
                        ? "two videos have the id '" + id + "': " + other + " and " + f + "; rename one"
                        : "videos " + other.getFileName() + " and " + f.getFileName() + " have ids that differ only in case: on macOS"
                        + " and Windows their feature files are one file; rename one");
            }
            byId.put(id, f);
        }
        boolean trainTruth = annotations.groundTruth().entrySet().stream()
                .anyMatch(e -> annotations.splitOf(e.getKey()).orElse(Split.TRAIN) == Split.TRAIN && !e.getValue().isEmpty());

        Segmenter segmenter = options.segmenter();
        GroundTruthConvention convention = segmenter.lastSegment() == Segmenter.LastSegment.PAD
                ? GroundTruthConvention.FRAMES : GroundTruthConvention.SEGMENTS;
        String name = options.name() != null ? options.name()
                : folder.name() != null ? folder.name()
                : dataset.toAbsolutePath().getFileName().toString();
        double fps = options.read().fps() > 0 ? options.read().fps() : firstFrameRate(files);
        String description = (folder.description().isEmpty() ? "Features of the videos in " + videos.getFileName() + "."
                : folder.description()) + " Extracted by " + extractor.kind() + " with " + segmenter + ".";
        DatasetInfo info = new DatasetInfo(name, segmenter.size(), extractor.kind(), extractor.dimension(), fps, convention,
                folder.synthetic(), description)
                .withFrameSize(options.read().resizes() ? options.read().width() + "x" + options.read().height() : null);
        DatasetWriter writer = DatasetWriter.open(dataset, info);
        Path log = dataset.resolve(BatchExtraction.EXTRACTION_CSV);
        if (!Files.exists(log)) {
            AtomicFiles.writeString(log, "id,file,frames,fps,width,height,segments\n");
        }
        PrintStream out = options.progress() != null ? options.progress() : new PrintStream(PrintStream.nullOutputStream());
        ExtractionJob job = new ExtractionJob(videos, dataset, byId, annotations, segmenter, trainTruth, writer,
                new Progress("extract", "videos", byId.size(), out, Duration.ofSeconds(2)));
        job.failures.addAll(refused);
        job.unusable = refused.size();
        for (String id : annotations.allIds()) {
            if (!byId.containsKey(id)) {
                job.warnings.add("annotated video '" + id + "' has no file in " + videos);
            }
        }
        return job;
    }

    /** Why a file of the folder cannot be one of the set's videos, or null when it can. */
    private static String notAVideoOfTheSet(Path file, String id) {
        if (!Files.isRegularFile(file)) {
            return Files.isSymbolicLink(file) ? "a link to nothing (the file it names is missing, or the links form a loop)"
                    : "not a file";
        }
        if (file.getFileName().toString().startsWith("._")) {
            return "a macOS resource file (._*), not a video: delete it";
        }
        String problem = DatasetWriter.idProblem(id);
        return problem == null ? null : problem + ": rename the file";
    }

    /** The videos still to extract, id to file, in file-name order. */
    public Map<String, Path> pending() {
        return Collections.unmodifiableMap(pending);
    }

    /** The dataset directory being written. */
    public Path dataset() {
        return dataset;
    }

    /**
     * Records what became of a pending video: a {@link BatchExtraction.Written} one goes into the resume journal
     * and {@code extraction.csv} (with its split, label and ground truth from the folder's
     * annotations), a {@link BatchExtraction.Failure} into the result. Call in the order of {@link #pending()},
     * so the lists come out in file-name order whoever extracted the videos.
     */
    public synchronized void add(BatchExtraction.Outcome outcome) throws IOException {
        if (outcome instanceof BatchExtraction.Failure f) {
            failures.add(f);
        } else {
            record((BatchExtraction.Written) outcome);
        }
        progress.step(1, String.format(Locale.ROOT, "%d segments  %.1f segments/s", segments,
                segments / Math.max(1e-9, progress.elapsedSeconds())));
    }

    private void record(BatchExtraction.Written x) throws IOException {
        int frames = segmenter.framesCovered(x.info().frames());
        boolean known = annotations.knows(x.id());
        boolean test = annotations.splitOf(x.id()).orElse(Split.TRAIN) == Split.TEST;
        VideoLabel label = annotations.video(x.id()).map(Annotations.Row::label).orElse(VideoLabel.UNKNOWN);
        VideoInfo decoded = x.info();
        boolean[] truth = null;
        if (known && (test || trainTruth)) {
            // the annotations number the file's own frames: resampled frames take the label of the frame they show
            boolean[] mask = decoded.resampled()
                    ? GroundTruth.resample(annotations.intervals(x.id()), decoded.sourceFps(), decoded.fps(), decoded.frames())
                    : annotations.mask(x.id(), decoded.frames());
            truth = segmenter.alignGroundTruth(mask);
        }
        int annotated = annotations.video(x.id()).map(Annotations.Row::frames).orElse(0);
        long expected = decoded.resampled() ? Math.round(annotated * decoded.fps() / decoded.sourceFps()) : annotated;
        if (annotated > 0 && Math.abs(expected - decoded.frames()) > (decoded.resampled() ? 1 : 0)) {
            warnings.add(x.id() + ": annotations say " + annotated + " frames" + (decoded.resampled() ? " at " + number(decoded.sourceFps())
                    + " fps (" + expected + " at " + number(decoded.fps()) + " fps)" : "") + ", decoding gave " + decoded.frames()
                    + " (ground truth cut or padded to the decoded count)");
        }
        writer.record(x.id(), test ? Split.TEST : Split.TRAIN, frames, label, truth);
        VideoInfo i = x.info();
        Path file = byId.get(x.id());
        Files.writeString(log, String.format(Locale.ROOT, "%s,%s,%d,%s,%d,%d,%d%n", x.id(),
                file == null ? i.file().getFileName() : file.getFileName(),
                i.frames(), Double.toString(i.fps()), i.width(), i.height(), x.segments()),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        segments += x.segments();
        extracted++;
    }

    /** Writes the lists and {@code dataset.json} and says what the run did. */
    public synchronized BatchExtraction.Result finish() throws IOException {
        writer.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new BatchExtraction.Result(byId.size() + unusable, extracted, skipped, List.copyOf(failures), List.copyOf(warnings), segments,
                seconds, dataset);
    }

    @Override
    public String toString() {
        return "extraction of " + videos + " into " + dataset + " (" + pending.size() + " of " + byId.size() + " to do)";
    }

    private static double firstFrameRate(List<Path> files) {
        for (Path f : files) {
            try (VideoReader r = VideoReader.open(f)) {
                return r.fps();
            } catch (IOException e) {
                // a bad file is reported when its turn comes
            }
        }
        return 0;
    }

    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
