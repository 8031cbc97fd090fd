package gcl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossesTest {
    /** Eq. (1): ‖[3, 4] − [0, 0]‖₂ = 5 and ‖[1, 1] − [1, 1]‖₂ = 0, mean 2.5. */
    @Test
    void reconstructionLossIsThePerSampleNormAveraged() {
        INDArray target = Nd4j.createFromArray(new double[][] {{0, 0}, {1, 1}});
        INDArray output = Nd4j.createFromArray(new double[][] {{3, 4}, {1, 1}});
        assertArrayEquals(new double[] {5, 0}, ReconstructionLoss.perSample(target, output).toDoubleVector(), 1e-12);
        ReconstructionLoss loss = new ReconstructionLoss();
        assertEquals(2.5, loss.computeScore(target, output, new ActivationIdentity(), null, true), 1e-12);
        // gradient: (f̂ − t)/‖f̂ − t‖ = [0.6, 0.8]; zero error gives zero gradient
        INDArray grad = loss.computeGradient(target, output, new ActivationIdentity(), null);
        assertArrayEquals(new double[] {0.6, 0.8, 0, 0}, grad.reshape(4).toDoubleVector(), 1e-9);
        // a mask removes the first sample
        INDArray mask = Nd4j.createFromArray(new double[][] {{0}, {1}});
        assertEquals(0, loss.computeScore(target, output, new ActivationIdentity(), mask, true), 1e-12);
    }

    @Test
    void reconstructionGradientMatchesFiniteDifferences() {
        INDArray t = Nd4j.createFromArray(new double[][] {{0.2, -0.5, 1.0}});
        INDArray o = Nd4j.createFromArray(new double[][] {{0.7, 0.1, 0.3}});
        ReconstructionLoss loss = new ReconstructionLoss();
        INDArray grad = loss.computeGradient(t, o, new ActivationIdentity(), null);
        double h = 1e-6;
        for (int j = 0; j < 3; j++) {
            INDArray plus = o.dup();
            plus.putScalar(0, j, o.getDouble(0, j) + h);
            INDArray minus = o.dup();
            minus.putScalar(0, j, o.getDouble(0, j) - h);
            double numeric = (loss.computeScore(t, plus, new ActivationIdentity(), null, false)
                    - loss.computeScore(t, minus, new ActivationIdentity(), null, false)) / (2 * h);
            assertEquals(numeric, grad.getDouble(0, j), 1e-6);
        }
    }

    /** Eq. (3): labels [1, 0], probabilities [0.8, 0.4]: −(ln 0.8 + ln 0.6)/2 = 0.366985. */
    @Test
    void discriminatorLossIsBinaryCrossEntropy() {
        INDArray y = Nd4j.createFromArray(1.0, 0.0);
        INDArray p = Nd4j.createFromArray(0.8, 0.4);
        assertEquals(-(Math.log(0.8) + Math.log(0.6)) / 2, DiscriminatorLoss.of(y, p), 1e-9);
    }

    @Test
    void networksHaveThePapersShapesAndTheirLossesAgree() {
        Generator g = Generator.create(8, List.of(6, 4, 6), Activation.RELU, Generator.GeneratorLoss.L2_NORM, new RmsPropMomentum(), 1);
        assertArrayEquals(new int[] {8, 6, 4, 6, 8}, g.layerSizes());
        Discriminator d = Discriminator.create(8, List.of(5, 3), Activation.RELU, new RmsPropMomentum(), 1);
        assertArrayEquals(new int[] {8, 5, 3, 1}, d.layerSizes());
        INDArray x = Nd4j.rand(DataType.FLOAT, 10, 8);
        // DL4J's score before a step is Eq. (1) / Eq. (3) computed on the same batch
        double expectedG = g.reconstructionErrors(x).meanNumber().doubleValue();
        assertEquals(expectedG, g.fit(x, x), 1e-5);
        INDArray y = Nd4j.createFromArray(new float[] {1, 0, 0, 1, 0, 0, 0, 1, 0, 0});
        double expectedD = DiscriminatorLoss.of(y, d.probabilities(x));
        assertEquals(expectedD, d.fit(x, y), 1e-5);
        INDArray p = d.probabilities(x);
        assertEquals(10, p.length());
        assertEquals(1.0, p.maxNumber().doubleValue(), 1.0);
    }
}
