package gcl.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a dataset directory into a {@link Dataset}. The layout (documented in
 * {@code data-manifests/README.md}):
 * <pre>
 * DIR/
 *   dataset.json       name, segmentSize, featureKind, featureDim, frameRate,
 *                      groundTruthConvention ("segments" | "frames"), synthetic, description
 *   features/&lt;id&gt;.npy  float32 [T, d], C order, one file per video (T segments in temporal order)
 *   splits/train.txt   video ids, one per line       ┐
 *   splits/test.txt    video ids, one per line       │ the {@link Annotations}, read and
 *   videos.csv         id,frames,label               │ written by that class only
 *   ground_truth.csv   id,start,end                  ┘
 * </pre>
 * A test video without ground-truth rows is entirely normal. Training videos get no ground truth
 * unless {@code dataset.json} says {@code "trainGroundTruth": true} (the synthetic sets do, for
 * analysis only: the method never reads it).
 */
public final class DatasetDirectory {
    public static final String DATASET_JSON = "dataset.json";
    public static final String FEATURES = "features";

    private DatasetDirectory() {
    }

    /**
     * How to read a directory.
     *
     * @param crops      what to do with 10-crop feature files ([T, 10, d] or [10, T, d])
     * @param convention null for the directory's own convention; {@link GroundTruthConvention#SEGMENTS}
     *                   gives every video T·p frames (cutting or padding its ground truth), as the
     *                   published evaluation does, whatever {@code videos.csv} says;
     *                   {@link GroundTruthConvention#FRAMES} uses the counts in {@code videos.csv}
     *                   (only for a directory written that way)
     */
    public record Options(CropPolicy crops, GroundTruthConvention convention) {
        public Options {
            if (crops == null) {
                crops = CropPolicy.MEAN;
            }
        }

        /** Mean of crops, frame counts as written. */
        public static Options defaults() {
            return new Options(CropPolicy.MEAN, null);
        }

        public Options withCrops(CropPolicy policy) {
            return new Options(policy, convention);
        }

        public Options withConvention(GroundTruthConvention c) {
            return new Options(crops, c);
        }
    }

    /** Loads a directory with the default options. */
    public static Dataset load(Path dir) throws IOException {
        return load(dir, Options.defaults());
    }

    /**
     * Loads a directory: reads every listed video's features into one matrix per split, attaches
     * frame counts, labels and ground truth, and computes the dataset's fingerprint.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static Dataset load(Path dir, Options options) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such dataset directory");
        }
        JsonNode meta = readJson(dir);
        DatasetInfo info = readInfo(dir);
        boolean trainGroundTruth = meta.path("trainGroundTruth").asBoolean(false);
        Annotations annotations = Annotations.read(dir, true);
        GroundTruthConvention convention = options.convention() == null ? info.groundTruthConvention() : options.convention();
        if (convention == GroundTruthConvention.FRAMES && info.groundTruthConvention() == GroundTruthConvention.SEGMENTS) {
            throw new IOException(dir.resolve(DATASET_JSON) + ": written in the 'segments' convention (T x p frames per video); "
                    + "the real frame counts are not there, so it cannot be read in the 'frames' convention");
        }
        FeatureSet[] sets = new FeatureSet[2];
        int d = info.featureDim();
        for (Split split : Split.values()) {
            List<Video> videos = new ArrayList<>();
            List<INDArray> mats = new ArrayList<>();
            for (String id : annotations.ids(split)) {
                Path file = featureFile(dir, id);
                if (!Files.exists(file)) {
                    throw new IOException(file + ": missing (video " + id + " is listed in " + Annotations.splitFile(dir, split) + ")");
                }
                Annotations.Row row = annotations.video(id).orElseThrow(() -> new IOException(
                        dir.resolve(Annotations.VIDEOS_CSV) + ": no row for video " + id));
                List<INDArray> crops = Crops.apply(Npy.readFloat(file), options.crops(), file.toString());
                for (int c = 0; c < crops.size(); c++) {
                    INDArray m = crops.get(c);
                    if (d > 0 && m.columns() != d) {
                        throw new IOException(file + ": features have d = " + m.columns() + " but dataset.json says featureDim " + d);
                    }
                    d = m.columns();
                    int segments = m.rows();
                    int n = convention == GroundTruthConvention.SEGMENTS
                            ? GroundTruth.framesOfSegments(segments, info.segmentSize()) : row.frames();
                    boolean[] gt = split == Split.TEST || trainGroundTruth ? annotations.mask(id, n) : null;
                    String vid = crops.size() == 1 ? id : Crops.cropId(id, c);
                    videos.add(new Video(vid, 0, segments, n, row.label(), gt));
                    mats.add(m);
                }
            }
            FeatureSet set = FeatureSet.of(videos, mats);
            if (videos.isEmpty() && d > 0) {
                set = new FeatureSet(org.nd4j.linalg.factory.Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 0, d), List.of());
            }
            sets[split.ordinal()] = set;
        }
        DatasetInfo loaded = info.withFeatureDim(d).withGroundTruthConvention(convention);
        return new Dataset(loaded, sets[0], sets[1], Fingerprint.of(loaded, sets[0], sets[1]));
    }

    /** The feature file of a video. */
    public static Path featureFile(Path dir, String id) {
        return dir.resolve(FEATURES).resolve(id + ".npy");
    }

    /** Reads {@code dataset.json}. */
    public static DatasetInfo readInfo(Path dir) throws IOException {
        JsonNode o = readJson(dir);
        Path file = dir.resolve(DATASET_JSON);
        try {
            return new DatasetInfo(
                    required(o, "name", file).asText(),
                    required(o, "segmentSize", file).asInt(),
                    o.path("featureKind").asText("unknown"),
                    o.path("featureDim").asInt(0),
                    o.path("frameRate").asDouble(0),
                    GroundTruthConvention.parse(o.path("groundTruthConvention").asText(GroundTruthConvention.SEGMENTS.id())),
                    o.path("synthetic").asBoolean(false),
                    o.path("description").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static JsonNode readJson(Path dir) throws IOException {
        Path file = dir.resolve(DATASET_JSON);
        if (!Files.exists(file)) {
            throw new IOException(file + ": missing (every dataset directory has one; see data-manifests/README.md)");
        }
        try {
            JsonNode o = new ObjectMapper().readTree(file.toFile());
            if (o == null || !o.isObject()) {
                throw new IOException(file + ": not a JSON object");
            }
            return o;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static JsonNode required(JsonNode o, String field, Path file) throws IOException {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new IOException(file + ": missing field \"" + field + "\"");
        }
        return v;
    }
}
