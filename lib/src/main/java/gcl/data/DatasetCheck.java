package gcl.data;

import gcl.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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
 * Validates a local dataset directory against its manifest ({@code gcl data check}): missing
 * files, wrong shapes, bad values (NaN/Inf) and wrong counts, each named by file; for a good copy,
 * a one-screen summary (videos, segments, anomalous frame share).
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

    /** Checks {@code dir} against {@code manifest}. Never throws for a bad copy: everything goes in the report. */
    public static Report run(DatasetManifest manifest, Path dir) {
        List<String> problems = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        DatasetInfo info;
        boolean trainGroundTruth;
        try {
            info = DatasetDirectory.readInfo(dir);
            trainGroundTruth = DatasetDirectory.readJson(dir).path("trainGroundTruth").asBoolean(false);
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

        Map<String, Annotations.Row> videos = Map.of();
        try {
            videos = Annotations.readVideos(dir);
        } catch (IOException | RuntimeException e) {
            problems.add(e.getMessage());
        }
        Map<String, List<GroundTruth.Interval>> truth = Map.of();
        try {
            truth = Annotations.readGroundTruth(dir);
        } catch (IOException | RuntimeException e) {
            problems.add(e.getMessage());
        }

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
            List<String> ids;
            Path list = Annotations.splitFile(dir, split);
            try {
                ids = Annotations.readSplit(dir, split);
            } catch (IOException e) {
                problems.add(e.getMessage());
                continue;
            }
            int[] byLabel = new int[3];
            long segments = 0;
            long totalFrames = 0;
            long anomalousFrames = 0;
            for (String id : ids) {
                if (!listed.add(id)) {
                    problems.add(list + ": duplicate video " + id);
                    continue;
                }
                Annotations.Row row = videos.get(id);
                if (row == null) {
                    problems.add(dir.resolve(Annotations.VIDEOS_CSV) + ": no row for video " + id);
                } else {
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
                if (info.groundTruthConvention() == GroundTruthConvention.SEGMENTS && n != t * info.segmentSize()) {
                    problems.add(dir.resolve(Annotations.VIDEOS_CSV) + ": frames " + n + " for video " + id + ", but "
                            + t + " segments × " + info.segmentSize() + " = " + t * info.segmentSize() + " under the segments convention");
                }
                if (split == Split.TEST || trainGroundTruth) {
                    for (GroundTruth.Interval iv : truth.getOrDefault(id, List.of())) {
                        if (iv.end() > n) {
                            problems.add(dir.resolve(Annotations.GROUND_TRUTH_CSV) + ": interval " + iv + " of video " + id
                                    + " ends after its " + n + " frames");
                        }
                    }
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
        for (String id : truth.keySet()) {
            if (!listed.contains(id)) {
                problems.add(dir.resolve(Annotations.GROUND_TRUTH_CSV) + ": ground truth for video " + id + ", which no split lists");
            }
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
        summary.addAll(Tables.text(counts, counts.rowCount()).lines().toList());
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
        summary.add(problems.isEmpty() ? "OK: " + dir + " is a good copy of " + manifest.name()
                : "FAILED: " + problems.size() + " problem(s) in " + dir + " against manifest " + manifest.name());
        return new Report(problems, summary);
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
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            problems.add(file + ": cannot read (" + e.getMessage() + ")");
            return null;
        }
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
