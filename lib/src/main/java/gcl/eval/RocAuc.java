package gcl.eval;

import java.util.Arrays;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Frame-level ROC AUC, ROC curve and average precision (section 4, "Evaluation Measures").
 *
 * <p>The AUC is the Mann–Whitney statistic: the probability that a random anomalous frame scores
 * higher than a random normal one, ties counting one half — the same number as the area under the
 * ROC curve through every distinct threshold, and as scikit-learn's {@code roc_auc_score}. Equal
 * scores are never split by their order, which matters here because every frame of a segment
 * shares the segment's score.
 */
public final class RocAuc {
    private RocAuc() {
    }

    /** Distinct score values from the highest down, with how many positives and negatives hold each. */
    private record Groups(double[] value, long[] positives, long[] negatives, long totalPositives, long totalNegatives) {
    }

    private static Groups groups(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        int p = 0;
        for (boolean b : labels) {
            p += b ? 1 : 0;
        }
        double[] pos = new double[p];
        double[] neg = new double[labels.length - p];
        int i = 0;
        int j = 0;
        for (int k = 0; k < scores.length; k++) {
            if (Double.isNaN(scores[k])) {
                throw new IllegalArgumentException("score " + k + " is NaN");
            }
            if (labels[k]) {
                pos[i++] = scores[k];
            } else {
                neg[j++] = scores[k];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double[] value = new double[scores.length];
        long[] np = new long[scores.length];
        long[] nn = new long[scores.length];
        int g = 0;
        i = pos.length - 1;
        j = neg.length - 1;
        while (i >= 0 || j >= 0) {
            double v = Math.max(i >= 0 ? pos[i] : Double.NEGATIVE_INFINITY, j >= 0 ? neg[j] : Double.NEGATIVE_INFINITY);
            long cp = 0;
            long cn = 0;
            while (i >= 0 && pos[i] == v) {
                cp++;
                i--;
            }
            while (j >= 0 && neg[j] == v) {
                cn++;
                j--;
            }
            value[g] = v;
            np[g] = cp;
            nn[g] = cn;
            g++;
        }
        return new Groups(Arrays.copyOf(value, g), Arrays.copyOf(np, g), Arrays.copyOf(nn, g), pos.length, neg.length);
    }

    /**
     * ROC AUC with ties counted one half. NaN when either class is absent.
     */
    public static double auc(double[] scores, boolean[] labels) {
        Groups g = groups(scores, labels);
        if (g.totalPositives == 0 || g.totalNegatives == 0) {
            return Double.NaN;
        }
        // walk from the lowest score up: positives in a group beat all negatives below, tie with those in it
        double wins = 0;
        long negativesBelow = 0;
        for (int k = g.value.length - 1; k >= 0; k--) {
            wins += g.positives[k] * (negativesBelow + 0.5 * g.negatives[k]);
            negativesBelow += g.negatives[k];
        }
        return wins / ((double) g.totalPositives * g.totalNegatives);
    }

    /**
     * The ROC curve: one point per distinct score threshold (anomalous when score ≥ threshold),
     * from (0, 0) at threshold +∞ to (1, 1). Columns: threshold, fpr, tpr.
     */
    public static Table curve(double[] scores, boolean[] labels) {
        Groups g = groups(scores, labels);
        DoubleColumn threshold = DoubleColumn.create("threshold");
        DoubleColumn fpr = DoubleColumn.create("fpr");
        DoubleColumn tpr = DoubleColumn.create("tpr");
        threshold.append(Double.POSITIVE_INFINITY);
        fpr.append(0.0);
        tpr.append(0.0);
        long tp = 0;
        long fp = 0;
        for (int k = 0; k < g.value.length; k++) {
            tp += g.positives[k];
            fp += g.negatives[k];
            threshold.append(g.value[k]);
            fpr.append(g.totalNegatives == 0 ? Double.NaN : (double) fp / g.totalNegatives);
            tpr.append(g.totalPositives == 0 ? Double.NaN : (double) tp / g.totalPositives);
        }
        return Table.create("ROC curve", threshold, fpr, tpr);
    }

    /**
     * Average precision, Σ (R_k − R_{k−1}) P_k over the distinct thresholds from the highest down
     * (scikit-learn's definition; tied scores enter together). NaN without anomalous frames.
     */
    public static double averagePrecision(double[] scores, boolean[] labels) {
        Groups g = groups(scores, labels);
        if (g.totalPositives == 0) {
            return Double.NaN;
        }
        long tp = 0;
        long fp = 0;
        double ap = 0;
        for (int k = 0; k < g.value.length; k++) {
            tp += g.positives[k];
            fp += g.negatives[k];
            if (g.positives[k] > 0) {
                ap += ((double) g.positives[k] / g.totalPositives) * ((double) tp / (tp + fp));
            }
        }
        return ap;
    }
}
