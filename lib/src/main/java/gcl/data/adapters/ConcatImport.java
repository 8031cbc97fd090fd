package gcl.data.adapters;

import gcl.Progress;
import gcl.data.Annotations;
import gcl.data.CropPolicy;
import gcl.data.Csv;
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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The concatenated form some successors publish: one big [N, d] feature array plus per-video
 * rows, given here as a CSV with header {@code id,split,from,to} (optionally {@code ,label}):
 * video {@code id} is rows [from, to) of the array. Test ground truth as in
 * {@link FeatureListImport}: concatenated (in the index's test order) or an {@code id,start,end} CSV.
 */
public final class ConcatImport {
    private ConcatImport() {
    }

    /**
     * @param features       the [N, d] array
     * @param index          {@code id,split,from,to[,label]} rows
     * @param out            dataset directory to write
     * @param name           dataset name
     * @param segmentSize    p
     * @param frameRate      frames per second (0 when unknown)
     * @param concatenatedGt concatenated frame-level ground truth of the test videos, or null
     * @param groundTruthCsv {@code id,start,end} ground truth, or null
     * @param featureKind    what the features are
     */
    public record Options(Path features, Path index, Path out, String name, int segmentSize, double frameRate,
                          Path concatenatedGt, Path groundTruthCsv, String featureKind) {
    }

    public static ImportRun.Result run(Options o, Progress progress) throws IOException {
        if (o.concatenatedGt() != null && o.groundTruthCsv() != null) {
            throw new IllegalArgumentException("give either a concatenated ground truth or a ground-truth CSV, not both");
        }
        INDArray all = Npy.readFloat(o.features());
        if (all.rank() != 2) {
            throw new IOException(o.features() + ": expected one [N, d] array, found shape " + Arrays.toString(all.shape()));
        }
        Map<String, List<GroundTruth.Interval>> csv = o.groundTruthCsv() == null ? Map.of()
                : Annotations.readGroundTruthCsv(o.groundTruthCsv());
        List<VideoSource> sources = new ArrayList<>();
        List<Integer> testSegments = new ArrayList<>();
        for (Csv.Row r : Csv.read(o.index(), List.of("id", "split", "from", "to", "label"), 4)) {
            int from = r.integer(2, "from");
            int to = r.integer(3, "to");
            Split split;
            VideoLabel label;
            try {
                split = Split.parse(r.text(1));
                label = VideoLabel.parse(r.text(4));
            } catch (IllegalArgumentException e) {
                throw r.problem(e.getMessage());
            }
            if (from < 0 || to <= from || to > all.rows()) {
                throw r.problem("rows [" + from + ", " + to + ") are not inside the array's " + all.rows() + " rows");
            }
            String id = r.text(0);
            String origin = o.features() + " rows [" + from + ", " + to + ")";
            VideoSource.Reader reader = () -> all.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            sources.add(new VideoSource(id, split, origin, reader, label,
                    split == Split.TEST ? csv.getOrDefault(id, List.of()) : null, null, null));
            if (split == Split.TEST) {
                testSegments.add(to - from);
            }
        }
        if (o.concatenatedGt() != null) {
            List<boolean[]> masks = ImportRun.splitConcatenated(Npy.readMask(o.concatenatedGt()), testSegments.size(),
                    testSegments::get, o.segmentSize(), o.concatenatedGt());
            List<VideoSource> withGt = new ArrayList<>();
            int k = 0;
            for (VideoSource s : sources) {
                withGt.add(s.split() == Split.TEST ? s.withMask(masks.get(k++)) : s);
            }
            sources = withGt;
        }
        sources = FeatureListImport.labelTestFromGroundTruth(sources);
        DatasetInfo info = new DatasetInfo(o.name(), o.segmentSize(), o.featureKind() == null ? "unknown" : o.featureKind(), 0,
                o.frameRate(), GroundTruthConvention.SEGMENTS, false,
                o.name() + ", imported from one concatenated feature array by 'gcl data import concat'.");
        return ImportRun.write(o.out(), info, sources, CropPolicy.MEAN, progress);
    }
}
