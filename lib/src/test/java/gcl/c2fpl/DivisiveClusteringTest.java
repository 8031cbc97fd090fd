package gcl.c2fpl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Profile;
import gcl.Seeds;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DivisiveClusteringTest {
    private static final C2fplConfig CONFIG = C2fplConfig.forProfile(Profile.QUICK);

    /**
     * Statistics (μ, σ) of {@code normal} videos around (5, 0.3) followed by {@code anomalous} ones around
     * (9, 1.5): two well-separated populations.
     */
    static double[][] populations(int normal, int anomalous, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[normal + anomalous][];
        for (int i = 0; i < x.length; i++) {
            boolean a = i >= normal;
            x[i] = new double[] {(a ? 9 : 5) + 0.2 * rng.nextGaussian(), (a ? 1.5 : 0.3) + 0.05 * rng.nextGaussian()};
        }
        return x;
    }

    static boolean[] firstNormal(int normal, int anomalous) {
        boolean[] truth = new boolean[normal + anomalous];
        Arrays.fill(truth, normal, truth.length, true);
        return truth;
    }

    /** Equal populations and η = 1: one split moves exactly the anomalous videos, and the ratio is reached. */
    @Test
    void twoWellSeparatedPopulationsAreSeparatedByOneSplit() {
        CoarseLabels c = DivisiveClustering.cluster(populations(20, 20, 1), CONFIG, new Seeds(1));
        assertArrayEquals(firstNormal(20, 20), c.anomalous());
        assertEquals(1, c.splits().size());
        assertEquals(20, c.splits().get(0).moved());
        assertEquals(1, c.movedAt()[39]);
        assertEquals(0, c.movedAt()[0]);
    }

    /**
     * 10 anomalous of 40: the first split moves exactly them (the larger magnitudes). With η = 0.3 the ratio
     * 10 / 30 is reached and splitting stops; with η = 1 it goes on into the normal videos until
     * |C_1| ≥ |C_0|.
     */
    @Test
    void etaDecidesWhenSplittingStops() {
        double[][] x = populations(30, 10, 2);
        CoarseLabels few = DivisiveClustering.cluster(x, CONFIG.with("eta", 0.3), new Seeds(1));
        assertArrayEquals(firstNormal(30, 10), few.anomalous());
        assertEquals(1, few.splits().size());
        CoarseLabels half = DivisiveClustering.cluster(x, CONFIG.with("eta", 1.0), new Seeds(1));
        assertTrue(half.splits().size() >= 2, "splits: " + half.splits());
        for (int i = 30; i < 40; i++) {
            assertEquals(1, half.movedAt()[i], "the anomalous videos go at the first split");
        }
        int anomalous = half.anomalousCount();
        assertTrue(anomalous >= 40 - anomalous, anomalous + " of 40 anomalous");
        CoarseLabels.Split last = half.splits().get(half.splits().size() - 1);
        assertTrue(last.anomalousAfter() - last.moved() < last.normalBefore(), "before the last split the ratio was below η");
    }

    /** 30 videos of large magnitude and 10 of small: the rules disagree on which cluster is anomalous. */
    @Test
    void theAnomalousClusterRule() {
        double[][] x = populations(10, 30, 3); // the first 10 have the smaller magnitudes
        CoarseLabels higher = DivisiveClustering.cluster(x, CONFIG.with("eta", 0.2), new Seeds(1));
        assertArrayEquals(firstNormal(10, 30), higher.anomalous());
        CoarseLabels smaller = DivisiveClustering.cluster(x, CONFIG.with("eta", 0.2).with("anomalousCluster", "smaller"),
                new Seeds(1));
        boolean[] lowOnes = new boolean[40];
        Arrays.fill(lowOnes, 0, 10, true);
        assertArrayEquals(lowOnes, smaller.anomalous());
        assertEquals(0, DivisiveClustering.anomalousComponent(AnomalousCluster.SMALLER, new int[] {5, 5},
                new double[][] {{3, 0}, {2, 0}}), "a tie goes to the larger magnitude");
    }

    @Test
    void videosThatDoNotDivideStopTheSplitting() {
        double[][] same = new double[6][];
        for (int i = 0; i < same.length; i++) {
            same[i] = new double[] {4, 1};
        }
        CoarseLabels c = DivisiveClustering.cluster(same, CONFIG, new Seeds(1));
        assertEquals(0, c.anomalousCount());
        assertEquals(0, c.splits().size());
    }

    @Test
    void videosWithoutSegmentsTakeNoPart() {
        double[][] x = populations(5, 5, 4);
        double[][] withEmpty = new double[11][];
        System.arraycopy(x, 0, withEmpty, 0, 10);
        withEmpty[10] = new double[] {Double.NaN, Double.NaN};
        CoarseLabels c = DivisiveClustering.cluster(withEmpty, CONFIG, new Seeds(1));
        assertEquals(false, c.isAnomalous(10));
        assertEquals(5, c.anomalousCount());
    }

    @Test
    void sameSeedSameLabels() {
        double[][] x = populations(25, 15, 5);
        CoarseLabels a = DivisiveClustering.cluster(x, CONFIG, new Seeds(9));
        CoarseLabels b = DivisiveClustering.cluster(x, CONFIG, new Seeds(9));
        assertArrayEquals(a.anomalous(), b.anomalous());
        assertArrayEquals(a.movedAt(), b.movedAt());
    }

    @Test
    void badInputIsRefused() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> DivisiveClustering.cluster(new double[][] {{1, 0}, {Double.NaN, Double.NaN}}, CONFIG, new Seeds(1)));
        assertEquals("the coarse stage needs at least two videos with segments to cluster, got 1", one.getMessage());
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
                () -> DivisiveClustering.cluster(new double[][] {{1, 0}, {Double.POSITIVE_INFINITY, 0}}, CONFIG, new Seeds(1)));
        assertTrue(inf.getMessage().startsWith("video 1: magnitude statistics"), inf.getMessage());
    }
}
