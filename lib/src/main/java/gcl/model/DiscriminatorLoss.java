package gcl.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The discriminator's loss, Eq. (3): binary cross entropy between G's pseudo-labels l_G and D's
 * outputs l̂, averaged over the batch:
 * {@code L_D = −1/b Σ [l_G ln l̂ + (1 − l_G) ln(1 − l̂)]}.
 *
 * <p>The value clips l̂ to [1e-5, 1 − 1e-5] against log 0 (as DL4J's {@code LossBinaryXENT} does);
 * the gradient D learns from is the exact one, p̂ − l per sample before the sigmoid
 * ({@link Discriminator}). Labels may be soft (any value in [0, 1]): the "soft labels" experiment
 * of section 4.2.
 */
public final class DiscriminatorLoss {
    /** Clipping of probabilities inside the log. */
    public static final double CLIP = 1e-5;

    private DiscriminatorLoss() {
    }

    /**
     * Eq. (3) for labels and probabilities of equal length.
     */
    public static double of(INDArray labels, INDArray probabilities) {
        INDArray y = labels.reshape(labels.length()).castTo(probabilities.dataType());
        try (INDArray p = Transforms.min(Transforms.max(probabilities.reshape(probabilities.length()), CLIP, true), 1 - CLIP, false);
             INDArray logP = Transforms.log(p, true);
             INDArray oneMinusY = y.rsub(1);
             INDArray log1mP = Transforms.log(p.rsubi(1), false)) {
            INDArray terms = logP.muli(y).addi(oneMinusY.muli(log1mP));
            return -terms.meanNumber().doubleValue();
        }
    }
}
