package gcl.model;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * RMSprop with momentum, as PyTorch's {@code torch.optim.RMSprop(lr, alpha, eps, momentum)} computes
 * it: the optimiser of section 4 ("RMSprop optimizer with a learning rate of 0.00002, momentum 0.60").
 *
 * <p>Deeplearning4j's own {@code RmsProp} has no momentum term, so this is the configuration half
 * of a DL4J updater (the other half, which does the arithmetic, is {@link RmsPropMomentumUpdater}).
 * For a gradient g of one parameter, with state v (mean square) and b (momentum buffer), both
 * starting at 0:
 * <pre>
 *   v ← α·v + (1 − α)·g²
 *   b ← m·b + g / (√v + ε)
 *   θ ← θ − lr·b
 * </pre>
 * PyTorch's defaults α = 0.99 and ε = 1e-8 are ours too: the paper gives only lr and m.
 * Like PyTorch there is no bias correction, so the first steps are larger than later ones
 * (v starts at 0).
 */
public final class RmsPropMomentum implements IUpdater {
    private static final long serialVersionUID = 1L;

    /** The paper's learning rate (section 4). */
    public static final double PAPER_LEARNING_RATE = 0.00002;
    /** The paper's momentum (section 4). */
    public static final double PAPER_MOMENTUM = 0.60;
    /** PyTorch's default smoothing constant α. */
    public static final double DEFAULT_ALPHA = 0.99;
    /** PyTorch's default ε, added to √v. */
    public static final double DEFAULT_EPSILON = 1e-8;

    @JsonProperty("learningRate")
    private double learningRate;
    @JsonProperty("momentum")
    private double momentum;
    @JsonProperty("alpha")
    private double alpha;
    @JsonProperty("epsilon")
    private double epsilon;

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

    /** Two numbers of state per parameter: the mean square v and the momentum buffer b. */
    @Override
    public long stateSize(long numParams) {
        return 2 * numParams;
    }

    @Override
    public GradientUpdater<RmsPropMomentum> instantiate(INDArray viewArray, boolean initializeViewArray) {
        RmsPropMomentumUpdater u = new RmsPropMomentumUpdater(this);
        u.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return u;
    }

    @Override
    public GradientUpdater<RmsPropMomentum> instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        RmsPropMomentumUpdater u = new RmsPropMomentumUpdater(this);
        u.setState(state, initializeStateArrays);
        return u;
    }

    @Override
    public RmsPropMomentum clone() {
        return new RmsPropMomentum(learningRate, momentum, alpha, epsilon);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    /** Only a fixed learning rate is supported (the paper uses no schedule). */
    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        if (lrSchedule != null) {
            throw new UnsupportedOperationException("RmsPropMomentum has no learning-rate schedules");
        }
        this.learningRate = lr;
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
