package gcl.clean;

import gcl.data.FeatureSet;
import gcl.data.Video;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * TD cleaning, section 3.3: the training data for pre-training G is cleaned by the temporal
 * difference between consecutive segment features. Within each video, in temporal order, the
 * feature f^{t+1} is kept only if {@code ‖f^{t+1} − f^t‖₂ ≤ D_th}: anomalous stretches are
 * "more eventful", so large jumps are left out. Only pre-training uses the cleaned set.
 *
 * <p>The first segment of a video has no predecessor, so the rule says nothing about it. We keep it
 * by default (videos rarely open on the anomaly, and dropping it would throw away one-segment
 * videos entirely); {@code keepFirst = false} drops it instead. Lesson 02 (TD cleaning) introduces it.
 */
public final class TemporalDifferenceFilter {
    private final DifferenceThreshold threshold;
    private final boolean keepFirst;

    /**
     * @param threshold D_th, absolute or a percentile of the observed differences
     * @param keepFirst whether each video's first segment (which has no difference) is kept
     */
    public TemporalDifferenceFilter(DifferenceThreshold threshold, boolean keepFirst) {
        this.threshold = Objects.requireNonNull(threshold, "threshold");
        this.keepFirst = keepFirst;
    }

    /** The paper's filter: D_th = 0.70, first segments kept. */
    public static TemporalDifferenceFilter paper() {
        return new TemporalDifferenceFilter(DifferenceThreshold.PAPER, true);
    }

    public DifferenceThreshold threshold() {
        return threshold;
    }

    /**
     * ‖f^{t+1} − f^t‖₂ for t = 1 … T−1 of one video's segments [T, d], in temporal order:
     * a vector of length T − 1 (empty for T < 2).
     */
    public static double[] differences(INDArray segments) {
        long t = segments.rows();
        if (t < 2) {
            return new double[0];
        }
        // a copy first: ND4J 1.0.0-M2.1 returns an empty array for interval(1, t) of a row view
        // whose first row is t - 1 (a video that starts at row T - 1 of its set)
        segments = segments.dup();
        INDArray next = segments.get(NDArrayIndex.interval(1, t), NDArrayIndex.all());
        INDArray prev = segments.get(NDArrayIndex.interval(0, t - 1), NDArrayIndex.all());
        return next.sub(prev).norm2(1).toDoubleVector();
    }

    /** Applies the filter to every video of a set (rows are the set's rows). */
    public Result apply(FeatureSet set) {
        double[] perRow = new double[set.size()];
        Arrays.fill(perRow, Double.NaN);
        // one difference per segment after a video's first (a video of 0 segments has none)
        double[] all = new double[set.videos().stream().mapToInt(v -> Math.max(0, v.segments() - 1)).sum()];
        int n = 0;
        INDArray features = set.features();
        for (Video v : set.videos()) {
            if (v.segments() < 2) {
                continue;
            }
            // rows of the whole matrix (not a view of a view: see differences); one temporary, freed at once
            INDArray next = features.get(NDArrayIndex.interval(v.firstRow() + 1, v.endRow()), NDArrayIndex.all());
            INDArray prev = features.get(NDArrayIndex.interval(v.firstRow(), v.endRow() - 1), NDArrayIndex.all());
            double[] d;
            try (INDArray diff = next.sub(prev); INDArray norms = diff.norm2(1)) {
                d = norms.toDoubleVector();
            }
            for (int i = 0; i < d.length; i++) {
                perRow[v.firstRow() + 1 + i] = d[i];
                all[n++] = d[i];
            }
        }
        double dth = threshold.resolve(Arrays.copyOf(all, n));
        int[] kept = new int[set.size()];
        int k = 0;
        for (Video v : set.videos()) {
            for (int row = v.firstRow(); row < v.endRow(); row++) {
                boolean first = row == v.firstRow();
                if (first ? keepFirst : perRow[row] <= dth) {
                    kept[k++] = row;
                }
            }
        }
        return new Result(Arrays.copyOf(kept, k), perRow, dth, set);
    }

    /**
     * What the filter kept.
     *
     * @param keptRows    the rows of the set used for pre-training, in order
     * @param differences for every row, ‖f^{t+1} − f^t‖₂ to the previous segment of its video (NaN for a first segment)
     * @param threshold   the distance D_th applied
     */
    public record Result(int[] keptRows, double[] differences, double threshold, FeatureSet set) {
        /** How many segments were kept. */
        public int kept() {
            return keptRows.length;
        }

        /** How many segments there were. */
        public int total() {
            return set.size();
        }

        /** The kept fraction, in [0, 1]. */
        public double keptFraction() {
            return total() == 0 ? 0 : (double) kept() / total();
        }

        /** Kept and total segments per video, with the largest difference seen in it. */
        public Table perVideo() {
            StringColumn id = StringColumn.create("video");
            IntColumn segments = IntColumn.create("segments");
            IntColumn kept = IntColumn.create("kept");
            DoubleColumn maxDiff = DoubleColumn.create("max_difference");
            boolean[] isKept = new boolean[set.size()];
            for (int r : keptRows) {
                isKept[r] = true;
            }
            for (Video v : set.videos()) {
                int k = 0;
                double max = Double.NaN;
                for (int row = v.firstRow(); row < v.endRow(); row++) {
                    k += isKept[row] ? 1 : 0;
                    if (!Double.isNaN(differences[row])) {
                        max = Double.isNaN(max) ? differences[row] : Math.max(max, differences[row]);
                    }
                }
                id.append(v.id());
                segments.append(v.segments());
                kept.append(k);
                maxDiff.append(max);
            }
            return Table.create("TD cleaning (D_th = " + String.format(Locale.ROOT, "%.4g", threshold) + ")",
                    id, segments, kept, maxDiff);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "TD cleaning: kept %d of %d segments (%.1f%%), D_th = %.4g",
                    kept(), total(), 100 * keptFraction(), threshold);
        }
    }
}
