package gcl.model;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The arithmetic of {@link RmsPropMomentum} (PyTorch's RMSprop with momentum) for one block of
 * parameters. DL4J hands it the gradient, and subtracts whatever the gradient array holds
 * afterwards from the parameters, so {@link #applyUpdater} turns g into lr·b.
 *
 * <p>The state lives in one view array of the network's updater state (so that DL4J's model
 * serializer saves and restores it): the first half is v, the second half b.
 */
public final class RmsPropMomentumUpdater implements GradientUpdater<RmsPropMomentum> {
    /** Key of the mean-square state v in {@link #getState()}. */
    public static final String MEAN_SQUARE = "V";
    /** Key of the momentum buffer b in {@link #getState()}. */
    public static final String MOMENTUM_BUFFER = "B";

    private final RmsPropMomentum config;
    private INDArray meanSquare;
    private INDArray buffer;

    public RmsPropMomentumUpdater(RmsPropMomentum config) {
        this.config = config;
    }

    @Override
    public RmsPropMomentum getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> state, boolean initialize) {
        if (!state.containsKey(MEAN_SQUARE) || !state.containsKey(MOMENTUM_BUFFER)) {
            throw new IllegalStateException("RMSprop state needs keys " + MEAN_SQUARE + " and " + MOMENTUM_BUFFER
                    + ", got " + state.keySet());
        }
        meanSquare = state.get(MEAN_SQUARE);
        buffer = state.get(MOMENTUM_BUFFER);
        if (initialize) {
            meanSquare.assign(0);
            buffer.assign(0);
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        Map<String, INDArray> m = new HashMap<>();
        m.put(MEAN_SQUARE, meanSquare);
        m.put(MOMENTUM_BUFFER, buffer);
        return m;
    }

    /**
     * Takes the two halves of the state view: v first, then b. DL4J 1.0.0-M2.1 hands a flat view
     * (rank 1, or a [1, 2n] row); the state is kept flat and the gradient is flattened to match.
     */
    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        if (viewArray.length() % 2 != 0 || viewArray.rank() > 2 || viewArray.rank() == 2 && viewArray.rows() != 1) {
            throw new IllegalArgumentException("state view must be a flat array of even length, got shape "
                    + java.util.Arrays.toString(viewArray.shape()));
        }
        if (initialize) {
            viewArray.assign(0);
        }
        INDArray flat = viewArray.rank() == 1 ? viewArray : viewArray.reshape(viewArray.length());
        long n = flat.length() / 2;
        meanSquare = flat.get(NDArrayIndex.interval(0, n));
        buffer = flat.get(NDArrayIndex.interval(n, 2 * n));
    }

    /**
     * Replaces the gradient g by the step lr·b, updating v and b in place (see {@link RmsPropMomentum}).
     */
    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        if (meanSquare == null) {
            throw new IllegalStateException("RMSprop state was never set");
        }
        if (gradient.length() != meanSquare.length()) {
            throw new IllegalArgumentException("gradient has " + gradient.length() + " values, state " + meanSquare.length());
        }
        INDArray g = gradient.rank() == 1 ? gradient : gradient.reshape(gradient.length());
        double alpha = config.alpha();
        // v ← α v + (1 − α) g²
        meanSquare.muli(alpha).addi(g.mul(g).muli(1 - alpha));
        // b ← m b + g / (√v + ε)
        INDArray denominator = Transforms.sqrt(meanSquare, true).addi(config.epsilon());
        buffer.muli(config.momentum()).addi(g.div(denominator));
        // the step DL4J subtracts: lr · b
        gradient.assign(buffer.mul(config.learningRate()).reshape(gradient.shape()));
    }
}
