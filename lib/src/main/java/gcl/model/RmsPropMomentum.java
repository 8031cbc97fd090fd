package gcl.model;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.factory.Nd4j;

/**
 * RMSprop with momentum, as PyTorch's {@code torch.optim.RMSprop(lr, alpha, eps, momentum)} computes
 * it: the optimiser of section 4 ("RMSprop optimizer with a learning rate of 0.00002, momentum 0.60").
 * For a gradient g of one parameter θ, with state v (mean square) and b (momentum buffer), both
 * starting at 0:
 * <pre>
 *   v ← α·v + (1 − α)·g²
 *   b ← m·b + g / (√v + ε)
 *   θ ← θ − lr·b
 * </pre>
 * PyTorch's defaults α = 0.99 and ε = 1e-8 are ours too: the paper gives only lr and m.
 * Like PyTorch there is no bias correction, so the first steps are larger than later ones
 * (v starts at 0). {@link #step} does this in place on whole parameter vectors, in float32.
 */
public final class RmsPropMomentum {
    /** The paper's learning rate (section 4). */
    public static final double PAPER_LEARNING_RATE = 0.00002;
    /** The paper's momentum (section 4). */
    public static final double PAPER_MOMENTUM = 0.60;
    /** PyTorch's default smoothing constant α. */
    public static final double DEFAULT_ALPHA = 0.99;
    /** PyTorch's default ε, added to √v. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double learningRate;
    private final double momentum;
    private final double alpha;
    private final double epsilon;

    /** The paper's settings: lr 0.00002, momentum 0.60, α 0.99, ε 1e-8. */
    public RmsPropMomentum() {
        this(PAPER_LEARNING_RATE, PAPER_MOMENTUM, DEFAULT_ALPHA, DEFAULT_EPSILON);
    }

    public RmsPropMomentum(double learningRate, double momentum, double alpha, double epsilon) {
        if (!(learningRate > 0) || momentum < 0 || momentum >= 1 || alpha < 0 || alpha >= 1 || !(epsilon > 0)) {
            throw new IllegalArgumentException("RMSprop needs lr > 0, 0 <= momentum < 1, 0 <= alpha < 1, eps > 0; got lr "
                    + learningRate + ", momentum " + momentum + ", alpha " + alpha + ", eps " + epsilon);
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.alpha = alpha;
        this.epsilon = epsilon;
    }

    public double learningRate() {
        return learningRate;
    }

    public double momentum() {
        return momentum;
    }

    public double alpha() {
        return alpha;
    }

    public double epsilon() {
        return epsilon;
    }

    /**
     * One step on flat float vectors of equal length, all updated in place: the parameters θ, the
     * mean square v and the momentum buffer b. The gradient g is read only; {@code scratch} (same
     * length) is overwritten. Allocates nothing.
     */
    public void step(INDArray params, INDArray gradient, INDArray meanSquare, INDArray buffer, INDArray scratch) {
        long n = params.length();
        if (gradient.length() != n || meanSquare.length() != n || buffer.length() != n || scratch.length() != n) {
            throw new IllegalArgumentException("RMSprop: " + n + " parameters but gradient " + gradient.length()
                    + ", state " + meanSquare.length() + "/" + buffer.length() + ", scratch " + scratch.length());
        }
        // v ← α v + (1 − α) g²
        gradient.mul(gradient, scratch).muli(1 - alpha);
        meanSquare.muli(alpha).addi(scratch);
        // b ← m b + g / (√v + ε)
        Nd4j.exec(new Sqrt(meanSquare, scratch));
        scratch.addi(epsilon);
        gradient.div(scratch, scratch);
        buffer.muli(momentum).addi(scratch);
        // θ ← θ − lr b
        Nd4j.getBlasWrapper().level1().axpy(n, -learningRate, buffer, params);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RmsPropMomentum r && r.learningRate == learningRate && r.momentum == momentum
                && r.alpha == alpha && r.epsilon == epsilon;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum, alpha, epsilon);
    }

    @Override
    public String toString() {
        return "RmsPropMomentum(lr=" + learningRate + ", momentum=" + momentum + ", alpha=" + alpha + ", eps=" + epsilon + ")";
    }
}
