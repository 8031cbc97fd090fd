package gcl.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The discriminator D of section 3.2.3: a fully connected binary classifier FC[d, 512, 32, 1]
 * (section 4) whose sigmoid output p̂ is the probability that a segment is anomalous.
 *
 * <p>It is trained with binary cross entropy on G's pseudo-labels (Eq. 3, {@link DiscriminatorLoss});
 * its probabilities give D's pseudo-labels (Eq. 4) and the anomaly score (section 3.4). Hidden
 * layers use the activation given (ReLU by default; the paper does not say). Lesson 2 introduces it.
 */
public final class Discriminator extends DenseNetwork {
    /** The paper's hidden layer sizes (section 4). */
    public static final List<Integer> PAPER_HIDDEN = List.of(512, 32);
    private static final String KIND = "discriminator";

    private Discriminator(int[] sizes, Activation hidden, RmsPropMomentum optimiser, long seed, INDArray[] state, long steps) {
        super(sizes, hidden, Activation.SIGMOID, optimiser, seed, state, steps);
        if (sizes[sizes.length - 1] != 1) {
            throw new IllegalArgumentException("a discriminator has one output, got " + sizes[sizes.length - 1]);
        }
    }

    /**
     * A new D for d-dimensional features.
     *
     * @param d                the feature dimension
     * @param hidden           hidden layer sizes, e.g. {@link #PAPER_HIDDEN}
     * @param hiddenActivation activation of the hidden layers
     * @param optimiser        RMSprop's settings
     * @param seed             seed of the weight initialisation
     */
    public static Discriminator create(int d, List<Integer> hidden, Activation hiddenActivation, RmsPropMomentum optimiser,
                                       long seed) {
        return new Discriminator(sizesOf(d, hidden, 1), hiddenActivation, optimiser, seed, null, 0);
    }

    /**
     * Starts the output bias at logit(prior), so that an untrained D gives every segment about
     * probability {@code prior} (not in the paper; the robust preset's remedy for D's first steps,
     * lesson 03b). Call before training.
     */
    public void initOutputBias(double prior) {
        if (!(prior > 0 && prior < 1)) {
            throw new IllegalArgumentException("prior must be in (0, 1), got " + prior);
        }
        fillBias(layerSizes().length - 1, Math.log(prior / (1 - prior)));
    }

    /** p̂ = D(f) for every row of a batch [b, d]: a new vector of length b with values in (0, 1). */
    public INDArray probabilities(INDArray features) {
        INDArray out = forward(features).output();
        return out.dup().reshape(out.length());
    }

    /**
     * One optimiser step of Eq. (3) on a batch and its (pseudo-)labels (length b, values in [0, 1]).
     * Returns the batch's loss before the step.
     */
    public double fit(INDArray features, INDArray labels) {
        double before = lossAndGradient(forward(features), labels);
        if (!Double.isNaN(before)) {
            step();
        }
        return before;
    }

    /**
     * Eq. (3) of a pass and, in the network's gradient, its gradient. With a sigmoid output the
     * gradient of the cross entropy with respect to the pre-activation is p̂ − l, divided by b.
     */
    double lossAndGradient(Pass pass, INDArray labels) {
        int b = pass.rows();
        if (labels.length() != b) {
            throw new IllegalArgumentException(b + " samples but " + labels.length() + " labels");
        }
        if (b == 0) {
            return Double.NaN;
        }
        try (INDArray y = labels.reshape(b, 1).castTo(DataType.FLOAT)) {
            INDArray p = pass.output();
            double value = DiscriminatorLoss.of(y, p);
            INDArray delta = outputDelta(pass);
            p.sub(y, delta).divi(b);
            backward(pass);
            return value;
        }
    }

    /** Saves weights, optimiser settings and state. */
    public void save(Path file) throws IOException {
        save(file, KIND, Map.of());
    }

    /** Restores a D saved by {@link #save}, optimiser state included. */
    public static Discriminator load(Path file) throws IOException {
        NetworkFile.Saved s = NetworkFile.read(file, KIND);
        try {
            return new Discriminator(s.sizes(), s.hidden(), s.optimiser(), 0, s.state(), s.steps());
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a saved " + KIND + " (" + e.getMessage() + ")", e);
        } finally {
            for (INDArray a : s.state()) {
                a.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Discriminator" + Arrays.toString(layerSizes());
    }
}
