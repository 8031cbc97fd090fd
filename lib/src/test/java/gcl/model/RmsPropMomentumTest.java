package gcl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

class RmsPropMomentumTest {
    /**
     * Two steps by hand (lr 0.1, momentum 0.5, alpha 0.9):
     * g1 = [1, -2]:  v = [0.1, 0.4], b = g/√v = [3.1623, -3.1623], step = lr·b = [0.31623, -0.31623];
     * g2 = [0.5, 1]: v = [0.115, 0.46], b = 0.5·b + g/√v = [3.05556, -0.10672], step = [0.305556, -0.0106719].
     */
    @Test
    void twoStepsMatchPyTorchsFormula() {
        RmsPropMomentum config = new RmsPropMomentum(0.1, 0.5, 0.9, 1e-8);
        assertEquals(4, config.stateSize(2));
        INDArray state = Nd4j.create(DataType.DOUBLE, 1, 4);
        GradientUpdater<?> u = config.instantiate(state, true);

        INDArray g1 = Nd4j.createFromArray(new double[][] {{1, -2}});
        u.applyUpdater(g1, 0, 0);
        assertArrayEquals(new double[] {0.316227756, -0.316227761}, g1.toDoubleVector(), 1e-8);

        INDArray g2 = Nd4j.createFromArray(new double[][] {{0.5, 1}});
        u.applyUpdater(g2, 1, 0);
        assertArrayEquals(new double[] {0.305555830, -0.010671927}, g2.toDoubleVector(), 1e-8);
        // the state lives in the view array: v then b
        assertArrayEquals(new double[] {0.115, 0.46}, state.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2)).toDoubleVector(), 1e-12);
    }

    /** In a network, DL4J subtracts the step: the first step moves each weight by lr/√(1−α) against its gradient. */
    @Test
    void firstStepInANetworkHasTheExpectedSize() {
        double lr = 0.001;
        Generator g = Generator.create(4, List.of(3), Activation.TANH, Generator.GeneratorLoss.L2_NORM,
                new RmsPropMomentum(lr, 0.6, 0.99, 1e-8), 7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 4);
        INDArray before = g.network().params().dup();
        g.fit(x, x);
        INDArray delta = g.network().params().sub(before);
        double expected = lr / Math.sqrt(1 - 0.99);
        int moved = 0;
        for (double d : delta.toDoubleVector()) {
            if (d != 0) {
                assertEquals(expected, Math.abs(d), expected * 1e-3);
                moved++;
            }
        }
        assertTrue(moved > 20, "most parameters move, got " + moved);
    }

    @Test
    void savedNetworksKeepTheOptimiserState(@TempDir Path dir) throws Exception {
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 4);
        INDArray y = Nd4j.rand(DataType.FLOAT, 6).gt(0.5).castTo(DataType.FLOAT);
        Discriminator a = Discriminator.create(4, List.of(5), Activation.RELU, new RmsPropMomentum(0.01, 0.6, 0.99, 1e-8), 3);
        a.fit(x, y);
        Path file = dir.resolve("d.zip");
        a.save(file);
        Discriminator b = Discriminator.load(file);
        a.fit(x, y);
        b.fit(x, y);
        assertEquals(a.network().params(), b.network().params());
        assertArrayEquals(new int[] {4, 5, 1}, b.layerSizes());
    }

    @Test
    void aBrokenModelFileIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("g.zip");
        java.nio.file.Files.writeString(file, "not a zip");
        var g = assertThrows(java.io.IOException.class, () -> Generator.load(file));
        assertTrue(g.getMessage().startsWith(file + ": not a saved generator"), g.getMessage());
        var d = assertThrows(java.io.IOException.class, () -> Discriminator.load(file));
        assertTrue(d.getMessage().startsWith(file + ": not a saved discriminator"), d.getMessage());
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RmsPropMomentum(0.1, 1.0, 0.99, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new RmsPropMomentum(0, 0.6, 0.99, 1e-8));
    }
}
