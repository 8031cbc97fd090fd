package gcl.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The generator's loss of Eq. (1) and Eq. (5): per sample the Euclidean (L2) norm of the difference
 * between target and reconstruction, {@code L_G^q = ‖t^q − f̂^q‖₂}, averaged over the batch.
 *
 * <p>The norm is not squared, as the paper writes it; DL4J's {@code LossMSE} and {@code LossL2}
 * are squared, hence this small loss function. Its gradient with respect to the reconstruction is
 * {@code (f̂ − t) / ‖f̂ − t‖₂}: a unit vector per sample, so every sample pulls with the same
 * strength whatever its error (a zero error gives a zero gradient). DL4J divides the summed
 * gradient by the batch size, which is the 1/b of the equations.
 *
 * <p>A per-sample mask (DL4J's label mask, shape [b, 1]) removes samples from loss and gradient.
 */
public final class ReconstructionLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;
    /** Norms below this count as zero in the gradient (no direction to pull in). */
    private static final double TINY = 1e-12;

    /**
     * {@code ‖target_q − output_q‖₂} for every row q: the per-sample error L_G^q of Eq. (1).
     *
     * @return a vector of length b
     */
    public static INDArray perSample(INDArray target, INDArray output) {
        return output.sub(target).norm2(1);
    }

    private static INDArray scoreColumn(INDArray labels, INDArray output, INDArray mask) {
        INDArray s = perSample(labels, output).reshape(labels.rows(), 1);
        if (mask != null) {
            s.muli(mask.reshape(labels.rows(), 1).castTo(s.dataType()));
        }
        return s;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        INDArray output = activationFn.getActivation(preOutput.dup(), true);
        double sum = scoreColumn(labels, output, mask).sumNumber().doubleValue();
        return average ? sum / labels.rows() : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray output = activationFn.getActivation(preOutput.dup(), true);
        return scoreColumn(labels, output, mask);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray output = activationFn.getActivation(preOutput.dup(), true);
        INDArray diff = output.sub(labels);
        INDArray norms = diff.norm2(1).reshape(labels.rows(), 1);
        INDArray safe = Transforms.max(norms, TINY, true);
        INDArray dLdOut = diff.diviColumnVector(safe);
        if (mask != null) {
            dLdOut.muliColumnVector(mask.reshape(labels.rows(), 1).castTo(dLdOut.dataType()));
        }
        return activationFn.backprop(preOutput.dup(), dLdOut).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "reconstruction-l2-norm";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReconstructionLoss;
    }

    @Override
    public int hashCode() {
        return ReconstructionLoss.class.hashCode();
    }

    @Override
    public String toString() {
        return "ReconstructionLoss(per-sample L2 norm, Eq. 1/5)";
    }
}
