package gcl.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The generator G of section 3.2.1: a fully connected autoencoder that reconstructs segment
 * features, FC[d, 1024, 512, 256, 512, 1024, d] in the paper (section 4).
 *
 * <p>Its per-sample reconstruction error L_G^q = ‖f − f̂‖₂ (Eq. 1) is what G's pseudo-labels
 * threshold (Eq. 2) and, optionally, the anomaly score (section 3.4). The output layer is linear
 * (identity) because features such as ResNeXt's are not bounded; hidden layers use the activation
 * given (ReLU by default). Lesson 2 introduces it.
 *
 * <p>A training step can reuse a forward pass made for the errors ({@link #forward}, then
 * {@link #fit(Pass, INDArray, INDArray)}), as long as no step came in between: the cooperative
 * loop does that, since G's weights do not change between labelling a batch and learning from it.
 */
public final class Generator extends DenseNetwork {
    /** The paper's hidden layer sizes between input and output (section 4). */
    public static final List<Integer> PAPER_HIDDEN = List.of(1024, 512, 256, 512, 1024);
    private static final String KIND = "generator";

    private final GeneratorLoss loss;

    private Generator(int[] sizes, Activation hidden, GeneratorLoss loss, RmsPropMomentum optimiser, long seed,
                      INDArray[] state, long steps) {
        super(sizes, hidden, Activation.IDENTITY, optimiser, seed, state, steps);
        if (sizes[0] != sizes[sizes.length - 1]) {
            throw new IllegalArgumentException("a generator reconstructs its input: input " + sizes[0]
                    + " but output " + sizes[sizes.length - 1]);
        }
        this.loss = Objects.requireNonNull(loss, "loss");
    }

    /**
     * A new G for d-dimensional features.
     *
     * @param d                the feature dimension
     * @param hidden           hidden layer sizes, e.g. {@link #PAPER_HIDDEN}
     * @param hiddenActivation activation of the hidden layers (the paper does not say; ReLU is ours)
     * @param loss             the training loss: {@link GeneratorLoss#L2_NORM} is Eq. (1)/(5)
     * @param optimiser        RMSprop's settings
     * @param seed             seed of the weight initialisation
     */
    public static Generator create(int d, List<Integer> hidden, Activation hiddenActivation, GeneratorLoss loss,
                                   RmsPropMomentum optimiser, long seed) {
        return new Generator(sizesOf(d, hidden, d), hiddenActivation, loss, optimiser, seed, null, 0);
    }

    /** G's training loss. */
    public GeneratorLoss loss() {
        return loss;
    }

    /** The forward pass over a batch [b, d], kept for {@link #reconstructionErrors(Pass)} and {@link #fit(Pass, INDArray, INDArray)}. */
    @Override
    public Pass forward(INDArray batch) {
        return super.forward(batch);
    }

    /** The reconstructions f̂ of a batch of features [b, d] (a new array). */
    public INDArray reconstruct(INDArray features) {
        return forward(features).output().dup();
    }

    /** L_G^q = ‖f^q − f̂^q‖₂ for every row (Eq. 1), a vector of length b. */
    public INDArray reconstructionErrors(INDArray features) {
        return reconstructionErrors(forward(features));
    }

    /** L_G^q = ‖f^q − f̂^q‖₂ for every row of a pass's batch (Eq. 1). */
    public INDArray reconstructionErrors(Pass pass) {
        if (pass.rows() == 0) {
            return org.nd4j.linalg.factory.Nd4j.create(DataType.FLOAT, 0);
        }
        INDArray diff = outputDelta(pass);
        pass.output().sub(pass.input(), diff);
        return diff.norm2(1);
    }

    /**
     * One optimiser step towards the given targets: Eq. (1) when targets = input, Eq. (5) with
     * pseudo targets. Returns the batch's loss before the step.
     */
    public double fit(INDArray input, INDArray targets) {
        return fit(forward(input), targets, null);
    }

    /**
     * One optimiser step on a pass's batch towards the targets [b, d], on the rows whose mask is 1
     * (all rows when the mask is null): the loss is averaged over those rows, the others have no
     * gradient. Returns the loss before the step (NaN when no row is left).
     */
    public double fit(Pass pass, INDArray targets, INDArray mask) {
        double before = lossAndGradient(pass, targets, mask);
        if (!Double.isNaN(before)) {
            step();
        }
        return before;
    }

    /** The loss of a pass and, in the network's gradient, its gradient; NaN (and no gradient) when no row counts. */
    double lossAndGradient(Pass pass, INDArray targets, INDArray mask) {
        int b = pass.rows();
        if (targets.rows() != b || targets.columns() != dim()) {
            throw new IllegalArgumentException("targets must be [" + b + ", " + dim() + "], got " + Arrays.toString(targets.shape()));
        }
        if (b == 0) {
            return Double.NaN;
        }
        try (INDArray keep = Masks.keep(mask, b)) {
            double n = keep.sumNumber().doubleValue();
            if (n == 0) {
                return Double.NaN;
            }
            INDArray delta = outputDelta(pass);
            INDArray t = targets.dataType() == DataType.FLOAT ? targets : targets.castTo(DataType.FLOAT);
            pass.output().sub(t, delta);
            double value = loss.gradientInPlace(delta, keep, n);
            backward(pass);
            return value;
        }
    }

    /** Saves weights, loss, optimiser settings and state. */
    public void save(Path file) throws IOException {
        save(file, KIND, Map.of("loss", loss.name()));
    }

    /** Restores a G saved by {@link #save}, optimiser state included. */
    public static Generator load(Path file) throws IOException {
        NetworkFile.Saved s = NetworkFile.read(file, KIND);
        try {
            return new Generator(s.sizes(), s.hidden(), GeneratorLoss.valueOf(s.extras().get("loss")), s.optimiser(), 0,
                    s.state(), s.steps());
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a saved " + KIND + " (" + e.getMessage() + ")", e);
        } finally {
            for (INDArray a : s.state()) {
                a.close();
            }
        }
    }

    /** How G's training loss measures a sample's error. */
    public enum GeneratorLoss {
        /** ‖t − f̂‖₂ per sample, averaged over the batch: Eq. (1) and (5) as written ({@link ReconstructionLoss}). */
        L2_NORM,
        /** Mean squared error per sample, (1/d)·‖t − f̂‖₂², averaged over the batch, as many re-implementations use. */
        MSE;

        /**
         * Turns diff = f̂ − t [b, d] into ∂L/∂f̂ in place and returns L, both over the kept rows
         * (keep is a 0/1 column [b, 1], n its sum).
         */
        double gradientInPlace(INDArray diff, INDArray keep, double n) {
            return this == L2_NORM ? ReconstructionLoss.gradientInPlace(diff, keep, n) : meanSquared(diff, keep, n);
        }

        private static double meanSquared(INDArray diff, INDArray keep, double n) {
            double d = diff.columns();
            double value;
            try (INDArray squares = diff.mul(diff); INDArray perRow = squares.sum(true, 1)) {
                value = perRow.muli(keep).sumNumber().doubleValue() / (d * n);
            }
            diff.muliColumnVector(keep).muli(2 / (d * n));
            return value;
        }
    }

    @Override
    public String toString() {
        return "Generator" + Arrays.toString(layerSizes());
    }
}
