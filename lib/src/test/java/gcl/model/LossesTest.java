package gcl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossesTest {
    /** Eq. (1): ‖[3, 4] − [0, 0]‖₂ = 5 and ‖[1, 1] − [1, 1]‖₂ = 0, mean 2.5. */
    @Test
    void reconstructionLossIsThePerSampleNormAveraged() {
        INDArray target = Nd4j.createFromArray(new float[][] {{0, 0}, {1, 1}});
        INDArray output = Nd4j.createFromArray(new float[][] {{3, 4}, {1, 1}});
        assertArrayEquals(new double[] {5, 0}, ReconstructionLoss.perSample(target, output).toDoubleVector(), 1e-6);
        assertEquals(2.5, ReconstructionLoss.of(target, output), 1e-6);
        // gradient: (f̂ − t)/‖f̂ − t‖/b = [0.6, 0.8]/2; zero error gives zero gradient
        INDArray diff = output.sub(target);
        INDArray keep = Nd4j.ones(DataType.FLOAT, 2, 1);
        assertEquals(2.5, ReconstructionLoss.gradientInPlace(diff, keep, 2), 1e-6);
        assertArrayEquals(new float[] {0.3f, 0.4f, 0, 0}, diff.reshape(4).toFloatVector(), 1e-6f);
        // a mask removes the first sample from loss and gradient
        INDArray diff2 = output.sub(target);
        INDArray first = Nd4j.createFromArray(new float[][] {{0}, {1}});
        assertEquals(0, ReconstructionLoss.gradientInPlace(diff2, first, 1), 1e-12);
        assertArrayEquals(new float[] {0, 0, 0, 0}, diff2.reshape(4).toFloatVector(), 0f);
    }

    /** Eq. (3): labels [1, 0], probabilities [0.8, 0.4]: −(ln 0.8 + ln 0.6)/2 = 0.366985. */
    @Test
    void discriminatorLossIsBinaryCrossEntropy() {
        INDArray y = Nd4j.createFromArray(1.0, 0.0);
        INDArray p = Nd4j.createFromArray(0.8, 0.4);
        assertEquals(-(Math.log(0.8) + Math.log(0.6)) / 2, DiscriminatorLoss.of(y, p), 1e-9);
        // a certain, wrong prediction costs −ln(1e-5), not infinity
        assertEquals(-Math.log(DiscriminatorLoss.CLIP), DiscriminatorLoss.of(Nd4j.createFromArray(1.0), Nd4j.createFromArray(0.0)), 1e-6);
    }

    @Test
    void networksHaveThePapersShapesAndReportTheirLossBeforeTheStep() {
        Generator g = Generator.create(8, List.of(6, 4, 6), Activation.RELU, Generator.GeneratorLoss.L2_NORM, new RmsPropMomentum(), 1);
        assertArrayEquals(new int[] {8, 6, 4, 6, 8}, g.layerSizes());
        Discriminator d = Discriminator.create(8, List.of(5, 3), Activation.RELU, new RmsPropMomentum(), 1);
        assertArrayEquals(new int[] {8, 5, 3, 1}, d.layerSizes());
        INDArray x = Nd4j.rand(DataType.FLOAT, 10, 8);
        double expectedG = g.reconstructionErrors(x).meanNumber().doubleValue();
        assertEquals(expectedG, g.fit(x, x), 1e-6);
        assertTrue(g.reconstructionErrors(x).meanNumber().doubleValue() != expectedG, "the step changed G");
        INDArray y = Nd4j.createFromArray(new float[] {1, 0, 0, 1, 0, 0, 0, 1, 0, 0});
        INDArray p = d.probabilities(x);
        double expectedD = DiscriminatorLoss.of(y, p);
        assertEquals(expectedD, d.fit(x, y), 1e-6);
        assertEquals(10, p.length());
        assertTrue(p.minNumber().doubleValue() > 0 && p.maxNumber().doubleValue() < 1, p.toString());
    }
}
