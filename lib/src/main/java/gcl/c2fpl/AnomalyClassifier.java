package gcl.c2fpl;

import gcl.AtomicFiles;
import gcl.Seeds;
import gcl.data.FeatureSet;
import gcl.train.TrainingInterruptedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The anomaly classifier Ã_θ that C2FPL trains on its pseudo-labels: a fully connected network
 * FC[d, 512, 32, 1] (the paper's sizes; {@link C2fplConfig#hidden()}) with ReLU hidden layers, dropout
 * 0.6 after each hidden layer and a sigmoid output, the probability that a segment is anomalous. It
 * learns by binary cross-entropy against the fine pseudo-labels ŷ_ij (Eq. C7):
 * <pre>
 *   L = −(1/b) Σ [ ŷ log Ã_θ(f) + (1 − ŷ) log(1 − Ã_θ(f)) ]  (+ weight decay)
 * </pre>
 * over batches of segments shuffled across all training videos, by SGD with Nesterov momentum, weight
 * decay (an L2 term on weights and biases) and a learning rate multiplied by a factor at given epochs.
 * Weights start Xavier-uniform, biases at 0.
 *
 * <p>Built with Deeplearning4j's {@link MultiLayerNetwork}: a plain supervised classifier, which DL4J
 * gives with dropout, Nesterov SGD, weight decay and BCE built in and tested; the library's own
 * hand-derived networks ({@code gcl.model}) exist for GCL's losses, which DL4J's layers do not express.
 * Two DL4J conventions are translated here: its {@code dropOut(p)} takes the probability of
 * <em>keeping</em> a unit (so dropout 0.6 is {@code dropOut(0.4)}, applied to a layer's input), and
 * its Nesterov update keeps the learning rate inside the velocity, which equals PyTorch's
 * {@code SGD(nesterov=True)} while the rate is constant. Weights come from the stream
 * {@code classifier.init} of the master seed, the batch order from {@code classifier.batches} and the
 * dropout masks from {@code classifier.dropout} (ND4J's generator of the training thread, seeded
 * before the first batch).
 */
public final class AnomalyClassifier {
    /** Rows scored at once (a memory bound, not a hyperparameter). */
    static final int SCORING_CHUNK = 8192;

    private final MultiLayerNetwork network;

    private AnomalyClassifier(MultiLayerNetwork network) {
        this.network = network;
    }

    /** A fresh classifier for d-dimensional features, initialised from the stream {@code classifier.init}. */
    public static AnomalyClassifier create(int d, C2fplConfig config) {
        if (d <= 0) {
            throw new IllegalArgumentException("feature dimension must be positive, got " + d);
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(new Seeds(config.seed()).seed("classifier.init"))
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(new Nesterovs(config.learningRate(), config.momentum()))
                .l2(config.weightDecay())
                .l2Bias(config.weightDecay())
                .list();
        double keep = 1 - config.dropout();
        int in = d;
        List<Integer> hidden = config.hidden();
        for (int i = 0; i < hidden.size(); i++) {
            DenseLayer.Builder layer = new DenseLayer.Builder().nIn(in).nOut(hidden.get(i)).activation(Activation.RELU);
            if (i > 0 && config.dropout() > 0) {
                layer.dropOut(keep); // dropout after hidden layer i - 1 = on the input of layer i
            }
            list.layer(layer.build());
            in = hidden.get(i);
        }
        OutputLayer.Builder out = new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                .nIn(in).nOut(1).activation(Activation.SIGMOID);
        if (!hidden.isEmpty() && config.dropout() > 0) {
            out.dropOut(keep);
        }
        list.layer(out.build());
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new AnomalyClassifier(net);
    }

    /**
     * Trains on every row of a set against its pseudo-labels for {@link C2fplConfig#epochs()} epochs
     * and returns the history: epoch (from 1), learning_rate, loss (the mean over the epoch's batches of
     * the BCE, Eq. C7, with dropout as in training, before each batch's step; without the L2 term), seconds.
     *
     * @throws TrainingInterruptedException when the thread is interrupted (checked before every batch)
     */
    public Table fit(FeatureSet set, float[] labels, C2fplConfig config) {
        if (labels.length != set.size()) {
            throw new IllegalArgumentException(labels.length + " pseudo-labels for " + set.size() + " segments");
        }
        if (set.dim() != dim()) {
            throw new IllegalArgumentException("the classifier takes d = " + dim() + " but the features have d = " + set.dim());
        }
        Seeds seeds = new Seeds(config.seed());
        Random order = seeds.random("classifier.batches");
        Nd4j.getRandom().setSeed(seeds.seed("classifier.dropout"));
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn rate = DoubleColumn.create("learning_rate");
        DoubleColumn loss = DoubleColumn.create("loss");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        for (int e = 0; e < config.epochs(); e++) {
            long start = System.nanoTime();
            double lr = config.learningRateAt(e);
            network.setLearningRate(lr);
            double sum = 0;
            List<int[]> batches = FeatureSet.batchesOf(set.allRows(), config.batchSize(), order);
            for (int[] batch : batches) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new TrainingInterruptedException("C2FPL classifier training interrupted in epoch " + (e + 1));
                }
                float[] y = new float[batch.length];
                for (int i = 0; i < batch.length; i++) {
                    y[i] = labels[batch[i]];
                }
                INDArray x = set.rows(batch);
                INDArray t = Nd4j.create(y, new long[] {batch.length, 1}, 'c');
                network.fit(new DataSet(x, t));
                sum += network.score() - network.calcRegularizationScore(true);
                x.close();
                t.close();
            }
            epoch.append(e + 1);
            rate.append(lr);
            loss.append(batches.isEmpty() ? Double.NaN : sum / batches.size());
            seconds.append((System.nanoTime() - start) / 1e9);
        }
        return Table.create("C2FPL classifier training", epoch, rate, loss, seconds);
    }

    /** Ã_θ(f) for every row of a [N, d] matrix, dropout off. */
    public float[] scores(INDArray features) {
        if (features.rank() != 2 || features.columns() != dim()) {
            throw new IllegalArgumentException("features must be [N, " + dim() + "], got " + Arrays.toString(features.shape()));
        }
        int n = features.rows();
        float[] out = new float[n];
        for (int from = 0; from < n; from += SCORING_CHUNK) {
            int to = Math.min(n, from + SCORING_CHUNK);
            INDArray chunk = features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray p = network.output(chunk, false);
            System.arraycopy(p.toFloatVector(), 0, out, from, to - from);
        }
        return out;
    }

    /** Feature dimension d. */
    public int dim() {
        return network.layerInputSize(0);
    }

    /** The Deeplearning4j network (for inspection). */
    public MultiLayerNetwork network() {
        return network;
    }

    /** Writes the network (without updater state) to a file, atomically. */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, tmp -> ModelSerializer.writeModel(network, tmp.toFile(), false));
    }

    /** Reads a network written by {@link #save}. */
    public static AnomalyClassifier load(Path file) throws IOException {
        return new AnomalyClassifier(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false));
    }
}
