package gcl.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The discriminator's loss, Eq. (3): binary cross entropy between G's pseudo-labels l_G and D's
 * outputs l̂, averaged over the batch:
 * {@code L_D = −1/b Σ [l_G ln l̂ + (1 − l_G) ln(1 − l̂)]}.
 *
 * <p>Training uses DL4J's {@link LossBinaryXENT} (it clips l̂ to [1e-5, 1 − 1e-5] against
 * log 0); {@link #of} computes the same number directly, for notebooks and tests. Labels may be
 * soft (any value in [0, 1]): the "soft labels" experiment of section 4.2.
 */
public final class DiscriminatorLoss {
    /** DL4J's clipping of probabilities inside the log. */
    public static final double CLIP = 1e-5;

    private DiscriminatorLoss() {
    }

    /** The DL4J loss function the discriminator's output layer uses. */
    public static ILossFunction function() {
        return new LossBinaryXENT();
    }

    /**
     * Eq. (3) for labels and probabilities of equal length.
     */
    public static double of(INDArray labels, INDArray probabilities) {
        INDArray y = labels.reshape(labels.length()).castTo(probabilities.dataType());
        INDArray p = Transforms.min(Transforms.max(probabilities.reshape(probabilities.length()), CLIP, true), 1 - CLIP, false);
        INDArray terms = y.mul(Transforms.log(p, true)).addi(y.rsub(1).muli(Transforms.log(p.rsub(1), false)));
        return -terms.meanNumber().doubleValue();
    }
}
