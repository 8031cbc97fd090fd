package gcl.train;

import gcl.data.VideoLabel;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a batch's scores into pseudo-labels: G's reconstruction errors into l_G (Eq. 2), D's
 * probabilities into l_D (Eq. 4). A sample is anomalous (1) when its score is at least the batch's
 * {@link Threshold}; a batch whose scores are all equal has nothing to single out and is labelled
 * normal throughout.
 *
 * <p><b>Soft labels</b> (section 4.2, "On using soft labels"): instead of a threshold, the scores
 * are min-max scaled to [0, 1] within the batch, so the highest error gets 1 and the lowest 0.
 *
 * <p><b>Weak video labels</b> (GCL_WS): when some samples come from videos with a known video-level
 * label, the threshold is computed over the whole batch as usual, and then every sample of a video
 * labelled normal gets label 0, since a normal video holds no anomaly. A video labelled anomalous
 * says that an anomaly is somewhere in it but not where, so its samples keep their thresholded
 * labels. Both G's labels (which teach D) and D's labels (which teach G) are corrected this way.
 * (We also tried computing the threshold from the samples of non-normal videos only, so that
 * anomalies are sought within the anomalous videos: on the quick synthetic set it labelled too few
 * of their segments and did worse than no labels at all.)
 */
public final class PseudoLabeler {
    private final Threshold threshold;
    private final boolean soft;

    public PseudoLabeler(Threshold threshold, boolean soft) {
        this.threshold = Objects.requireNonNull(threshold, "threshold");
        this.soft = soft;
    }

    /** Hard labels with the given threshold. */
    public PseudoLabeler(Threshold threshold) {
        this(threshold, false);
    }

    public Threshold threshold() {
        return threshold;
    }

    public boolean soft() {
        return soft;
    }

    /** The labels of a batch's scores (vector of length b). */
    public PseudoLabels label(INDArray scores) {
        return label(scores, null);
    }

    /**
     * The labels of a batch's scores, with known video labels per sample (null, or UNKNOWN
     * entries, where none is known).
     */
    public PseudoLabels label(INDArray scores, VideoLabel[] known) {
        return label(scores, known, Double.NaN);
    }

    /**
     * The labels of a batch's scores, with known video labels per sample (or null), where G labelled
     * {@code generatorShare} of the batch (for D's {@code match-g} threshold; NaN when not known).
     */
    public PseudoLabels label(INDArray scores, VideoLabel[] known, double generatorShare) {
        double[] s = scores.reshape(scores.length()).toDoubleVector();
        if (known != null && known.length != s.length) {
            throw new IllegalArgumentException(s.length + " scores but " + known.length + " known labels");
        }
        boolean[] forcedNormal = new boolean[s.length];
        for (int q = 0; q < s.length; q++) {
            forcedNormal[q] = known != null && known[q] == VideoLabel.NORMAL;
        }
        float[] labels = new float[s.length];
        double th;
        if (soft) {
            th = Double.NaN;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : s) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            for (int q = 0; q < s.length; q++) {
                labels[q] = max > min ? (float) Math.min(1, Math.max(0, (s[q] - min) / (max - min))) : 0f;
            }
        } else {
            th = threshold.of(s, generatorShare);
            boolean spread = hasSpread(s);
            for (int q = 0; q < s.length; q++) {
                labels[q] = spread && s[q] >= th ? 1f : 0f;
            }
        }
        double sum = 0;
        for (int q = 0; q < s.length; q++) {
            if (forcedNormal[q]) {
                labels[q] = 0f;
            }
            sum += labels[q];
        }
        INDArray out = s.length == 0 ? Nd4j.create(DataType.FLOAT, 0) : Nd4j.createFromArray(labels);
        return new PseudoLabels(out, th, s.length == 0 ? 0 : sum / s.length);
    }

    private static boolean hasSpread(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return soft ? "PseudoLabeler(soft)" : "PseudoLabeler(" + threshold + ")";
    }
}
