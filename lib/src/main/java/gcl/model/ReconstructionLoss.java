package gcl.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The generator's loss of Eq. (1) and Eq. (5): per sample the Euclidean (L2) norm of the difference
 * between target and reconstruction, {@code L_G^q = ‖t^q − f̂^q‖₂}, averaged over the batch.
 *
 * <p>The norm is not squared, as the paper writes it. Its gradient with respect to the
 * reconstruction is {@code (f̂ − t) / ‖f̂ − t‖₂ / b}: a unit vector per sample, so every sample pulls
 * with the same strength whatever its error (a zero error gives a zero gradient).
 */
public final class ReconstructionLoss {
    /** Norms below this count as zero in the gradient (no direction to pull in). */
    static final double TINY = 1e-12;

    private ReconstructionLoss() {
    }

    /**
     * {@code ‖target_q − output_q‖₂} for every row q: the per-sample error L_G^q of Eq. (1).
     *
     * @return a vector of length b
     */
    public static INDArray perSample(INDArray target, INDArray output) {
        try (INDArray diff = output.sub(target)) {
            return diff.norm2(1);
        }
    }

    /** Eq. (1)/(5) averaged over a batch: the mean of {@link #perSample}. */
    public static double of(INDArray target, INDArray output) {
        try (INDArray e = perSample(target, output)) {
            return e.meanNumber().doubleValue();
        }
    }

    /**
     * Turns diff = f̂ − t [b, d] into ∂L/∂f̂ = keep·(f̂ − t)/‖f̂ − t‖₂/n in place and returns
     * L = Σ keep·‖f̂ − t‖₂ / n, where keep is a 0/1 column [b, 1] and n its sum.
     */
    static double gradientInPlace(INDArray diff, INDArray keep, double n) {
        try (INDArray norms = diff.norm2(true, 1)) {
            double value;
            try (INDArray kept = norms.mul(keep)) {
                value = kept.sumNumber().doubleValue() / n;
            }
            // scale_q = keep_q / (max(‖·‖, tiny) · n)
            Transforms.max(norms, TINY, false).muli(n);
            diff.muliColumnVector(keep).diviColumnVector(norms);
            return value;
        }
    }
}
