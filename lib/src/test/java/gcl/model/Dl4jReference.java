package gcl.model;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The networks as the library built them before with DL4J's {@code MultiLayerNetwork} (same layer
 * layout, initialisation and losses), kept as the reference the hand-derived backward pass is
 * tested against.
 */
final class Dl4jReference {
    private Dl4jReference() {
    }

    static MultiLayerNetwork network(int[] sizes, Activation hidden, Activation output, ILossFunction loss, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).weightInit(WeightInit.UNIFORM).updater(new Sgd(0.0)).list();
        int last = sizes.length - 2;
        for (int i = 0; i < last; i++) {
            list.layer(i, new DenseLayer.Builder().nIn(sizes[i]).nOut(sizes[i + 1]).activation(hidden).build());
        }
        list.layer(last, new OutputLayer.Builder(loss).nIn(sizes[last]).nOut(sizes[last + 1]).activation(output).build());
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** DL4J's gradient of the loss summed over the batch (DL4J divides by b only in its updater). */
    static INDArray gradient(MultiLayerNetwork net, INDArray x, INDArray y) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.gradient().gradient().dup().reshape(net.numParams());
    }

    static List<Integer> hidden(int... h) {
        return Arrays.stream(h).boxed().toList();
    }

    /** Eq. (1)/(5) as a DL4J loss function: ‖t − f̂‖₂ per sample, gradient (f̂ − t)/‖f̂ − t‖₂. */
    static final class L2NormLoss implements ILossFunction {
        private static final long serialVersionUID = 1L;

        @Override
        public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
            double s = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
            return average ? s / labels.rows() : s;
        }

        @Override
        public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
            INDArray out = activationFn.getActivation(preOutput.dup(), true);
            return out.sub(labels).norm2(1).reshape(labels.rows(), 1);
        }

        @Override
        public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
            INDArray out = activationFn.getActivation(preOutput.dup(), true);
            INDArray diff = out.sub(labels);
            INDArray norms = Transforms.max(diff.norm2(1).reshape(labels.rows(), 1), 1e-12, true);
            return activationFn.backprop(preOutput.dup(), diff.diviColumnVector(norms)).getFirst();
        }

        @Override
        public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                              INDArray mask, boolean average) {
            return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                    computeGradient(labels, preOutput, activationFn, mask));
        }

        @Override
        public String name() {
            return "l2-norm";
        }
    }
}
