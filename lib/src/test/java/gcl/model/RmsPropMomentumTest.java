package gcl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RmsPropMomentumTest {
    /**
     * Two steps by hand (lr 0.1, momentum 0.5, alpha 0.9) from θ = 0:
     * g1 = [1, -2]:  v = [0.1, 0.4], b = g/√v = [3.1623, -3.1623], θ = −lr·b = [−0.31623, 0.31623];
     * g2 = [0.5, 1]: v = [0.115, 0.46], b = 0.5·b + g/√v = [3.05556, -0.10672], θ −= lr·b.
     */
    @Test
    void twoStepsMatchPyTorchsFormula() {
        RmsPropMomentum rms = new RmsPropMomentum(0.1, 0.5, 0.9, 1e-8);
        INDArray theta = Nd4j.create(DataType.FLOAT, 2);
        INDArray v = Nd4j.create(DataType.FLOAT, 2);
        INDArray b = Nd4j.create(DataType.FLOAT, 2);
        INDArray scratch = Nd4j.create(DataType.FLOAT, 2);
        INDArray g1 = Nd4j.createFromArray(1f, -2f);
        rms.step(theta, g1, v, b, scratch);
        assertArrayEquals(new float[] {-0.316227756f, 0.316227761f}, theta.toFloatVector(), 1e-6f);
        assertArrayEquals(new float[] {1f, -2f}, g1.toFloatVector(), 0f); // the gradient is left alone
        rms.step(theta, Nd4j.createFromArray(0.5f, 1f), v, b, scratch);
        assertArrayEquals(new float[] {0.115f, 0.46f}, v.toFloatVector(), 1e-7f);
        assertArrayEquals(new float[] {3.05555830f, -0.10671927f}, b.toFloatVector(), 1e-5f);
        assertArrayEquals(new float[] {-0.316227756f - 0.305555830f, 0.316227761f + 0.010671927f}, theta.toFloatVector(), 1e-6f);
    }

    /**
     * The first step moves each weight by lr/√(1−α) against its gradient (v starts at 0). That holds
     * where |gradient| ≫ ε/√(1−α); ε is 10⁻¹² here so that a weight with a small gradient (10⁻⁴ and
     * more) still moves by the full step, and the input is seeded so the test always sees the same one.
     */
    @Test
    void firstStepInANetworkHasTheExpectedSize() {
        double lr = 0.001;
        Generator g = Generator.create(4, List.of(3), Activation.TANH, Generator.GeneratorLoss.L2_NORM,
                new RmsPropMomentum(lr, 0.6, 0.99, 1e-12), 7);
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 4);
        INDArray before = g.params();
        g.fit(x, x);
        INDArray delta = g.params().sub(before);
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

    /** Two steps of a small G and D against PyTorch's (golden/rmsprop_step.json, made by rmsprop_step.py). */
    @Test
    void twoStepsMatchPyTorch() throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/rmsprop_step.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        JsonNode o = golden.get("optimiser");
        RmsPropMomentum rms = new RmsPropMomentum(o.get("lr").asDouble(), o.get("momentum").asDouble(),
                o.get("alpha").asDouble(), o.get("eps").asDouble());
        INDArray x = matrix(golden.get("x"));

        JsonNode gj = golden.get("generator");
        Generator g = Generator.create(5, List.of(4, 3, 4), Activation.RELU, Generator.GeneratorLoss.L2_NORM, rms, 1);
        g.paramsView().assign(vector(gj.get("params0")));
        INDArray t = matrix(gj.get("targets"));
        for (JsonNode step : gj.get("steps")) {
            assertEquals(step.get("loss").asDouble(), g.fit(x, t), 1e-6);
            assertArrayEquals(vector(step.get("params")).toFloatVector(), g.params().toFloatVector(), 2e-6f);
        }

        JsonNode dj = golden.get("discriminator");
        Discriminator d = Discriminator.create(5, List.of(4, 3), Activation.RELU, rms, 1);
        d.paramsView().assign(vector(dj.get("params0")));
        INDArray y = vector(dj.get("labels"));
        for (JsonNode step : dj.get("steps")) {
            assertEquals(step.get("loss").asDouble(), d.fit(x, y), 1e-6);
            assertArrayEquals(vector(step.get("params")).toFloatVector(), d.params().toFloatVector(), 2e-6f);
        }
    }

    private static INDArray vector(JsonNode a) {
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) a.get(i).asDouble();
        }
        return Nd4j.createFromArray(v);
    }

    private static INDArray matrix(JsonNode a) {
        float[][] m = new float[a.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(a.get(i)).toFloatVector();
        }
        return Nd4j.createFromArray(m);
    }

    @Test
    void savedNetworksKeepTheOptimiserState(@TempDir Path dir) throws Exception {
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 4);
        INDArray y = Nd4j.rand(DataType.FLOAT, 6).gt(0.5).castTo(DataType.FLOAT);
        Discriminator a = Discriminator.create(4, List.of(5), Activation.RELU, new RmsPropMomentum(0.01, 0.6, 0.99, 1e-8), 3);
        a.fit(x, y);
        Path file = dir.resolve("d.net");
        a.save(file);
        Discriminator b = Discriminator.load(file);
        assertEquals(a.params(), b.params());
        a.fit(x, y);
        b.fit(x, y);
        assertEquals(a.params(), b.params());
        assertArrayEquals(new int[] {4, 5, 1}, b.layerSizes());
        assertEquals(2, b.steps());

        Generator g = Generator.create(4, List.of(3), Activation.TANH, Generator.GeneratorLoss.MSE, new RmsPropMomentum(), 5);
        g.fit(x, x);
        g.save(dir.resolve("g.net"));
        Generator h = Generator.load(dir.resolve("g.net"));
        assertEquals(Generator.GeneratorLoss.MSE, h.loss());
        assertEquals(Activation.TANH, h.hiddenActivation());
        assertEquals(g.fit(x, x), h.fit(x, x), 0);
        assertEquals(g.params(), h.params());
    }

    @Test
    void aBrokenModelFileIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("g.net");
        Files.writeString(file, "not a network");
        var g = assertThrows(IOException.class, () -> Generator.load(file));
        assertTrue(g.getMessage().startsWith(file + ": not a saved generator"), g.getMessage());
        var d = assertThrows(IOException.class, () -> Discriminator.load(file));
        assertTrue(d.getMessage().startsWith(file + ": not a saved discriminator"), d.getMessage());

        Path saved = dir.resolve("d.net");
        Discriminator.create(4, List.of(5), Activation.RELU, new RmsPropMomentum(), 3).save(saved);
        var kind = assertThrows(IOException.class, () -> Generator.load(saved));
        assertTrue(kind.getMessage().contains("holds a discriminator"), kind.getMessage());
        byte[] bytes = Files.readAllBytes(saved);
        Path cut = dir.resolve("cut.net");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 10));
        var truncated = assertThrows(IOException.class, () -> Discriminator.load(cut));
        assertTrue(truncated.getMessage().startsWith(cut + ": not a saved discriminator (truncated"), truncated.getMessage());
        Path zip = dir.resolve("old.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0});
        var old = assertThrows(IOException.class, () -> Generator.load(zip));
        assertTrue(old.getMessage().contains("earlier version"), old.getMessage());
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RmsPropMomentum(0.1, 1.0, 0.99, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new RmsPropMomentum(0, 0.6, 0.99, 1e-8));
    }
}
