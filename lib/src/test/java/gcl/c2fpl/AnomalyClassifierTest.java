package gcl.c2fpl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Profile;
import gcl.data.FeatureSet;
import gcl.eval.RocAuc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class AnomalyClassifierTest {
    private static final C2fplConfig SMALL = C2fplConfig.forProfile(Profile.QUICK)
            .with("hidden", List.of(16, 4)).with("batchSize", 32).with("epochs", 15);

    /** Two videos of 100 segments in d = 8: label 1 where the first coordinate is +1, 0 where it is −1 (plus noise). */
    static FeatureSet toy(float[] labels, long seed) {
        Random rng = new Random(seed);
        float[][][] v = new float[2][100][8];
        for (int i = 0; i < 200; i++) {
            labels[i] = rng.nextBoolean() ? 1 : 0;
            float[] row = v[i / 100][i % 100];
            for (int k = 0; k < 8; k++) {
                row[k] = (float) (0.3 * rng.nextGaussian());
            }
            row[0] += labels[i] == 1 ? 1 : -1;
        }
        return Sets.of(v);
    }

    static boolean[] truth(float[] labels) {
        boolean[] t = new boolean[labels.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = labels[i] == 1;
        }
        return t;
    }

    static double[] doubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void itLearnsASeparableToyProblem() {
        float[] labels = new float[200];
        FeatureSet set = toy(labels, 1);
        AnomalyClassifier c = AnomalyClassifier.create(8, SMALL);
        Table history = c.fit(set, labels, SMALL);
        assertEquals(15, history.rowCount());
        double first = history.doubleColumn("loss").get(0);
        double last = history.doubleColumn("loss").get(14);
        assertTrue(last < 0.8 * first, "loss " + first + " -> " + last);
        float[] s = c.scores(set.features());
        for (float x : s) {
            assertTrue(x >= 0 && x <= 1, "a probability: " + x);
        }
        assertTrue(RocAuc.auc(doubles(s), truth(labels)) > 0.99, "training AUC");
        float[] unseenLabels = new float[200];
        FeatureSet unseen = toy(unseenLabels, 2);
        assertTrue(RocAuc.auc(doubles(c.scores(unseen.features())), truth(unseenLabels)) > 0.99, "AUC on unseen rows");
    }

    @Test
    void sameSeedSameScoresOtherSeedOtherScores() {
        float[] labels = new float[200];
        FeatureSet set = toy(labels, 3);
        float[] a = trainedScores(set, labels, SMALL.withSeed(5));
        float[] b = trainedScores(set, labels, SMALL.withSeed(5));
        float[] c = trainedScores(set, labels, SMALL.withSeed(6));
        assertArrayEquals(a, b, 0f);
        assertFalse(Arrays.equals(a, c));
    }

    static float[] trainedScores(FeatureSet set, float[] labels, C2fplConfig config) {
        AnomalyClassifier c = AnomalyClassifier.create(set.dim(), config);
        c.fit(set, labels, config);
        return c.scores(set.features());
    }

    /** Dropout 0.6 after each hidden layer: DL4J's dropOut(p) keeps a unit with probability p, so the layers after a hidden one keep 0.4. */
    @Test
    void dropoutFollowsEachHiddenLayer() {
        AnomalyClassifier c = AnomalyClassifier.create(8, C2fplConfig.paper());
        var layers = c.network().getLayers();
        assertEquals(3, layers.length, "FC[d, 512, 32, 1]");
        assertEquals(512, c.network().layerSize(0));
        assertEquals(32, c.network().layerSize(1));
        assertNull(layers[0].conf().getLayer().getIDropout(), "no dropout on the input features");
        assertEquals(0.4, ((Dropout) layers[1].conf().getLayer().getIDropout()).getP(), 1e-12);
        assertEquals(0.4, ((Dropout) layers[2].conf().getLayer().getIDropout()).getP(), 1e-12);
    }

    /** The convention the translation rests on: DL4J's Dropout(0.4) zeroes about 60 % of the units and scales the rest by 1 / 0.4. */
    @Test
    void deeplearning4jDropoutKeepsWithProbabilityP() {
        Nd4j.getRandom().setSeed(1);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 1, 20000);
        INDArray out = new Dropout(0.4).applyDropout(ones, ones.ulike(), 0, 0, LayerWorkspaceMgr.noWorkspaces());
        double zeros = out.eq(0).castTo(DataType.FLOAT).meanNumber().doubleValue();
        assertEquals(0.6, zeros, 0.02);
        assertEquals(2.5, out.maxNumber().doubleValue(), 1e-5);
    }

    @Test
    void saveAndLoadGiveTheSameScores(@TempDir Path dir) throws Exception {
        float[] labels = new float[200];
        FeatureSet set = toy(labels, 4);
        AnomalyClassifier c = AnomalyClassifier.create(8, SMALL);
        c.fit(set, labels, SMALL.with("epochs", 2));
        Path file = dir.resolve("classifier.zip");
        c.save(file);
        assertTrue(Files.isRegularFile(file));
        assertArrayEquals(c.scores(set.features()), AnomalyClassifier.load(file).scores(set.features()), 0f);
    }

    @Test
    void badInputIsRefused() {
        float[] labels = new float[200];
        FeatureSet set = toy(labels, 5);
        AnomalyClassifier c = AnomalyClassifier.create(8, SMALL);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.fit(set, new float[3], SMALL));
        assertEquals("3 pseudo-labels for 200 segments", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.scores(Nd4j.zeros(DataType.FLOAT, 2, 5)));
        assertThrows(IllegalArgumentException.class, () -> AnomalyClassifier.create(0, SMALL));
    }
}
