package gcl.c2fpl;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erfc;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fine stage's null hypothesis: the magnitude of a normal segment follows a Gaussian N(Γ, Σ)
 * fitted on the magnitudes a_ij of every segment of the pseudo-normal videos (C_0), Γ their mean and
 * Σ their variance (Eq. C4). A segment's p-value is the chance that a normal segment's magnitude lies at
 * least as far from Γ as its own, on either side (Eq. C5):
 * <pre>
 *   p_ij = P(|A − Γ| ≥ |a_ij − Γ|) = erfc(|a_ij − Γ| / √(2Σ)),   A ~ N(Γ, Σ)
 * </pre>
 * A small p-value rejects "normal".
 *
 * @param mean     Γ
 * @param variance Σ (the population variance of the normal magnitudes)
 * @param segments how many magnitudes it was fitted on
 */
public record NormalMagnitudes(double mean, double variance, int segments) {
    public NormalMagnitudes {
        if (!Double.isFinite(mean) || !(variance > 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("the normal magnitudes' Gaussian needs a finite mean and a positive variance, got N("
                    + mean + ", " + variance + ")");
        }
    }

    /**
     * Eq. C4: the Gaussian of the magnitudes at the given rows.
     *
     * @throws IllegalArgumentException when there are fewer than two rows or all their magnitudes are equal
     */
    public static NormalMagnitudes fit(double[] norms, int[] rows) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("the fine stage's normal model needs at least two segments of pseudo-normal videos, got "
                    + rows.length);
        }
        double sum = 0;
        for (int r : rows) {
            sum += norms[r];
        }
        double mean = sum / rows.length;
        double ss = 0;
        for (int r : rows) {
            ss += (norms[r] - mean) * (norms[r] - mean);
        }
        if (!(ss > 0)) {
            throw new IllegalArgumentException("every segment of the pseudo-normal videos has the same feature magnitude ("
                    + mean + "): the fine stage's Gaussian has no spread to test against");
        }
        return new NormalMagnitudes(mean, ss / rows.length, rows.length);
    }

    /** Eq. C5: the two-sided p-value of each magnitude. */
    public double[] pValues(double[] magnitudes) {
        if (magnitudes.length == 0) {
            return new double[0];
        }
        double scale = Math.sqrt(2 * variance);
        double[] z = new double[magnitudes.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.abs(magnitudes[i] - mean) / scale;
        }
        INDArray in = Nd4j.createFromArray(z);
        INDArray out = in.ulike();
        Nd4j.getExecutioner().exec(new Erfc(in, out));
        double[] p = out.toDoubleVector();
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.min(1, Math.max(0, p[i]));
        }
        return p;
    }

    /** Standard deviation √Σ. */
    public double std() {
        return Math.sqrt(variance);
    }
}
