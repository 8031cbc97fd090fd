package gcl.data.adapters;

import gcl.Progress;
import gcl.data.Annotations;
import gcl.data.CropPolicy;
import gcl.data.Crops;
import gcl.data.DatasetInfo;
import gcl.data.GroundTruth;
import gcl.data.GroundTruthConvention;
import gcl.data.Npy;
import gcl.data.Split;
import gcl.data.VideoLabel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Lists of feature paths (one per line, as the RTFM-style repositories publish them, abnormal
 * videos first) into a dataset directory, with the test ground truth either concatenated (one
 * frame mask of Σ T·p frames over the test list in order, as {@code gt-ucf.npy} / {@code gt-sh.npy})
 * or in our {@code id,start,end} CSV.
 */
public final class FeatureListImport {
    private FeatureListImport() {
    }

    /**
     * @param trainList      training list of feature paths
     * @param testList       test list of feature paths
     * @param features       folder to look in when a listed path does not exist here (may be null)
     * @param out            dataset directory to write
     * @param name           dataset name
     * @param segmentSize    p
     * @param frameRate      frames per second (0 when unknown)
     * @param trainAbnormal  the first N training entries are anomalous and the rest normal; null: labels unknown
     * @param testAbnormal   the same for the test list; null: from the ground truth
     * @param concatenatedGt concatenated frame-level ground truth {@code .npy}, or null
     * @param groundTruthCsv {@code id,start,end} ground truth, or null
     * @param crops          10-crop policy
     * @param featureKind    what the features are
     */
    public record Options(Path trainList, Path testList, Path features, Path out, String name, int segmentSize,
                          double frameRate, Integer trainAbnormal, Integer testAbnormal, Path concatenatedGt,
                          Path groundTruthCsv, CropPolicy crops, String featureKind) {
    }

    public static ImportRun.Result run(Options o, Progress progress) throws IOException {
        if (o.concatenatedGt() != null && o.groundTruthCsv() != null) {
            throw new IllegalArgumentException("give either a concatenated ground truth or a ground-truth CSV, not both");
        }
        Map<String, Path> index = o.features() == null ? Map.of() : ImportRun.index(o.features(), ImportRun::genericId);
        Map<String, List<GroundTruth.Interval>> csv = o.groundTruthCsv() == null ? Map.of()
                : Annotations.readGroundTruthCsv(o.groundTruthCsv());
        List<VideoSource> sources = new ArrayList<>();
        List<ImportRun.Listed> listed = ImportRun.listed(o.trainList(), o.testList(), index, ImportRun::genericId);
        for (Split split : Split.values()) {
            Integer abnormal = split == Split.TRAIN ? o.trainAbnormal() : o.testAbnormal();
            long entries = listed.stream().filter(v -> v.split() == split).count();
            if (abnormal != null && (abnormal < 0 || abnormal > entries)) {
                throw new IllegalArgumentException((split == Split.TRAIN ? o.trainList() : o.testList()) + ": " + entries
                        + " entries, cannot mark the first " + abnormal + " anomalous");
            }
        }
        for (ImportRun.Listed v : listed) {
            Integer abnormal = v.split() == Split.TRAIN ? o.trainAbnormal() : o.testAbnormal();
            VideoLabel label = abnormal == null ? VideoLabel.UNKNOWN : v.position() < abnormal ? VideoLabel.ANOMALOUS : VideoLabel.NORMAL;
            List<GroundTruth.Interval> intervals = v.split() == Split.TEST ? csv.getOrDefault(v.id(), List.of()) : null;
            sources.add(new VideoSource(v.id(), v.split(), v.file().toString(), ImportRun.file(v.file()), label, intervals, null, null));
        }
        if (o.concatenatedGt() != null) {
            sources = withConcatenatedGroundTruth(sources, o.concatenatedGt(), o.segmentSize());
        }
        if (o.testAbnormal() == null) {
            sources = labelTestFromGroundTruth(sources);
        }
        DatasetInfo info = new DatasetInfo(o.name(), o.segmentSize(), o.featureKind() == null ? "unknown" : o.featureKind(), 0,
                o.frameRate(), GroundTruthConvention.SEGMENTS, false,
                o.name() + ", imported from lists of feature paths by 'gcl data import list' (crops: " + o.crops().id() + ").");
        return ImportRun.write(o.out(), info, sources, o.crops(), progress);
    }

    /** The segment count T of a feature file from its header ([T, d], [T, 10, d] or [10, T, d]). */
    static int segmentsOf(Path file) throws IOException {
        long[] s = Npy.header(file).shape();
        if (s.length == 2) {
            return (int) s[0];
        }
        if (s.length == 3) {
            return (int) (s[1] == Crops.CROPS ? s[0] : s[1]);
        }
        throw new IOException(file + ": features must be [T, d], [T, 10, d] or [10, T, d], found " + Arrays.toString(s));
    }

    /** Gives each test source its slice of a concatenated ground truth. */
    static List<VideoSource> withConcatenatedGroundTruth(List<VideoSource> sources, Path gt, int segmentSize) throws IOException {
        List<VideoSource> test = sources.stream().filter(s -> s.split() == Split.TEST).toList();
        int[] t = new int[test.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = segmentsOf(Path.of(test.get(i).origin()));
        }
        List<boolean[]> masks = ImportRun.splitConcatenated(Npy.readMask(gt), t.length, i -> t[i], segmentSize, gt);
        List<VideoSource> out = new ArrayList<>();
        int k = 0;
        for (VideoSource s : sources) {
            out.add(s.split() == Split.TEST ? s.withMask(masks.get(k++)) : s);
        }
        return out;
    }

    /** Test videos with unknown labels become anomalous when their ground truth marks a frame, else normal. */
    static List<VideoSource> labelTestFromGroundTruth(List<VideoSource> sources) {
        List<VideoSource> out = new ArrayList<>();
        for (VideoSource s : sources) {
            if (s.split() == Split.TEST && s.label() == VideoLabel.UNKNOWN) {
                boolean any = s.mask() != null ? GroundTruth.count(s.mask()) > 0 : s.intervals() != null && !s.intervals().isEmpty();
                s = new VideoSource(s.id(), s.split(), s.origin(), s.features(), any ? VideoLabel.ANOMALOUS : VideoLabel.NORMAL,
                        s.intervals(), s.mask(), s.realFrames());
            }
            out.add(s);
        }
        return out;
    }
}
