package gcl.data.adapters;

import gcl.Progress;
import gcl.data.CropPolicy;
import gcl.data.DatasetDirectory;
import gcl.data.DatasetInfo;
import gcl.data.GroundTruth;
import gcl.data.Npy;
import gcl.data.Split;
import gcl.data.VideoLabel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
            throw new IOException(o.features() + ": expected one [N, d] array, found shape " + java.util.Arrays.toString(all.shape()));
        }
        Map<String, List<GroundTruth.Interval>> csv = o.groundTruthCsv() == null ? Map.of()
                : DatasetDirectory.readIntervals(o.groundTruthCsv());
        List<String> lines = Files.readAllLines(o.index());
        if (lines.isEmpty() || !lines.get(0).strip().replace(" ", "").startsWith("id,split,from,to")) {
            throw new IOException(o.index() + ": expected the header 'id,split,from,to[,label]'");
        }
        List<VideoSource> sources = new ArrayList<>();
        List<Integer> testSegments = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            String where = o.index() + ": line " + (i + 1);
            int from;
            int to;
            Split split;
            VideoLabel label;
            try {
                split = Split.parse(f[1]);
                from = Integer.parseInt(f[2].strip());
                to = Integer.parseInt(f[3].strip());
                label = f.length > 4 ? VideoLabel.parse(f[4]) : VideoLabel.UNKNOWN;
            } catch (RuntimeException e) {
                throw new IOException(where + ": expected id,split,from,to[,label], found '" + line + "'");
            }
            if (from < 0 || to <= from || to > all.rows()) {
                throw new IOException(where + ": rows [" + from + ", " + to + ") are not inside the array's " + all.rows() + " rows");
            }
            String id = f[0].strip();
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
                o.frameRate(), DatasetInfo.SEGMENTS, false,
                o.name() + ", imported from one concatenated feature array by 'gcl data import concat'.");
        return ImportRun.write(o.out(), info, sources, CropPolicy.MEAN, progress);
    }
}
