package gcl.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Builds the fully connected networks of G and D.
 *
 * <p>Choices the paper leaves open (section 4 gives only the layer sizes): hidden layers use the
 * given activation (ReLU by default); weights start as PyTorch's {@code nn.Linear} does,
 * uniform in ±1/√fan_in (DL4J's {@link WeightInit#UNIFORM}); biases start at 0 (PyTorch draws
 * them from the same uniform range); float32 throughout.
 */
final class Networks {
    private Networks() {
    }

    static MultiLayerNetwork fullyConnected(int in, List<Integer> hidden, int out, Activation hiddenActivation,
                                            Activation outputActivation, ILossFunction loss, IUpdater updater,
                                            long seed) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("layer sizes must be positive, got in " + in + ", out " + out);
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.UNIFORM)
                .updater(updater)
                .list();
        int prev = in;
        int i = 0;
        for (int size : hidden) {
            if (size <= 0) {
                throw new IllegalArgumentException("hidden layer sizes must be positive, got " + hidden);
            }
            list.layer(i++, new DenseLayer.Builder().nIn(prev).nOut(size).activation(hiddenActivation).build());
            prev = size;
        }
        list.layer(i, new OutputLayer.Builder(loss).nIn(prev).nOut(out).activation(outputActivation).build());
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The layer sizes of a network, input first: e.g. [2048, 512, 32, 1]. */
    static int[] layerSizes(MultiLayerNetwork net) {
        int n = net.getnLayers();
        int[] sizes = new int[n + 1];
        for (int i = 0; i < n; i++) {
            var layer = (org.deeplearning4j.nn.conf.layers.FeedForwardLayer) net.getLayerWiseConfigurations().getConf(i).getLayer();
            if (i == 0) {
                sizes[0] = (int) layer.getNIn();
            }
            sizes[i + 1] = (int) layer.getNOut();
        }
        return sizes;
    }

    /** The outputs of the hidden layers (after their activation) for a batch, first hidden layer first. */
    static List<org.nd4j.linalg.api.ndarray.INDArray> hiddenActivations(MultiLayerNetwork net,
                                                                       org.nd4j.linalg.api.ndarray.INDArray x) {
        List<org.nd4j.linalg.api.ndarray.INDArray> all = net.feedForward(x, false);
        // [input, hidden 1, ..., hidden n, output]
        return List.copyOf(all.subList(1, all.size() - 1));
    }

    /** Saves weights, configuration and optimiser state (DL4J's model serializer). */
    static void save(MultiLayerNetwork net, Path file) throws IOException {
        ModelSerializer.writeModel(net, file.toFile(), true);
    }

    /** Restores a network saved by {@link #save}, optimiser state included; {@code what} names it in errors. */
    static MultiLayerNetwork restore(Path file, String what) throws IOException {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a saved " + what + " (" + e.getMessage() + ")", e);
        }
    }
}
