package gcl.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The discriminator D of section 3.2.3: a fully connected binary classifier FC[d, 512, 32, 1]
 * (section 4) whose sigmoid output p̂ is the probability that a segment is anomalous.
 *
 * <p>It is trained with binary cross entropy on G's pseudo-labels (Eq. 3, {@link DiscriminatorLoss});
 * its probabilities give D's pseudo-labels (Eq. 4) and the anomaly score (section 3.4). Hidden
 * layers use the activation given (ReLU by default; the paper does not say). Lesson 2 introduces it.
 */
public final class Discriminator {
    /** The paper's hidden layer sizes (section 4). */
    public static final List<Integer> PAPER_HIDDEN = List.of(512, 32);

    private final MultiLayerNetwork net;

    private Discriminator(MultiLayerNetwork net) {
        this.net = net;
    }

    /**
     * A new D for d-dimensional features.
     *
     * @param d                the feature dimension
     * @param hidden           hidden layer sizes, e.g. {@link #PAPER_HIDDEN}
     * @param hiddenActivation activation of the hidden layers
     * @param updater          the optimiser, e.g. {@link RmsPropMomentum}
     * @param seed             seed of the weight initialisation
     */
    public static Discriminator create(int d, List<Integer> hidden, Activation hiddenActivation, IUpdater updater,
                                       long seed) {
        return new Discriminator(Networks.fullyConnected(d, hidden, 1, hiddenActivation, Activation.SIGMOID,
                DiscriminatorLoss.function(), updater, seed));
    }

    /** Wraps a network made elsewhere (e.g. restored from a file). */
    public static Discriminator of(MultiLayerNetwork net) {
        int[] sizes = Networks.layerSizes(net);
        if (sizes[sizes.length - 1] != 1) {
            throw new IllegalArgumentException("a discriminator has one output, got " + sizes[sizes.length - 1]);
        }
        return new Discriminator(net);
    }

    /**
     * Starts the output bias at logit(prior), so that an untrained D gives every segment about
     * probability {@code prior} (not in the paper; the robust preset's remedy for D's first steps,
     * lesson 03). Call before training.
     */
    public void initOutputBias(double prior) {
        if (!(prior > 0 && prior < 1)) {
            throw new IllegalArgumentException("prior must be in (0, 1), got " + prior);
        }
        INDArray b = net.getLayer(net.getnLayers() - 1).getParam("b");
        b.assign(Math.log(prior / (1 - prior)));
    }

    /** p̂ = D(f) for every row of a batch [b, d]: a vector of length b with values in (0, 1). */
    public INDArray probabilities(INDArray features) {
        INDArray out = net.output(features, false);
        return out.reshape(out.length());
    }

    /**
     * One optimiser step of Eq. (3) on a batch and its (pseudo-)labels (length b, values in [0, 1]).
     * Returns the batch's loss before the step.
     */
    public double fit(INDArray features, INDArray labels) {
        if (features.rows() == 0) {
            return Double.NaN;
        }
        INDArray y = labels.reshape(features.rows(), 1).castTo(features.dataType());
        net.fit(new DataSet(features, y));
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

    /** Layer sizes, input first, e.g. [2048, 512, 32, 1]. */
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

    /** Restores a D saved by {@link #save}, optimiser state included. */
    public static Discriminator load(Path file) throws IOException {
        return of(Networks.restore(file, "discriminator"));
    }

    @Override
    public String toString() {
        return "Discriminator" + java.util.Arrays.toString(layerSizes());
    }
}
