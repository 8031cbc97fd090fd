package gcl.c2fpl;

import gcl.data.FeatureSet;
import gcl.data.Video;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The feature magnitude of a segment, a_ij = ‖f_ij‖₂ (Eq. C1), and the statistics of a video's
 * magnitudes that the coarse stage clusters, x_i = (μ_i, σ_i) (Eq. C2): what C2FPL reads of the
 * features before its classifier sees them.
 */
public final class FeatureMagnitude {
    private FeatureMagnitude() {
    }

    /** Eq. C1: a_ij = ‖f_ij‖₂ for every row of the set, in row order. */
    public static double[] norms(FeatureSet set) {
        if (set.size() == 0) {
            return new double[0];
        }
        INDArray n = set.features().norm2(1).castTo(DataType.DOUBLE);
        return n.toDoubleVector();
    }

    /**
     * Eq. C2: per video, the mean μ_i = (1/m_i) Σ_j a_ij and the standard deviation
     * σ_i = √((1/m_i) Σ_j (a_ij − μ_i)²) of its segments' magnitudes (the population form, so a video of
     * one segment has σ_i = 0). Row i is the i-th video of the set; a video without segments has NaN.
     *
     * @param norms the magnitudes of every row of the set ({@link #norms})
     */
    public static double[][] videoStatistics(FeatureSet set, double[] norms) {
        if (norms.length != set.size()) {
            throw new IllegalArgumentException(norms.length + " magnitudes for " + set.size() + " segments");
        }
        double[][] x = new double[set.videos().size()][];
        for (int i = 0; i < x.length; i++) {
            Video v = set.videos().get(i);
            if (v.segments() == 0) {
                x[i] = new double[] {Double.NaN, Double.NaN};
                continue;
            }
            double sum = 0;
            for (int r = v.firstRow(); r < v.endRow(); r++) {
                sum += norms[r];
            }
            double mean = sum / v.segments();
            double ss = 0;
            for (int r = v.firstRow(); r < v.endRow(); r++) {
                ss += (norms[r] - mean) * (norms[r] - mean);
            }
            x[i] = new double[] {mean, Math.sqrt(ss / v.segments())};
        }
        return x;
    }
}
