package gcl.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Reads a dataset directory into a {@link Dataset}. The layout (documented in
 * {@code data-manifests/README.md}):
 * <pre>
 * DIR/
 *   dataset.json       name, segmentSize, featureKind, featureDim, frameRate,
 *                      groundTruthConvention ("segments" | "frames"), synthetic, description, and
 *                      maskPadding ("last" | "normal") where frame masks were padded on import
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
    /** The keys {@code dataset.json} may hold (any other is refused by name: a misspelled optional key would silently take its default). */
    public static final List<String> DATASET_JSON_KEYS = List.of("name", "segmentSize", "featureKind", "featureDim", "frameRate",
            "frameSize", "groundTruthConvention", "synthetic", "trainGroundTruth", "description", "maskPadding");

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
     * frame counts, labels and ground truth, and computes the dataset's fingerprint. The annotations
     * pass {@link DatasetCheck#structure} first (no video in both splits, ground truth that matches
     * the labels, ...). Every feature
     * is checked on the way in (one pass): a NaN, an Inf or a value beyond ±{@link FeatureSet#LARGEST}
     * stops the load, naming the file and the row.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static Dataset load(Path dir, Options options) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such dataset directory");
        }
        DatasetInfo info = readInfo(dir);
        boolean trainGroundTruth = trainGroundTruth(dir);
        Annotations annotations = Annotations.read(dir, true);
        List<String> problems = DatasetCheck.structure(dir, annotations.splits(), annotations.videos(), annotations.groundTruth(),
                trainGroundTruth);
        if (!problems.isEmpty()) {
            throw new IOException(problems.get(0) + (problems.size() == 1 ? ""
                    : " (and " + (problems.size() - 1) + " more: gcl data check --dir " + dir + " lists them all)"));
        }
        GroundTruthConvention convention = options.convention() == null ? info.groundTruthConvention() : options.convention();
        if (convention == GroundTruthConvention.FRAMES && info.groundTruthConvention() == GroundTruthConvention.SEGMENTS) {
            throw new IOException(dir.resolve(DATASET_JSON) + ": written in the 'segments' convention (T x p frames per video); "
                    + "the real frame counts are not there, so it cannot be read in the 'frames' convention");
        }
        FeatureSet[] sets = new FeatureSet[2];
        int d = info.featureDim();
        for (Split split : Split.values()) {
            // the headers first: the split's rows are known before any feature is read, so the
            // features go straight from the files into one matrix (no per-video copies)
            List<String> ids = annotations.ids(split);
            List<Npy.Header> headers = new ArrayList<>(ids.size());
            long rows = 0;
            for (String id : ids) {
                Path file = featureFile(dir, id);
                if (!Files.exists(file)) {
                    throw new IOException(file + ": missing (video " + id + " is listed in " + Annotations.splitFile(dir, split) + ")");
                }
                Npy.Header h = Npy.header(file);
                if (!h.isFloat()) {
                    throw new IOException(file + ": expected float32 or float64 features, found " + h.descr() + " (header " + h.text() + ")");
                }
                long[] shape = h.shape();
                boolean crops = shape.length == 3 && (shape[0] == Crops.CROPS || shape[1] == Crops.CROPS);
                if (shape.length != 2 && !crops) {
                    throw new IOException(file + ": shape " + Arrays.toString(shape) + "; features are [T, d] (or 10-crop"
                            + " [T, 10, d] / [10, T, d]): one row of d numbers per segment");
                }
                long columns = shape[shape.length - 1];
                if (d > 0 && columns != d) {
                    throw new IOException(file + ": features have d = " + columns + " but dataset.json says featureDim " + d);
                }
                d = (int) columns;
                headers.add(h);
                rows += Crops.rows(shape, options.crops());
            }
            INDArray all = rows == 0 ? Nd4j.create(DataType.FLOAT, 0, Math.max(d, 0))
                    : Nd4j.createUninitialized(DataType.FLOAT, rows, d);
            List<Video> videos = new ArrayList<>();
            long row = 0;
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                Path file = featureFile(dir, id);
                Npy.Header h = headers.get(i);
                Annotations.Row listed = annotations.video(id).orElseThrow(() -> new IOException(
                        dir.resolve(Annotations.VIDEOS_CSV) + ": no row for video " + id));
                List<Integer> lengths = new ArrayList<>();
                if (h.descr().equals("<f4") && h.shape().length == 2) {
                    Npy.readInto(file, h, all, row);
                    lengths.add((int) h.shape()[0]);
                } else {
                    // float64 or 10-crop files: read, then copy into place
                    try (INDArray raw = Npy.readFloat(file)) {
                        long at = row;
                        for (INDArray m : Crops.apply(raw, options.crops(), file.toString())) {
                            if (m.rows() > 0) {
                                all.get(NDArrayIndex.interval(at, at + m.rows()), NDArrayIndex.all()).assign(m);
                            }
                            at += m.rows();
                            lengths.add(m.rows());
                            if (m != raw) {
                                m.close();
                            }
                        }
                    }
                }
                List<String> videoProblems = DatasetCheck.videoProblems(dir, info, id, lengths.get(0), listed.frames(),
                        split == Split.TEST || trainGroundTruth ? annotations.intervals(id) : null);
                if (!videoProblems.isEmpty()) {
                    throw new IOException(videoProblems.get(0));
                }
                long fileRows = lengths.stream().mapToLong(Integer::longValue).sum();
                if (fileRows > 0) {
                    String bad = FeatureSet.badValues(all.get(NDArrayIndex.interval(row, row + fileRows), NDArrayIndex.all()));
                    if (bad != null) {
                        throw new IOException(file + ": row " + bad + " (video " + id + "); features must be finite numbers"
                                + " within ±" + FeatureSet.LARGEST + ": re-extract the video or repair the file");
                    }
                }
                for (int c = 0; c < lengths.size(); c++) {
                    int segments = lengths.get(c);
                    int n = convention == GroundTruthConvention.SEGMENTS
                            ? GroundTruth.framesOfSegments(segments, info.segmentSize()) : listed.frames();
                    if (n <= (segments - 1) * info.segmentSize()) {
                        throw new IOException(dir.resolve(Annotations.VIDEOS_CSV) + ": frames " + n + " for video " + id
                                + ", fewer than its " + segments + " segments of " + info.segmentSize() + " frames cover");
                    }
                    boolean[] gt = split == Split.TEST || trainGroundTruth ? annotations.mask(id, n) : null;
                    String vid = lengths.size() == 1 ? id : Crops.cropId(id, c);
                    videos.add(new Video(vid, (int) row, segments, n, listed.label(), gt));
                    row += segments;
                }
            }
            sets[split.ordinal()] = new FeatureSet(all, videos);
        }
        DatasetInfo loaded = info.withFeatureDim(d).withGroundTruthConvention(convention);
        return new Dataset(loaded, sets[0], sets[1], Fingerprint.of(loaded, sets[0], sets[1]));
    }

    /** The feature file of a video. */
    public static Path featureFile(Path dir, String id) {
        return dir.resolve(FEATURES).resolve(id + ".npy");
    }

    /** Reads {@code dataset.json}: every key known, every value of its field's type. */
    public static DatasetInfo readInfo(Path dir) throws IOException {
        MetadataFields o = fields(dir);
        Path file = dir.resolve(DATASET_JSON);
        String frameSize = o.has("frameSize") ? o.text("frameSize", null) : null;
        if (frameSize != null && !frameSize.matches("[1-9][0-9]*x[1-9][0-9]*")) {
            throw new IOException(file + ": frameSize takes WIDTHxHEIGHT, e.g. 320x240, got \"" + frameSize + "\"");
        }
        try {
            return new DatasetInfo(
                    o.text("name", null),
                    o.whole("segmentSize", null, 1),
                    o.text("featureKind", "unknown"),
                    o.whole("featureDim", 0, 0),
                    o.nonNegative("frameRate", 0),
                    GroundTruthConvention.parse(o.text("groundTruthConvention", GroundTruthConvention.SEGMENTS.id())),
                    o.flag("synthetic", false),
                    o.text("description", ""),
                    o.has("maskPadding") ? MaskPadding.parse(o.text("maskPadding", null)) : null,
                    frameSize);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code dataset.json} gives the training videos ground truth too ({@code "trainGroundTruth": true}). */
    static boolean trainGroundTruth(Path dir) throws IOException {
        return fields(dir).flag("trainGroundTruth", false);
    }

    private static MetadataFields fields(Path dir) throws IOException {
        Path file = dir.resolve(DATASET_JSON);
        if (!Files.exists(file)) {
            throw new IOException(file + ": missing (every dataset directory has one; see data-manifests/README.md)");
        }
        return MetadataFields.read(file, DATASET_JSON_KEYS);
    }
}
