package gcl.clean;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import gcl.EnumIds;
import gcl.data.FeatureSet;
import gcl.data.Video;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Removing each video's own normal level from its features: f'(t) = f(t) − c_v, with c_v the
 * per-dimension <b>median</b> of video v's segments. Not in the paper: a remedy of the robust preset
 * (lesson 03b, "What goes wrong with the paper's recipe, and why").
 *
 * <p><b>Why.</b> In surveillance footage the scene (camera, background, lighting) decides most of a
 * segment's feature, and every video is a different scene. G's error then mostly measures how
 * unusual a <em>scene</em> is, its pseudo-labels pick whole unusual videos, D learns to recognise those
 * scenes, and negative learning keeps their errors high: the cooperative loop locks onto scene
 * identity instead of events (measured by the training history's {@code whole_videos_*} columns).
 * Anomalies are rare <em>within</em> a video (a minority of its segments), so the median of a video's
 * segments is its normal level, and subtracting it leaves what happens in the video relative to
 * its own normal: the signal GCL is meant to find. Centred features also have no common sign, which
 * removes the "minus feature size" direction D first learns on non-negative features.
 *
 * <p><b>At test time</b> the same is done per test video (the whole video is scored offline, as in
 * the field's protocol). A video whose anomaly covers most of it has an anomalous median: a known
 * limit of the remedy. For a live stream, {@link #STREAMING} centres each segment by the median of
 * the video's segments up to and including it (the first segment is centred on itself).
 *
 * <p>Temporal differences ‖f(t+1) − f(t)‖ are unchanged by centring, so TD cleaning (section 3.3)
 * gives the same result either way.
 */
public enum VideoCentring {
    /** Features as they are (the paper). */
    NONE,
    /** Each video minus the per-dimension median of all its segments (offline). */
    MEDIAN,
    /** Each segment minus the per-dimension median of its video's segments so far (causal, for streams). */
    STREAMING,
    /**
     * {@link #MEDIAN} where the training split's {@link #sceneShare} is at least
     * {@link #SCENE_SHARE_FOR_CENTRING}, else {@link #NONE}: centring only where its premise, "the scene
     * decides most of a segment's feature", holds. Decided once, on the training split
     * ({@link #resolve}), and used for training and test alike.
     */
    AUTO;

    /**
     * The scene share from which {@link #AUTO} centres: half of the variance between videos. Not tuned:
     * the two sets the project ships lie far on either side (0.87 synthetic-quick, 0.33 rendered
     * videos), so any value between gives the same choices.
     */
    public static final double SCENE_SHARE_FOR_CENTRING = 0.5;

    /** The command-line form: {@code none}, {@code median}, {@code streaming}, {@code auto}. */
    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    /** Parses {@code none}, {@code median}, {@code streaming} or {@code auto} (any case). */
    @JsonCreator
    public static VideoCentring parse(String text) {
        return EnumIds.parse(VideoCentring.class, text, "video centring");

    }

    /**
     * The centring to apply to a dataset whose training split is {@code train}: {@link #AUTO} decided
     * by the split's {@link #sceneShare}, any other centring itself.
     */
    public VideoCentring resolve(FeatureSet train) {
        if (this != AUTO) {
            return this;
        }
        return sceneShare(train) >= SCENE_SHARE_FOR_CENTRING ? MEDIAN : NONE;
    }

    /**
     * The features of a set as this centring presents them to G and D ({@link #AUTO}: decided on this
     * set, so pass the training split, or {@link #resolve} first).
     */
    public Centred of(FeatureSet set) {
        return new Centred(resolve(set), set);
    }

    /**
     * One video's segments [T, d] (in temporal order) centred: a new matrix; for {@link #NONE} the
     * segments themselves.
     */
    public INDArray apply(INDArray segments) {
        if (this == AUTO) {
            throw new IllegalStateException("video centring 'auto' is decided on a training split: resolve it first (VideoCentring.resolve)");
        }
        if (this == NONE || segments.rows() == 0) {
            return segments;
        }
        float[][] x = segments.castTo(DataType.FLOAT).toFloatMatrix();
        if (this == MEDIAN) {
            float[] c = median(x);
            for (float[] row : x) {
                for (int k = 0; k < row.length; k++) {
                    row[k] -= c[k];
                }
            }
            return Nd4j.create(x);
        }
        int t = x.length;
        int d = x[0].length;
        float[][] out = new float[t][d];
        float[] sorted = new float[t];
        for (int k = 0; k < d; k++) {
            // insert each new value into the sorted prefix: the median of segments 0..i
            for (int i = 0; i < t; i++) {
                float v = x[i][k];
                int j = i;
                while (j > 0 && sorted[j - 1] > v) {
                    sorted[j] = sorted[j - 1];
                    j--;
                }
                sorted[j] = v;
                int n = i + 1;
                float m = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2f;
                out[i][k] = v - m;
            }
        }
        return Nd4j.create(out);
    }

    /**
     * The share of a set's feature variance that lies <em>between</em> videos: the premise of
     * {@link #MEDIAN}, measurable without labels. With m the mean of all N segments and m_v the mean
     * of video v's T_v segments,
     * <pre>  share = Σ_v T_v ‖m_v − m‖² / Σ_t ‖f_t − m‖²</pre>
     * (the between-group part of the total sum of squares). Near 1 the scene decides most of a
     * segment's feature and centring removes it (0.87 on synthetic-quick, where every video is its
     * own camera); well below it the videos share scenes and centring mostly adds the noise of a
     * short video's median (0.33 on the rendered videos, four cameras for 120 clips). NaN for a set
     * with no variance.
     */
    public static double sceneShare(FeatureSet set) {
        if (set.size() == 0) {
            return Double.NaN;
        }
        INDArray mean = set.features().mean(0);
        double total = 0;
        double between = 0;
        for (Video v : set.videos()) {
            if (v.segments() > 0) {
                // one video at a time: no copy of the whole matrix (UCF-Crime-sized sets are gigabytes)
                INDArray segments = set.segmentsOf(v);
                try (INDArray centred = segments.subRowVector(mean); INDArray videoMean = segments.mean(0)) {
                    double spread = centred.norm2Number().doubleValue();
                    total += spread * spread;
                    double dist = videoMean.subi(mean).norm2Number().doubleValue();
                    between += v.segments() * dist * dist;
                }
            }
        }
        return total == 0 ? Double.NaN : between / total;
    }

    /**
     * The per-dimension median of each video's segments, one row per video in {@link FeatureSet#videos()}
     * order (zeros for a video without segments): the same values as {@link #median} of each video's
     * rows, computed so that a UCF-Crime-sized set (6.7 GiB of features, 1,900 videos) is centred in
     * seconds per core rather than minutes, without a copy of the features:
     * <ul>
     *   <li>a video's rows are read a few at a time and written column by column into one reused
     *       buffer, so each dimension's values lie side by side (read in place, a column of a
     *       row-major matrix is one cache miss per value);</li>
     *   <li>each dimension's median is found by selection (Hoare's, expected linear time) rather than
     *       by sorting; values are compared as {@link Float#compare} orders them, so the middle value
     *       is the one a sort would put there;</li>
     *   <li>videos are shared out among the machine's cores, each with its own buffers; every video
     *       is computed alone, so the result does not depend on how they were shared.</li>
     * </ul>
     */
    static INDArray videoMedians(FeatureSet set) {
        int d = set.dim();
        List<Video> videos = set.videos();
        int most = videos.stream().mapToInt(Video::segments).max().orElse(0);
        float[] centres = new float[videos.size() * d];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            float[] tile = new float[TILE_ROWS * d];
            int[] columns = new int[most * d];
            for (int i = next.getAndIncrement(); i < videos.size(); i = next.getAndIncrement()) {
                Video v = videos.get(i);
                if (v.segments() > 0) {
                    videoMedian(set.features(), v.firstRow(), v.segments(), tile, columns, centres, i * d);
                }
            }
        };
        int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), videos.size()));
        IntStream.range(0, workers).parallel().forEach(w -> worker.run());
        return centres.length == 0 ? Nd4j.create(DataType.FLOAT, videos.size(), d)
                : Nd4j.create(centres, new long[] {videos.size(), d}, DataType.FLOAT);
    }

    /** Rows read at a time by {@link #videoMedians} before they are written out column by column. */
    private static final int TILE_ROWS = 16;

    /** The median of each column of rows [first, first + t) of m, into {@code out} from {@code at}. */
    private static void videoMedian(INDArray m, int first, int t, float[] tile, int[] columns, float[] out, int at) {
        int d = m.columns();
        for (int r0 = 0; r0 < t; r0 += TILE_ROWS) {
            int rows = Math.min(TILE_ROWS, t - r0);
            readRows(m, first + r0, rows, tile);
            for (int k = 0; k < d; k++) {
                int to = k * t + r0;
                for (int r = 0; r < rows; r++) {
                    columns[to + r] = sortable(tile[r * d + k]);
                }
            }
        }
        int half = t / 2;
        for (int k = 0; k < d; k++) {
            int from = k * t;
            select(columns, from, t, half);
            float upper = unsortable(columns[from + half]);
            if (t % 2 == 1) {
                out[at + k] = upper;
            } else {
                int lower = columns[from];
                for (int r = from + 1; r < from + half; r++) {
                    lower = Math.max(lower, columns[r]);
                }
                out[at + k] = (unsortable(lower) + upper) / 2f;
            }
        }
    }

    /** A float's bits as an int that orders like {@link Float#compare} (−0 before +0, NaN last). */
    private static int sortable(float f) {
        int bits = Float.floatToIntBits(f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    /** The float of a {@link #sortable} int. */
    private static float unsortable(int key) {
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7fffffff));
    }

    /**
     * Hoare's selection: rearranges a[from, from + n) so that its k-th smallest value is at from + k,
     * with no larger value before it and no smaller one after it.
     */
    static void select(int[] a, int from, int n, int k) {
        int lo = from;
        int hi = from + n - 1;
        int target = from + k;
        while (hi > lo) {
            if (hi - lo < 16) {
                for (int i = lo + 1; i <= hi; i++) { // insertion sort of a short range
                    int x = a[i];
                    int j = i - 1;
                    for (; j >= lo && a[j] > x; j--) {
                        a[j + 1] = a[j];
                    }
                    a[j + 1] = x;
                }
                return;
            }
            int x = a[lo];
            int y = a[(lo + hi) >>> 1];
            int z = a[hi];
            int pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z)); // the median of three
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int swap = a[i];
                    a[i++] = a[j];
                    a[j--] = swap;
                }
            }
            // now a[lo..j] <= pivot <= a[i..hi], and whatever lies between equals the pivot
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /** Rows [first, first + count) of a float matrix into {@code into} (row-major), without a copy in between where the matrix is one dense block. */
    private static void readRows(INDArray m, int first, int count, float[] into) {
        int d = m.columns();
        if (m.dataType() == DataType.FLOAT && m.ordering() == 'c' && m.stride(1) == 1 && m.stride(0) == d) {
            try (org.bytedeco.javacpp.FloatPointer p = new org.bytedeco.javacpp.FloatPointer(m.data().addressPointer())) {
                p.position(m.offset() + (long) first * d).get(into, 0, count * d);
            }
            return;
        }
        for (int r = 0; r < count; r++) {
            System.arraycopy(m.getRow(first + r).toFloatVector(), 0, into, r * d, d);
        }
    }

    /** The per-dimension median of the rows of x (the mean of the two middle values when their count is even). */
    public static float[] median(float[][] x) {
        int t = x.length;
        int d = x[0].length;
        float[] c = new float[d];
        float[] column = new float[t];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < t; i++) {
                column[i] = x[i][k];
            }
            Arrays.sort(column);
            c[k] = t % 2 == 1 ? column[t / 2] : (column[t / 2 - 1] + column[t / 2]) / 2f;
        }
        return c;
    }

    /**
     * A split's features as G and D see them: rows gathered on demand, each minus its video's centre.
     * The set's own matrix is never copied or changed; {@link #MEDIAN} keeps one centre per video
     * ([videos, d]), {@link #STREAMING} one centred copy per video, computed when the set is first
     * centred (streaming centres differ per segment).
     */
    public static final class Centred {
        private final VideoCentring centring;
        private final FeatureSet set;
        private final INDArray centres;   // [videos, d], MEDIAN only
        private final INDArray streamed;  // [N, d], STREAMING only
        private final int[] videoOfRow;

        Centred(VideoCentring centring, FeatureSet set) {
            this.centring = centring;
            this.set = set;
            this.videoOfRow = centring == MEDIAN ? set.videoIndexOfRows() : null;
            centres = centring == MEDIAN && set.size() > 0 ? videoMedians(set) : null;
            if (centring == STREAMING && set.size() > 0) {
                streamed = Nd4j.create(DataType.FLOAT, set.size(), set.dim());
                for (Video v : set.videos()) {
                    if (v.segments() > 0) {
                        streamed.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(v.firstRow(), v.endRow()),
                                org.nd4j.linalg.indexing.NDArrayIndex.all()).assign(STREAMING.apply(set.segmentsOf(v)));
                    }
                }
            } else {
                streamed = null;
            }
        }

        /** The centring applied. */
        public VideoCentring centring() {
            return centring;
        }

        /** The underlying set. */
        public FeatureSet set() {
            return set;
        }

        /** The centred features of the given rows: a new [rows.length, d] matrix. */
        public INDArray rows(int[] rows) {
            return switch (centring) {
                case NONE -> set.rows(rows);
                case MEDIAN -> {
                    INDArray x = set.rows(rows);
                    try (INDArray c = gather(centres, videoOf(rows))) {
                        yield x.subi(c);
                    }
                }
                case STREAMING -> gather(streamed, rows);
                case AUTO -> throw new IllegalStateException("unreachable: a Centred holds a resolved centring");
            };
        }

        /** The centred features of rows [from, to): a new matrix. */
        public INDArray range(int from, int to) {
            int[] rows = new int[to - from];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = from + i;
            }
            return rows(rows);
        }

        /**
         * The centre subtracted from each of the given rows ([rows.length, d]); null for {@link #NONE}.
         * For {@link #STREAMING} it differs per segment.
         */
        public INDArray offsets(int[] rows) {
            return switch (centring) {
                case NONE -> null;
                case MEDIAN -> gather(centres, videoOf(rows));
                case STREAMING -> {
                    INDArray x = set.rows(rows);
                    try (INDArray c = gather(streamed, rows)) {
                        yield x.subi(c);
                    }
                }
                case AUTO -> throw new IllegalStateException("unreachable: a Centred holds a resolved centring");
            };
        }

        /** The centre of video i (in {@link FeatureSet#videos()} order) for {@link #MEDIAN}, else null. */
        public INDArray centre(int video) {
            return centres == null ? null : centres.getRow(video);
        }

        /** The given rows of a matrix, gathered in one native call (ND4J's getRows copies row by row). */
        private static INDArray gather(INDArray matrix, int[] rows) {
            return rows.length == 0 ? Nd4j.create(DataType.FLOAT, 0, matrix.columns()) : Nd4j.pullRows(matrix, 1, rows, 'c');
        }

        private int[] videoOf(int[] rows) {
            int[] v = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = videoOfRow[rows[i]];
            }
            return v;
        }
    }
}
