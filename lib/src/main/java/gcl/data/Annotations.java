package gcl.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What is known about each video of a set, in the three kinds of files that every dataset
 * directory and every annotated folder of videos holds (the layout of
 * {@code data-manifests/README.md}):
 * <pre>
 *   splits/train.txt   video ids, one per line (blank lines and # comments skipped)
 *   splits/test.txt    video ids, one per line
 *   videos.csv         id,frames,label      frame count evaluation uses; normal|anomalous|unknown
 *   ground_truth.csv   id,start,end         anomalous frames [start, end), 0-based
 * </pre>
 * This class is the only reader and writer of these files: {@link DatasetDirectory} and
 * {@link DatasetWriter} for features, {@link VideoFolder} beside videos, {@link DatasetCheck}, and
 * the importers for ground truth given in our CSV form.
 *
 * @param splits      the listed ids of each split, in list order
 * @param videos      {@code videos.csv}: frame count and label by id
 * @param groundTruth {@code ground_truth.csv}: anomalous intervals by id (a video without rows has none)
 */
public record Annotations(Map<Split, List<String>> splits, Map<String, Row> videos,
                          Map<String, List<GroundTruth.Interval>> groundTruth) {
    public static final String SPLITS = "splits";
    public static final String VIDEOS_CSV = "videos.csv";
    public static final String GROUND_TRUTH_CSV = "ground_truth.csv";

    /** The header of {@code videos.csv}; rows without a label are {@link VideoLabel#UNKNOWN}. */
    public static final List<String> VIDEOS_HEADER = List.of("id", "frames", "label");
    /** The header of {@code ground_truth.csv}. */
    public static final List<String> GROUND_TRUTH_HEADER = List.of("id", "start", "end");

    /** One row of {@code videos.csv}: the frame count evaluation uses and the video-level label. */
    public record Row(int frames, VideoLabel label) {
    }

    public Annotations {
        Map<Split, List<String>> s = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            s.put(split, List.copyOf(splits.getOrDefault(split, List.of())));
        }
        splits = Collections.unmodifiableMap(s);
        videos = Collections.unmodifiableMap(new LinkedHashMap<>(videos));
        Map<String, List<GroundTruth.Interval>> g = new LinkedHashMap<>();
        groundTruth.forEach((id, intervals) -> g.put(id, List.copyOf(intervals)));
        groundTruth = Collections.unmodifiableMap(g);
    }

    /** Nothing known: a plain folder of footage. */
    public static Annotations none() {
        return new Annotations(Map.of(), Map.of(), Map.of());
    }

    // ---- reading -------------------------------------------------------------------------------

    /**
     * Reads the files in {@code dir}.
     *
     * @param required whether the split lists and {@code videos.csv} must be there (a dataset
     *                 directory); otherwise an absent file means nothing is known (a video folder).
     *                 {@code ground_truth.csv} is always optional: without it no frame is anomalous.
     * @throws IOException naming the file and line of the first problem
     */
    public static Annotations read(Path dir, boolean required) throws IOException {
        Map<Split, List<String>> splits = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            Path list = splitFile(dir, split);
            if (required || Files.exists(list)) {
                splits.put(split, readSplit(dir, split));
            }
        }
        Map<String, Row> videos = required || Files.exists(dir.resolve(VIDEOS_CSV)) ? readVideos(dir) : Map.of();
        return new Annotations(splits, videos, readGroundTruth(dir));
    }

    /** The file listing a split's ids. */
    public static Path splitFile(Path dir, Split split) {
        return dir.resolve(SPLITS).resolve(split.id() + ".txt");
    }

    /**
     * The ids listed in {@code splits/<split>.txt} (required). An entry that is not a video id
     * (with {@code /}, {@code \\} or a comma, or starting with {@code .}, as {@code ..} does) is
     * refused: it would name a file outside {@code features/}.
     */
    public static List<String> readSplit(Path dir, Split split) throws IOException {
        Path file = splitFile(dir, split);
        List<String> ids = Csv.readList(file);
        for (String id : ids) {
            try {
                DatasetWriter.checkId(id);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return ids;
    }

    /** {@code videos.csv} (required): frame count and label by id, in file order. */
    public static Map<String, Row> readVideos(Path dir) throws IOException {
        Map<String, Row> videos = new LinkedHashMap<>();
        for (Csv.Row r : Csv.read(dir.resolve(VIDEOS_CSV), VIDEOS_HEADER, 2)) {
            VideoLabel label;
            try {
                label = VideoLabel.parse(r.text(2));
            } catch (IllegalArgumentException e) {
                throw r.problem(e.getMessage());
            }
            if (videos.put(r.text(0), new Row(r.integer(1, "frames"), label)) != null) {
                throw r.problem("video " + r.text(0) + " has a second row");
            }
        }
        return videos;
    }

    /** {@code ground_truth.csv} of a folder: intervals by id (an absent file means no anomalous frames). */
    public static Map<String, List<GroundTruth.Interval>> readGroundTruth(Path dir) throws IOException {
        Path file = dir.resolve(GROUND_TRUTH_CSV);
        return Files.exists(file) ? readGroundTruthCsv(file) : Map.of();
    }

    /** A ground-truth CSV in our form (header {@code id,start,end}; [start, end), 0-based): intervals by id. */
    public static Map<String, List<GroundTruth.Interval>> readGroundTruthCsv(Path file) throws IOException {
        Map<String, List<GroundTruth.Interval>> truth = new LinkedHashMap<>();
        for (Csv.Row r : Csv.read(file, GROUND_TRUTH_HEADER, 3)) {
            int start = r.integer(1, "start");
            int end = r.integer(2, "end");
            if (start < 0 || end < start) {
                throw r.problem("bad frame interval [" + start + ", " + end + ")");
            }
            truth.computeIfAbsent(r.text(0), k -> new ArrayList<>()).add(new GroundTruth.Interval(start, end));
        }
        return truth;
    }

    // ---- asking --------------------------------------------------------------------------------

    /** The ids a split lists, in order. */
    public List<String> ids(Split split) {
        return splits.get(split);
    }

    /** The split that lists a video, if one does. */
    public Optional<Split> splitOf(String id) {
        for (Split split : Split.values()) {
            if (splits.get(split).contains(id)) {
                return Optional.of(split);
            }
        }
        return Optional.empty();
    }

    /** A video's row of {@code videos.csv}, if it has one. */
    public Optional<Row> video(String id) {
        return Optional.ofNullable(videos.get(id));
    }

    /** A video's anomalous intervals (none when it has no rows). */
    public List<GroundTruth.Interval> intervals(String id) {
        return groundTruth.getOrDefault(id, List.of());
    }

    /** A video's frame mask for {@code frames} frames (intervals clipped to the video). */
    public boolean[] mask(String id, int frames) {
        return GroundTruth.mask(intervals(id), frames);
    }

    /** Every id any file names: the listed ones in split order, then the others in file order. */
    public List<String> allIds() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        splits.values().forEach(ids::addAll);
        ids.addAll(videos.keySet());
        ids.addAll(groundTruth.keySet());
        return List.copyOf(ids);
    }

    /** Whether any file names this video. */
    public boolean knows(String id) {
        return videos.containsKey(id) || groundTruth.containsKey(id) || splitOf(id).isPresent();
    }

    /** Whether no file said anything. */
    public boolean isEmpty() {
        return allIds().isEmpty();
    }

    /**
     * The same annotations with every id mapped through {@code rename} (e.g. {@code Abuse001_x264.mp4}
     * to {@code Abuse001_x264}); intervals of two ids that become one are joined.
     */
    public Annotations renamed(UnaryOperator<String> rename) {
        Map<Split, List<String>> s = new LinkedHashMap<>();
        splits.forEach((split, ids) -> s.put(split, ids.stream().map(rename).distinct().toList()));
        Map<String, Row> v = new LinkedHashMap<>();
        videos.forEach((id, row) -> v.put(rename.apply(id), row));
        Map<String, List<GroundTruth.Interval>> g = new LinkedHashMap<>();
        groundTruth.forEach((id, intervals) -> g.computeIfAbsent(rename.apply(id), k -> new ArrayList<>()).addAll(intervals));
        return new Annotations(s, v, g);
    }

    // ---- writing -------------------------------------------------------------------------------

    /** Writes the split lists, {@code videos.csv} (in split order) and {@code ground_truth.csv}. */
    public void write(Path dir) throws IOException {
        List<List<String>> videoRows = new ArrayList<>();
        List<List<String>> truthRows = new ArrayList<>();
        for (Split split : Split.values()) {
            Csv.writeList(splitFile(dir, split), ids(split));
            for (String id : ids(split)) {
                Row r = videos.get(id);
                if (r != null) {
                    videoRows.add(List.of(id, Integer.toString(r.frames()), r.label().id()));
                }
                for (GroundTruth.Interval iv : intervals(id)) {
                    truthRows.add(List.of(id, Integer.toString(iv.start()), Integer.toString(iv.end())));
                }
            }
        }
        Csv.write(dir.resolve(VIDEOS_CSV), VIDEOS_HEADER, videoRows);
        Csv.write(dir.resolve(GROUND_TRUTH_CSV), GROUND_TRUTH_HEADER, truthRows);
    }

    /** Builds annotations video by video, in the order they are added. */
    public static final class Builder {
        private final Map<Split, List<String>> splits = new LinkedHashMap<>();
        private final Map<String, Row> videos = new LinkedHashMap<>();
        private final Map<String, List<GroundTruth.Interval>> truth = new LinkedHashMap<>();

        /**
         * Adds a video.
         *
         * @param intervals its anomalous intervals; null or empty for none
         */
        public Builder add(String id, Split split, int frames, VideoLabel label, List<GroundTruth.Interval> intervals) {
            splits.computeIfAbsent(split, s -> new ArrayList<>()).add(id);
            videos.put(id, new Row(frames, label));
            if (intervals != null && !intervals.isEmpty()) {
                truth.put(id, intervals);
            }
            return this;
        }

        public Annotations build() {
            return new Annotations(splits, videos, truth);
        }
    }
}
