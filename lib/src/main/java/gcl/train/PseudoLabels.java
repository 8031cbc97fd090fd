package gcl.train;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batch's pseudo-labels (Eq. 2 from G, Eq. 4 from D): a float vector of length b with 1 for
 * anomalous and 0 for normal (values in between for soft labels), and the threshold that made them.
 *
 * @param labels            the labels, [b] float32
 * @param threshold         the score threshold applied (NaN for soft labels)
 * @param fractionAnomalous the mean label: the fraction labelled anomalous
 */
public record PseudoLabels(INDArray labels, double threshold, double fractionAnomalous) {
    /** How many samples. */
    public int size() {
        return (int) labels.length();
    }

    /** Whether sample q is labelled anomalous (label ≥ 0.5). */
    public boolean anomalous(int q) {
        return labels.getDouble(q) >= 0.5;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PseudoLabels[%d samples, %.1f%% anomalous, threshold %.4g]",
                size(), 100 * fractionAnomalous, threshold);
    }
}
