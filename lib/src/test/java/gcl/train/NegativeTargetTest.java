package gcl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NegativeTargetTest {
    private static final INDArray BATCH = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}, {5, 6}});
    /** D labels the middle sample anomalous. */
    private static final INDArray LABELS = Nd4j.createFromArray(new float[] {0, 1, 0});

    /** Eq. (6): t = f for l_D = 0, t = 1 for l_D = 1. */
    @Test
    void onesReplaceTheAnomalousTarget() {
        PseudoTargets t = NegativeTarget.ONES.targets(BATCH, LABELS, new Random(1));
        assertArrayEquals(new float[] {1, 2, 1, 1, 5, 6}, t.targets().reshape(6).toFloatVector());
        assertNull(t.mask());
        assertArrayEquals(new float[] {3, 4}, BATCH.getRow(1).toFloatVector(), "the batch is not changed");
    }

    /** Centred features: the anomalous row's target is 1 − c, the paper's 1 in the features' own coordinates. */
    @Test
    void onesMoveWithCentredFeatures() {
        INDArray offsets = Nd4j.createFromArray(new float[][] {{0.5f, 0.5f}, {0.25f, 2}, {0, 0}});
        PseudoTargets t = NegativeTarget.ONES.targets(BATCH, LABELS, offsets, new Random(1));
        assertArrayEquals(new float[] {1, 2, 0.75f, -1, 5, 6}, t.targets().reshape(6).toFloatVector());
    }

    @Test
    void randomNormalTakesAnotherNormalSampleOfTheBatch() {
        PseudoTargets t = NegativeTarget.RANDOM_NORMAL.targets(BATCH, LABELS, new Random(1));
        float[] row = t.targets().getRow(1).toFloatVector();
        assertTrue(Arrays.equals(row, new float[] {1, 2}) || Arrays.equals(row, new float[] {5, 6}));
        assertArrayEquals(new float[] {1, 2}, t.targets().getRow(0).toFloatVector());
    }

    @Test
    void gaussianPerturbsOnlyTheAnomalousSampleAndIsSeeded() {
        PseudoTargets a = NegativeTarget.gaussian(6.0).targets(BATCH, LABELS, new Random(5));
        PseudoTargets b = NegativeTarget.gaussian(6.0).targets(BATCH, LABELS, new Random(5));
        assertEquals(a.targets(), b.targets());
        assertArrayEquals(new float[] {1, 2}, a.targets().getRow(0).toFloatVector());
        assertTrue(a.targets().getRow(1).distance2(BATCH.getRow(1)) > 0);
    }

    @Test
    void noneTrainsOnNormalSamplesOnly() {
        PseudoTargets t = NegativeTarget.NONE.targets(BATCH, LABELS, new Random(1));
        assertEquals(BATCH, t.targets());
        assertArrayEquals(new float[] {1, 0, 1}, t.mask().toFloatVector());
        assertEquals(2, t.trainedSamples());
    }

    @Test
    void targetsParseAndPrint() {
        assertEquals(NegativeTarget.gaussian(1.5), NegativeTarget.parse("gaussian:1.5"));
        assertEquals("gaussian:6", NegativeTarget.parse("gaussian:6.0").id());
        assertEquals(NegativeTarget.RANDOM_NORMAL, NegativeTarget.parse("random_normal"));
        assertThrows(IllegalArgumentException.class, () -> NegativeTarget.parse("zeros"));
        assertThrows(IllegalArgumentException.class, () -> NegativeTarget.parse("gaussian:-1"));
    }
}
