package gcl.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The segment features of one split: every segment of every video in one [N, d] float32 matrix,
 * video after video, each video's segments in temporal order.
 *
 * <p>The matrix is stored once. A video's segments are a view ({@link #segmentsOf(Video)}), which
 * keeps the temporal order that TD cleaning (section 3.3) and evaluation need; training reads
 * shuffled batches of row indices across all videos ({@link #shuffledBatches}, section 3.1).
 */
public final class FeatureSet {
    /**
     * The largest magnitude a feature may have. No feature extractor gives values near it; they
     * come from a broken file or a wrong unit, and train G to errors of Infinity.
     */
    public static final double LARGEST = 1e9;

    private final INDArray features;
    private final List<Video> videos;
    private final Map<String, Video> byId;

    /**
     * @param features [N, d] float32 matrix, one row per segment
     * @param videos   the videos whose row ranges tile {@code features} in order
     */
    public FeatureSet(INDArray features, List<Video> videos) {
        if (features.rank() != 2) {
            throw new IllegalArgumentException("features must be [N, d], got shape " + Arrays.toString(features.shape()));
        }
        this.features = features.dataType() == DataType.FLOAT ? features : features.castTo(DataType.FLOAT);
        this.videos = List.copyOf(videos);
        this.byId = new LinkedHashMap<>();
        int row = 0;
        for (Video v : this.videos) {
            if (v.firstRow() != row) {
                throw new IllegalArgumentException("video " + v.id() + " starts at row " + v.firstRow() + ", expected " + row);
            }
            if (byId.put(v.id(), v) != null) {
                throw new IllegalArgumentException("video " + v.id() + " appears twice");
            }
            row += v.segments();
        }
        if (row != features.rows()) {
            throw new IllegalArgumentException("videos cover " + row + " rows but the matrix has " + features.rows());
        }
    }

    /**
     * Builds a set from per-video matrices (each [T_i, d]), copying them once into one matrix.
     * The videos' {@code firstRow} is recomputed; their other fields are kept.
     */
    public static FeatureSet of(List<Video> videos, List<INDArray> perVideo) {
        if (videos.size() != perVideo.size()) {
            throw new IllegalArgumentException(videos.size() + " videos but " + perVideo.size() + " matrices");
        }
        if (videos.isEmpty()) {
            return new FeatureSet(Nd4j.create(DataType.FLOAT, 0, 0), List.of());
        }
        long d = perVideo.get(0).columns();
        int n = 0;
        for (int i = 0; i < perVideo.size(); i++) {
            INDArray m = perVideo.get(i);
            if (m.rank() != 2 || m.columns() != d) {
                throw new IllegalArgumentException("video " + videos.get(i).id() + ": features have shape "
                        + Arrays.toString(m.shape()) + ", expected [T, " + d + "]");
            }
            n += m.rows();
        }
        INDArray all = Nd4j.create(DataType.FLOAT, n, d);
        List<Video> placed = new ArrayList<>(videos.size());
        int row = 0;
        for (int i = 0; i < videos.size(); i++) {
            INDArray m = perVideo.get(i);
            int t = m.rows();
            if (t > 0) {
                all.get(NDArrayIndex.interval(row, row + t), NDArrayIndex.all()).assign(m);
            }
            Video v = videos.get(i);
            placed.add(new Video(v.id(), row, t, v.frames(), v.label(), v.groundTruth()));
            row += t;
        }
        return new FeatureSet(all, placed);
    }

    /** All segment features, [N, d] float32. Do not modify. */
    public INDArray features() {
        return features;
    }

    /** The videos, in the order their rows appear. */
    public List<Video> videos() {
        return videos;
    }

    /** The video with this id, or an exception naming it. */
    public Video video(String id) {
        Video v = byId.get(id);
        if (v == null) {
            throw new IllegalArgumentException("no video '" + id + "' in this set");
        }
        return v;
    }

    /** Number of segments N (all videos). */
    public int size() {
        return features.rows();
    }

    /** Feature dimension d. */
    public int dim() {
        return features.columns();
    }

    /** One video's segments in temporal order: a [m_i, d] view into {@link #features()}. */
    public INDArray segmentsOf(Video v) {
        if (v.segments() == 0) {
            return Nd4j.create(DataType.FLOAT, 0, dim());
        }
        return features.get(NDArrayIndex.interval(v.firstRow(), v.endRow()), NDArrayIndex.all());
    }

    /** For every row, the index (in {@link #videos()}) of the video it belongs to. */
    public int[] videoIndexOfRows() {
        int[] idx = new int[size()];
        for (int i = 0; i < videos.size(); i++) {
            Video v = videos.get(i);
            Arrays.fill(idx, v.firstRow(), v.endRow(), i);
        }
        return idx;
    }

    /** A new set with only the videos the predicate keeps (their rows are copied). */
    public FeatureSet subset(Predicate<Video> keep) {
        List<Video> kept = new ArrayList<>();
        List<INDArray> mats = new ArrayList<>();
        for (Video v : videos) {
            if (keep.test(v)) {
                kept.add(v);
                mats.add(segmentsOf(v));
            }
        }
        if (kept.isEmpty()) {
            return new FeatureSet(Nd4j.create(DataType.FLOAT, 0, dim()), List.of());
        }
        return of(kept, mats);
    }

    /**
     * The rows of all videos shuffled together and cut into batches (section 3.1: "features are
     * randomly arranged as batches"). The last batch holds the remainder; a batch size of at least
     * N gives one batch of the whole set.
     */
    public List<int[]> shuffledBatches(int batchSize, Random rng) {
        return batchesOf(allRows(), batchSize, rng);
    }

    /** The given rows shuffled and cut into batches, as {@link #shuffledBatches}. */
    public static List<int[]> batchesOf(int[] rows, int batchSize, Random rng) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        int[] order = rows.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            batches.add(Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize)));
        }
        return Collections.unmodifiableList(batches);
    }

    /** 0, 1, ..., N-1. */
    public int[] allRows() {
        int[] rows = new int[size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /**
     * Checks that every feature is a finite number of magnitude at most {@link #LARGEST}: what
     * training needs (a NaN or Inf reaches every score of the model).
     *
     * @throws IllegalArgumentException naming the first bad video and its segment
     */
    public void requireSoundValues() {
        if (badValues(features) == null) {
            return;
        }
        for (Video v : videos) {
            String bad = badValues(segmentsOf(v));
            if (bad != null) {
                throw new IllegalArgumentException("video " + v.id() + ": segment " + bad
                        + "; features must be finite numbers within ±" + LARGEST);
            }
        }
    }

    /**
     * What is wrong with the values of a [T, d] matrix ("5 holds NaN": the first bad row, from 0),
     * or null when every value is a finite number of magnitude at most {@link #LARGEST}. Two
     * reductions over the matrix; a pass row by row only when something is wrong.
     */
    public static String badValues(INDArray m) {
        if (m.length() == 0) {
            return null;
        }
        double sum = m.sumNumber().doubleValue();
        double largest = m.amaxNumber().doubleValue();
        if (Double.isFinite(sum) && largest <= LARGEST) {
            return null;
        }
        for (long r = 0; r < m.rows(); r++) {
            for (float x : m.getRow(r).toFloatVector()) {
                if (Float.isNaN(x) || Float.isInfinite(x)) {
                    return r + " holds " + x;
                }
                if (Math.abs(x) > LARGEST) {
                    return r + " holds " + x + ", beyond ±" + LARGEST;
                }
            }
        }
        return null;
    }

    /**
     * The features of the given rows, gathered into a new [rows.length, d] row-major matrix (one
     * native gather, not a copy per row). A training loop closes it after the batch, which frees its
     * native memory at once.
     */
    public INDArray rows(int[] rows) {
        if (rows.length == 0) {
            return Nd4j.create(DataType.FLOAT, 0, dim());
        }
        return Nd4j.pullRows(features, 1, rows, 'c');
    }

    @Override
    public String toString() {
        return "FeatureSet[" + videos.size() + " videos, " + size() + " segments, d=" + dim() + "]";
    }
}
