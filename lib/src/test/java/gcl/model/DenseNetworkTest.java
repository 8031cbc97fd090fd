package gcl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** The hand-derived forward and backward passes against DL4J's and against finite differences. */
class DenseNetworkTest {
    private static final RmsPropMomentum OPT = new RmsPropMomentum();

    private static INDArray batch(int b, int d, long seed) {
        return Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(seed), b, d).castTo(DataType.FLOAT).subi(0.5).muli(2);
    }

    /** Largest |a − b| relative to the largest |b|. */
    private static double relativeError(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue()
                / b.castTo(DataType.DOUBLE).amaxNumber().doubleValue();
    }

    @Test
    void aSeedGivesTheSameInitialWeightsAsDl4jDid() {
        Generator g = Generator.create(6, List.of(4, 3, 4), Activation.RELU, Generator.GeneratorLoss.L2_NORM, OPT, 42);
        MultiLayerNetwork ref = Dl4jReference.network(new int[] {6, 4, 3, 4, 6}, Activation.RELU, Activation.IDENTITY,
                new Dl4jReference.L2NormLoss(), 42);
        assertEquals(ref.params().reshape(ref.numParams()), g.params());
        // uniform in ±1/√fan_in, biases 0
        assertTrue(g.weights(1).amaxNumber().doubleValue() <= 1 / Math.sqrt(6));
        assertEquals(0.0, g.bias(2).amaxNumber().doubleValue());
        Generator again = Generator.create(6, List.of(4, 3, 4), Activation.RELU, Generator.GeneratorLoss.L2_NORM, OPT, 42);
        assertEquals(g.params(), again.params());
    }

    @Test
    void generatorGradientsMatchDl4j() {
        for (Activation f : new Activation[] {Activation.RELU, Activation.TANH, Activation.LEAKYRELU, Activation.SIGMOID, Activation.ELU}) {
            for (Generator.GeneratorLoss loss : Generator.GeneratorLoss.values()) {
                Generator g = Generator.create(6, List.of(5, 3, 5), f, loss, OPT, 7);
                MultiLayerNetwork ref = Dl4jReference.network(new int[] {6, 5, 3, 5, 6}, f, Activation.IDENTITY,
                        loss == Generator.GeneratorLoss.MSE ? new LossMSE() : new Dl4jReference.L2NormLoss(), 7);
                ref.setParams(g.params().reshape(1, g.params().length()));
                INDArray x = batch(9, 6, 1);
                INDArray t = batch(9, 6, 2);
                assertTrue(relativeError(g.reconstruct(x), ref.output(x)) < 1e-6, f + " forward");
                double ours = g.lossAndGradient(g.forward(x), t, null);
                INDArray theirs = Dl4jReference.gradient(ref, x, t).divi(9);
                assertEquals(ref.score(), ours, 1e-5, f + " " + loss + " loss");
                assertTrue(relativeError(g.gradientView(), theirs) < 1e-5, f + " " + loss + " gradient");
            }
        }
    }

    @Test
    void discriminatorGradientsMatchDl4j() {
        Discriminator d = Discriminator.create(6, List.of(5, 3), Activation.RELU, OPT, 3);
        MultiLayerNetwork ref = Dl4jReference.network(new int[] {6, 5, 3, 1}, Activation.RELU, Activation.SIGMOID, new LossBinaryXENT(), 3);
        assertEquals(ref.params().reshape(ref.numParams()), d.params());
        INDArray x = batch(10, 6, 4);
        INDArray y = Nd4j.createFromArray(new float[] {1, 0, 0, 1, 0, 0.3f, 0, 1, 0, 0}).reshape(10, 1);
        double ours = d.lossAndGradient(d.forward(x), y);
        INDArray theirs = Dl4jReference.gradient(ref, x, y).divi(10);
        assertEquals(ref.score(), ours, 1e-5);
        assertTrue(relativeError(d.gradientView(), theirs) < 1e-5, "gradient");
        assertArrayEquals(ref.output(x).reshape(10).toFloatVector(), d.probabilities(x).toFloatVector(), 1e-6f);
    }

    /** Central differences of the loss in float32: every 7th parameter of a small G and D. */
    @Test
    void gradientsMatchFiniteDifferences() {
        Generator g = Generator.create(5, List.of(4, 3, 4), Activation.TANH, Generator.GeneratorLoss.L2_NORM, OPT, 11);
        INDArray x = batch(6, 5, 5);
        INDArray t = batch(6, 5, 6);
        INDArray mask = Nd4j.createFromArray(new float[] {1, 1, 0, 1, 0, 1});
        g.lossAndGradient(g.forward(x), t, mask);
        checkFiniteDifferences(g, g.gradientView().dup(), () -> g.lossAndGradient(g.forward(x), t, mask));

        Discriminator d = Discriminator.create(5, List.of(4, 3), Activation.TANH, OPT, 12);
        INDArray y = Nd4j.createFromArray(new float[] {1, 0, 0, 1, 0, 1});
        d.lossAndGradient(d.forward(x), y);
        checkFiniteDifferences(d, d.gradientView().dup(), () -> d.lossAndGradient(d.forward(x), y));
    }

    private static void checkFiniteDifferences(DenseNetwork net, INDArray analytic, DoubleSupplier loss) {
        INDArray p = net.paramsView();
        double h = 1e-2;
        int checked = 0;
        for (long i = 0; i < p.length(); i += 7) {
            double v = p.getDouble(i);
            p.putScalar(i, v + h);
            double plus = loss.getAsDouble();
            p.putScalar(i, v - h);
            double minus = loss.getAsDouble();
            p.putScalar(i, v);
            double numeric = (plus - minus) / (2 * h);
            assertEquals(numeric, analytic.getDouble(i), 2e-3 + 1e-2 * Math.abs(numeric), "parameter " + i);
            checked++;
        }
        assertTrue(checked > 5);
    }

    @Test
    void aPassCannotBeUsedAfterAStepOrAnotherPass() {
        Generator g = Generator.create(4, List.of(3), Activation.RELU, Generator.GeneratorLoss.L2_NORM, OPT, 1);
        INDArray x = batch(5, 4, 1);
        DenseNetwork.Pass first = g.forward(x);
        g.forward(x);
        assertThrows(IllegalStateException.class, () -> g.fit(first, x, null));
        DenseNetwork.Pass second = g.forward(x);
        g.fit(second, x, null);
        assertThrows(IllegalStateException.class, () -> g.reconstructionErrors(second));
        assertEquals(1, g.steps());
    }

    @Test
    void largerAndSmallerBatchesReuseTheWorkArrays() {
        Discriminator d = Discriminator.create(4, List.of(3), Activation.RELU, OPT, 1);
        INDArray big = batch(12, 4, 1);
        INDArray small = big.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 5), org.nd4j.linalg.indexing.NDArrayIndex.all());
        INDArray pSmall = d.probabilities(small);
        INDArray pBig = d.probabilities(big);
        assertArrayEquals(pSmall.toFloatVector(), Arrays.copyOf(pBig.toFloatVector(), 5), 1e-7f);
        d.releaseBuffers();
        assertArrayEquals(pSmall.toFloatVector(), d.probabilities(small).toFloatVector(), 0f);
        d.close();
        assertThrows(IllegalStateException.class, () -> d.probabilities(small));
    }

    @Test
    void unsupportedActivationsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Discriminator.create(4, List.of(3), Activation.SOFTMAX, OPT, 1));
        assertTrue(e.getMessage().contains("SOFTMAX"), e.getMessage());
    }
}
