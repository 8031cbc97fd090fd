package gcl.data;

import gcl.TableText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Validates a local dataset directory ({@code gcl data check}), against its manifest when there is
 * one: missing files, wrong shapes, bad values (NaN/Inf), the structure of the annotations
 * ({@link #structure}) and wrong counts, each named by file; for a good copy, a one-screen summary
 * (videos, segments, anomalous frame share). {@link DatasetDirectory#load} runs the same structural
 * checks before anything trains.
 */
public final class DatasetCheck {
    private DatasetCheck() {
    }

    /**
     * The outcome of a check.
     *
     * @param problems what is wrong, one line each, naming the file (empty: the copy is good)
     * @param summary  the one-screen summary lines
     */
    public record Report(List<String> problems, List<String> summary) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** The report as text: problems (at most {@code limit} per kind), then the summary. */
        public String text(int limit) {
            StringBuilder s = new StringBuilder();
            Map<String, List<String>> byKind = new LinkedHashMap<>();
            for (String p : problems) {
                byKind.computeIfAbsent(kind(p), k -> new ArrayList<>()).add(p);
            }
            for (List<String> lines : byKind.values()) {
                for (int i = 0; i < Math.min(limit, lines.size()); i++) {
                    s.append("PROBLEM ").append(lines.get(i)).append('\n');
                }
                if (lines.size() > limit) {
                    s.append("PROBLEM ... and ").append(lines.size() - limit).append(" more like the above\n");
                }
            }
            for (String line : summary) {
                s.append(line).append('\n');
            }
            return s.toString();
        }

        private static String kind(String problem) {
            int colon = problem.indexOf(": ");
            String rest = colon < 0 ? problem : problem.substring(colon + 2);
            return rest.split(" ")[0];
        }
    }

    /**
     * Checks a dataset directory that has no manifest (a user's own set): structure and values only,
     * nothing to compare counts or checksums with. Never throws: everything goes in the report.
     */
    public static Report run(Path dir) {
        DatasetManifest none = new DatasetManifest(null, null, null, null, null, false, null, 0, 0, 0, null, null,
                null, null, null, null, null, null);
        return run(none, dir);
    }

    /** Checks {@code dir} against {@code manifest}. Never throws: everything goes in the report. */
    public static Report run(DatasetManifest manifest, Path dir) {
        try {
            return check(manifest, dir);
        } catch (RuntimeException e) {
            String what = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Report(List.of(dir + ": the check stopped: " + what), List.of("FAILED: " + dir + " could not be checked"));
        }
    }

    private static Report check(DatasetManifest manifest, Path dir) {
        List<String> problems = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        DatasetInfo info;
        boolean trainGroundTruth;
        try {
            info = DatasetDirectory.readInfo(dir);
            trainGroundTruth = DatasetDirectory.trainGroundTruth(dir);
        } catch (IOException | RuntimeException e) {
            problems.add(e.getMessage());
            return new Report(problems, summary);
        }
        Path json = dir.resolve(DatasetDirectory.DATASET_JSON);
        if (manifest.segmentSize() > 0 && info.segmentSize() != manifest.segmentSize()) {
            problems.add(json + ": segmentSize " + info.segmentSize() + ", the manifest says " + manifest.segmentSize());
        }
        if (manifest.featureDim() > 0 && info.featureDim() > 0 && info.featureDim() != manifest.featureDim()) {
            problems.add(json + ": featureDim " + info.featureDim() + ", the manifest says " + manifest.featureDim());
        }
        int d = info.featureDim() > 0 ? info.featureDim() : manifest.featureDim();

        Map<String, Annotations.Row> videos = null;
        try {
            videos = Annotations.readVideos(dir);
        } catch (IOException | RuntimeException e) {
            problems.add(e.getMessage());
        }
        Map<String, List<GroundTruth.Interval>> truth = null;
        try {
            truth = Annotations.readGroundTruth(dir);
        } catch (IOException | RuntimeException e) {
            problems.add(e.getMessage());
        }
        Map<Split, List<String>> splits = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            try {
                splits.put(split, Annotations.readSplit(dir, split));
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        problems.addAll(structure(dir, splits, videos, truth, trainGroundTruth));
        videos = videos == null ? Map.of() : videos;
        truth = truth == null ? Map.of() : truth;

        StringColumn splitColumn = StringColumn.create("split");
        IntColumn videoCount = IntColumn.create("videos");
        IntColumn normal = IntColumn.create("normal");
        IntColumn anomalous = IntColumn.create("anomalous");
        IntColumn unknown = IntColumn.create("unknown");
        LongColumn segmentCount = LongColumn.create("segments");
        LongColumn frameCount = LongColumn.create("frames");
        StringColumn anomalousShare = StringColumn.create("anomalous frames");
        Set<String> listed = new LinkedHashSet<>();
        for (Split split : Split.values()) {
            List<String> ids = splits.get(split);
            Path list = Annotations.splitFile(dir, split);
            if (ids == null) {
                continue;
            }
            int[] byLabel = new int[3];
            long segments = 0;
            long totalFrames = 0;
            long anomalousFrames = 0;
            for (String id : ids) {
                if (!listed.add(id)) {
                    continue; // structure() names it
                }
                Annotations.Row row = videos.get(id);
                if (row != null) {
                    byLabel[row.label().ordinal()]++;
                }
                int t = checkFeatures(DatasetDirectory.featureFile(dir, id), d, problems);
                if (t < 0) {
                    continue;
                }
                segments += t;
                if (row == null) {
                    continue;
                }
                int n = row.frames();
                totalFrames += n;
                boolean hasTruth = split == Split.TEST || trainGroundTruth;
                problems.addAll(videoProblems(dir, info, id, t, n, hasTruth ? truth.getOrDefault(id, List.of()) : null));
                if (hasTruth) {
                    anomalousFrames += GroundTruth.count(GroundTruth.mask(truth.getOrDefault(id, List.of()), n));
                }
            }
            DatasetManifest.Counts expected = split == Split.TRAIN ? manifest.train() : manifest.test();
            if (expected != null) {
                compare(problems, list, "videos", expected.videos(), ids.size());
                compare(problems, list, "normal videos", expected.normal(), byLabel[VideoLabel.NORMAL.ordinal()]);
                compare(problems, list, "anomalous videos", expected.anomalous(), byLabel[VideoLabel.ANOMALOUS.ordinal()]);
            }
            boolean hasTruth = split == Split.TEST || trainGroundTruth;
            splitColumn.append(split.id());
            videoCount.append(ids.size());
            normal.append(byLabel[VideoLabel.NORMAL.ordinal()]);
            anomalous.append(byLabel[VideoLabel.ANOMALOUS.ordinal()]);
            unknown.append(byLabel[VideoLabel.UNKNOWN.ordinal()]);
            segmentCount.append(segments);
            frameCount.append(totalFrames);
            anomalousShare.append(hasTruth ? String.format(Locale.ROOT, "%.1f %%", totalFrames == 0 ? 0.0 : 100.0 * anomalousFrames / totalFrames) : "-");
        }
        for (Map.Entry<String, String> c : manifest.checksums().entrySet()) {
            Path file = dir.resolve(c.getKey());
            if (!Files.exists(file)) {
                problems.add(file + ": missing (the manifest gives its checksum)");
            } else {
                String sha = sha256(file, problems);
                if (sha != null && !sha.equalsIgnoreCase(c.getValue())) {
                    problems.add(file + ": checksum " + sha + ", the manifest says " + c.getValue());
                }
            }
        }

        summary.add("dataset " + info.name() + " (" + dir + "): d = " + d + ", p = " + info.segmentSize() + ", "
                + (info.frameRate() > 0 ? fmt(info.frameRate()) + " fps" : "frame rate unknown")
                + ", ground truth convention: " + info.groundTruthConvention() + (info.synthetic() ? ", SYNTHETIC teaching proxy" : ""));
        Table counts = Table.create("", splitColumn, videoCount, normal, anomalous, unknown, segmentCount, frameCount, anomalousShare);
        summary.addAll(TableText.text(counts, counts.rowCount()).lines().toList());
        if (problems.isEmpty()) {
            try {
                String fp = DatasetDirectory.load(dir).fingerprint();
                String note = manifest.fingerprint() == null ? ""
                        : fp.equals(manifest.fingerprint()) ? " (matches the manifest's default copy)"
                        : " (the manifest's default copy is " + manifest.fingerprint() + ": another seed or generator)";
                summary.add("fingerprint " + fp + note);
            } catch (IOException | RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        String against = manifest.name() == null ? " (no manifest: structure and values only)" : " against manifest " + manifest.name();
        summary.add(problems.isEmpty()
                ? "OK: " + dir + (manifest.name() == null ? " is a sound dataset directory (no manifest: structure and values only)"
                        : " is a good copy of " + manifest.name())
                : "FAILED: " + problems.size() + " problem(s) in " + dir + against);
        return new Report(problems, summary);
    }

    /**
     * The structural problems of a dataset directory's annotations, one line each naming the file:
     * <ul>
     *   <li>a video listed twice in a split, or in both splits (a train/test leak), or two ids that
     *       differ only in case (one file on macOS and Windows);</li>
     *   <li>a listed video without a row in {@code videos.csv};</li>
     *   <li>ground truth for a video that no split lists;</li>
     *   <li>where ground truth is read (test videos; training videos when {@code trainGroundTruth}):
     *       a video labelled anomalous without an anomalous frame, or labelled normal with some;</li>
     *   <li>ground truth that gives no test video an anomalous frame (frame AUC is then undefined).</li>
     * </ul>
     * Split entries that are not video ids ({@code ..}, {@code /}) are refused when the lists are
     * read ({@link Annotations#readSplit}); a second row for a video when {@code videos.csv} is read.
     *
     * @param splits the lists that could be read
     * @param videos {@code videos.csv}, or null when it could not be read (its checks are skipped)
     * @param truth  {@code ground_truth.csv}, or null when it could not be read (its checks are skipped)
     */
    public static List<String> structure(Path dir, Map<Split, List<String>> splits, Map<String, Annotations.Row> videos,
                                         Map<String, List<GroundTruth.Interval>> truth, boolean trainGroundTruth) {
        List<String> problems = new ArrayList<>();
        Path videosCsv = dir.resolve(Annotations.VIDEOS_CSV);
        Path truthCsv = dir.resolve(Annotations.GROUND_TRUTH_CSV);
        Map<String, Split> seen = new LinkedHashMap<>();
        Map<String, String> byFolded = new LinkedHashMap<>();
        boolean anomalousTestFrame = false;
        for (Map.Entry<Split, List<String>> e : splits.entrySet()) {
            Split split = e.getKey();
            Path list = Annotations.splitFile(dir, split);
            for (String id : e.getValue()) {
                Split before = seen.putIfAbsent(id, split);
                if (before == split) {
                    problems.add(list + ": duplicate video " + id);
                    continue;
                } else if (before != null) {
                    problems.add(list + ": video " + id + " is also in " + Annotations.splitFile(dir, before) + " (a train/test leak)");
                    continue;
                }
                String twin = byFolded.putIfAbsent(id.toLowerCase(Locale.ROOT), id);
                if (twin != null) {
                    Split twinSplit = seen.get(twin);
                    problems.add(list + ": video " + id + " and video " + twin + (twinSplit == split ? "" : " in "
                            + Annotations.splitFile(dir, twinSplit)) + " differ only in case: on macOS and Windows they are one"
                            + " file, " + DatasetDirectory.FEATURES + "/" + id + ".npy" + (twinSplit == split ? "" : " (a train/test leak)")
                            + "; rename one");
                    continue;
                }
                Annotations.Row row = videos == null ? null : videos.get(id);
                if (videos != null && row == null) {
                    problems.add(videosCsv + ": no row for video " + id + " (listed in " + list + ")");
                }
                if (truth == null || split != Split.TEST && !trainGroundTruth) {
                    continue;
                }
                boolean anomalousFrame = truth.getOrDefault(id, List.of()).stream().anyMatch(iv -> iv.end() > iv.start());
                anomalousTestFrame |= split == Split.TEST && anomalousFrame;
                if (row != null && row.label() == VideoLabel.ANOMALOUS && !anomalousFrame) {
                    problems.add(truthCsv + ": no anomalous frame for video " + id + ", which " + videosCsv.getFileName() + " labels anomalous");
                } else if (row != null && row.label() == VideoLabel.NORMAL && anomalousFrame) {
                    problems.add(truthCsv + ": anomalous frames for video " + id + ", which " + videosCsv.getFileName() + " labels normal");
                }
            }
        }
        if (truth != null) {
            for (String id : truth.keySet()) {
                if (!seen.containsKey(id)) {
                    problems.add(truthCsv + ": ground truth for video " + id + ", which no split lists");
                }
            }
            List<String> test = splits.getOrDefault(Split.TEST, List.of());
            if (!truth.isEmpty() && !test.isEmpty() && !anomalousTestFrame) {
                problems.add(truthCsv + ": no test video has an anomalous frame, so frame AUC is undefined");
            }
        }
        return problems;
    }

    /**
     * The problems of one video's frame count and ground truth, as {@code data check} lists them and
     * {@link DatasetDirectory#load} refuses them: a frame count fewer than its T segments of p frames
     * cover (under the {@code segments} convention, any count but T·p), and an interval that ends
     * after the video's frames (it would be cut without a word).
     *
     * @param segments  T, the rows of its feature file
     * @param frames    its frame count in {@code videos.csv}
     * @param intervals its ground truth, or null where ground truth is not read (training videos)
     */
    static List<String> videoProblems(Path dir, DatasetInfo info, String id, int segments, int frames,
                                      List<GroundTruth.Interval> intervals) {
        List<String> problems = new ArrayList<>();
        Path videosCsv = dir.resolve(Annotations.VIDEOS_CSV);
        int p = info.segmentSize();
        if (info.groundTruthConvention() == GroundTruthConvention.FRAMES && frames <= (segments - 1) * p) {
            problems.add(videosCsv + ": frames " + frames + " for video " + id + ", fewer than its " + segments + " segments of "
                    + p + " frames cover");
        }
        if (info.groundTruthConvention() == GroundTruthConvention.SEGMENTS && frames != segments * p) {
            problems.add(videosCsv + ": frames " + frames + " for video " + id + ", but " + segments + " segments × " + p + " = "
                    + segments * p + " under the segments convention");
        }
        for (GroundTruth.Interval iv : intervals == null ? List.<GroundTruth.Interval>of() : intervals) {
            if (iv.end() > frames) {
                problems.add(dir.resolve(Annotations.GROUND_TRUTH_CSV) + ": interval " + iv + " of video " + id + " ends after its "
                        + frames + " frames");
            }
        }
        return problems;
    }

    /** Checks one feature file; returns its segment count, or -1 when it is unusable. */
    private static int checkFeatures(Path file, int d, List<String> problems) {
        if (!Files.exists(file)) {
            problems.add(file + ": missing");
            return -1;
        }
        Npy.Header h;
        try {
            h = Npy.header(file);
        } catch (IOException e) {
            problems.add(e.getMessage());
            return -1;
        }
        long[] s = h.shape();
        boolean plain = s.length == 2;
        boolean crops = s.length == 3 && (s[0] == Crops.CROPS || s[1] == Crops.CROPS);
        if (!h.isFloat() || !(plain || crops) || d > 0 && s[s.length - 1] != d) {
            problems.add(file + ": shape " + Arrays.toString(s) + " " + h.descr() + ", expected float [T, " + (d > 0 ? d : "d") + "]"
                    + " (or [T, 10, d] / [10, T, d])");
            return -1;
        }
        if (Arrays.stream(s).anyMatch(n -> n == 0)) {
            return 0; // a video shorter than one segment: no values to check
        }
        try {
            INDArray a = Npy.readFloat(file);
            float[] v = a.data().asFloat();
            int nan = 0;
            int inf = 0;
            for (float x : v) {
                if (Float.isNaN(x)) {
                    nan++;
                } else if (Float.isInfinite(x)) {
                    inf++;
                }
            }
            if (nan + inf > 0) {
                problems.add(file + ": bad values: " + nan + " NaN and " + inf + " Inf of " + v.length);
                return -1;
            }
        } catch (IOException e) {
            problems.add(e.getMessage());
            return -1;
        }
        return (int) (plain ? s[0] : s[1] == Crops.CROPS ? s[0] : s[1]);
    }

    private static void compare(List<String> problems, Path list, String what, Integer expected, int found) {
        if (expected != null && expected != found) {
            problems.add(list + ": count " + found + " " + what + ", the manifest expects " + expected);
        }
    }

    private static String sha256(Path file, List<String> problems) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            problems.add(file + ": cannot read (" + e.getMessage() + ")");
            return null;
        }
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
