package gcl.viz;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dimensionalityreduction.PCA;

/**
 * Principal component analysis: the top-k linear projection of a set of feature vectors, beside
 * {@link Tsne} in the negative-learning lesson (Fig. 6), and t-SNE's optional pre-reduction.
 *
 * <p>A thin wrapper over ND4J's {@link PCA#pca_factor(INDArray, int, boolean)} (a singular value
 * decomposition of the centred data). ND4J's method overwrites the matrix it is given; this class
 * works on its own copy, so the caller's data is never changed. Singular vectors are defined only
 * up to sign: each component is flipped so that its largest-magnitude coefficient is positive,
 * which makes projections repeatable.
 *
 * <pre>{@code
 * Pca pca = Pca.fit(features, 2);
 * INDArray xy = pca.project(features);        // [N, 2]
 * double[] r = pca.explainedVarianceRatio();  // share of the variance per component
 * }</pre>
 */
public final class Pca {
    private final INDArray mean;
    private final INDArray components;
    private final double[] explainedVariance;
    private final double totalVariance;

    private Pca(INDArray mean, INDArray components, double[] explainedVariance, double totalVariance) {
        this.mean = mean;
        this.components = components;
        this.explainedVariance = explainedVariance;
        this.totalVariance = totalVariance;
    }

    /**
     * Fits the top {@code k} principal components of {@code data}.
     *
     * @param data [N, d] rows are samples; not modified
     * @param k    1 ≤ k ≤ min(N, d)
     */
    public static Pca fit(INDArray data, int k) {
        Objects.requireNonNull(data, "data");
        if (data.rank() != 2) {
            throw new IllegalArgumentException("PCA needs a [N, d] matrix, got shape " + Arrays.toString(data.shape()));
        }
        long n = data.rows();
        long d = data.columns();
        if (k < 1 || k > Math.min(n, d)) {
            throw new IllegalArgumentException("PCA of a " + n + " x " + d + " matrix: k must be in 1.." + Math.min(n, d) + ", got " + k);
        }
        INDArray x = data.castTo(DataType.DOUBLE).dup('c');
        INDArray mean = x.mean(0);
        INDArray centred = x.subiRowVector(mean);
        // ND4J's SVD destroys its input: hand it a copy.
        INDArray factor = PCA.pca_factor(centred.dup('f'), k, false).dup('c');
        for (int j = 0; j < k; j++) {
            double[] c = factor.getColumn(j).toDoubleVector();
            double largest = 0;
            for (double v : c) {
                if (Math.abs(v) > Math.abs(largest)) {
                    largest = v;
                }
            }
            if (largest < 0) {
                factor.getColumn(j).negi();
            }
        }
        INDArray projected = centred.mmul(factor);
        double denominator = Math.max(1, n - 1);
        double[] explained = projected.mul(projected).sum(0).div(denominator).toDoubleVector();
        double total = centred.mul(centred).sumNumber().doubleValue() / denominator;
        return new Pca(mean, factor, explained, total);
    }

    /** The projection of {@code data} onto the top {@code k} principal components of {@code data}: [N, k]. */
    public static INDArray project(INDArray data, int k) {
        return fit(data, k).project(data);
    }

    /** Projects samples (rows of [M, d], same d as the fitted data) onto the components: [M, k], double. */
    public INDArray project(INDArray data) {
        if (data.rank() != 2 || data.columns() != components.rows()) {
            throw new IllegalArgumentException("PCA was fitted on " + components.rows() + " dimensions, got shape "
                    + Arrays.toString(data.shape()));
        }
        return data.castTo(DataType.DOUBLE).subRowVector(mean).mmul(components);
    }

    /** Number of components k. */
    public int components() {
        return components.columns();
    }

    /** The principal directions as columns, [d, k], unit length, strongest first. */
    public INDArray directions() {
        return components.dup();
    }

    /** The mean the data was centred with, [d]. */
    public INDArray mean() {
        return mean.dup();
    }

    /** The variance of the data along each component (the eigenvalues of its covariance), strongest first. */
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** Each component's share of the total variance, in [0, 1]. */
    public double[] explainedVarianceRatio() {
        double[] r = explainedVariance.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] = totalVariance == 0 ? 0 : r[i] / totalVariance;
        }
        return r;
    }
}
