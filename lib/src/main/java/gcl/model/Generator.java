package gcl.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The generator G of section 3.2.1: a fully connected autoencoder that reconstructs segment
 * features, FC[d, 1024, 512, 256, 512, 1024, d] in the paper (section 4).
 *
 * <p>Its per-sample reconstruction error L_G^q = ‖f − f̂‖₂ (Eq. 1) is what G's pseudo-labels
 * threshold (Eq. 2) and, optionally, the anomaly score (section 3.4). The output layer is linear
 * (identity) because features such as ResNeXt's are not bounded; hidden layers use the activation
 * given (ReLU by default). Lesson 2 introduces it.
 */
public final class Generator {
    /** The paper's hidden layer sizes between input and output (section 4). */
    public static final List<Integer> PAPER_HIDDEN = List.of(1024, 512, 256, 512, 1024);

    private final MultiLayerNetwork net;

    private Generator(MultiLayerNetwork net) {
        this.net = net;
    }

    /**
     * A new G for d-dimensional features.
     *
     * @param d                the feature dimension
     * @param hidden           hidden layer sizes, e.g. {@link #PAPER_HIDDEN}
     * @param hiddenActivation activation of the hidden layers (the paper does not say; ReLU is ours)
     * @param loss             the training loss: {@link GeneratorLoss#L2_NORM} is Eq. (1)/(5)
     * @param updater          the optimiser, e.g. {@link RmsPropMomentum}
     * @param seed             seed of the weight initialisation
     */
    public static Generator create(int d, List<Integer> hidden, Activation hiddenActivation, GeneratorLoss loss,
                                   IUpdater updater, long seed) {
        return new Generator(Networks.fullyConnected(d, hidden, d, hiddenActivation, Activation.IDENTITY,
                loss.function(), updater, seed));
    }

    /** Wraps a network made elsewhere (e.g. restored from a file). */
    public static Generator of(MultiLayerNetwork net) {
        int[] sizes = Networks.layerSizes(net);
        if (sizes[0] != sizes[sizes.length - 1]) {
            throw new IllegalArgumentException("a generator reconstructs its input: input " + sizes[0]
                    + " but output " + sizes[sizes.length - 1]);
        }
        return new Generator(net);
    }

    /** The reconstructions f̂ of a batch of features [b, d]. */
    public INDArray reconstruct(INDArray features) {
        return net.output(features, false);
    }

    /** L_G^q = ‖f^q − f̂^q‖₂ for every row (Eq. 1), a vector of length b. */
    public INDArray reconstructionErrors(INDArray features) {
        return ReconstructionLoss.perSample(features, reconstruct(features));
    }

    /**
     * One optimiser step towards the given targets: Eq. (1) when targets = input, Eq. (5) with
     * pseudo targets. Returns the batch's loss before the step.
     */
    public double fit(INDArray input, INDArray targets) {
        if (input.rows() == 0) {
            return Double.NaN;
        }
        net.fit(new DataSet(input, targets));
        return net.score();
    }

    /**
     * The outputs of the hidden layers for a batch [b, d], first hidden layer first (each [b, units]):
     * for the training history's dead-unit shares ({@code gcl.train.Diagnostics}).
     */
    public List<INDArray> hiddenActivations(INDArray features) {
        return Networks.hiddenActivations(net, features);
    }

    /** Feature dimension d. */
    public int dim() {
        return Networks.layerSizes(net)[0];
    }

    /** Layer sizes, input first, e.g. [2048, 1024, 512, 256, 512, 1024, 2048]. */
    public int[] layerSizes() {
        return Networks.layerSizes(net);
    }

    /** The underlying DL4J network. */
    public MultiLayerNetwork network() {
        return net;
    }

    /** Saves weights, configuration and optimiser state (DL4J's model serializer). */
    public void save(Path file) throws IOException {
        Networks.save(net, file);
    }

    /** Restores a G saved by {@link #save}, optimiser state included. */
    public static Generator load(Path file) throws IOException {
        return of(Networks.restore(file, "generator"));
    }

    /** How G's training loss measures a sample's error. */
    public enum GeneratorLoss {
        /** ‖t − f̂‖₂ per sample, averaged over the batch: Eq. (1) and (5) as written. */
        L2_NORM,
        /** Mean squared error per sample (DL4J's LossMSE), as many re-implementations use. */
        MSE;

        org.nd4j.linalg.lossfunctions.ILossFunction function() {
            return this == L2_NORM ? new ReconstructionLoss() : new LossMSE();
        }
    }

    @Override
    public String toString() {
        return "Generator" + java.util.Arrays.toString(layerSizes());
    }
}
