package gcl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class RocAucTest {
    /**
     * Positives score {0.4, 0.8}, negatives {0.1, 0.4}. Pairs: 0.4>0.1 (1), 0.4=0.4 (½), 0.8>both (2):
     * AUC = 3.5 / 4 = 0.875.
     */
    private static final double[] SCORES = {0.1, 0.4, 0.4, 0.8};
    private static final boolean[] LABELS = {false, true, false, true};

    @Test
    void tiesCountOneHalf() {
        assertEquals(0.875, RocAuc.auc(SCORES, LABELS), 1e-12);
        assertEquals(0.5, RocAuc.auc(new double[] {3, 3, 3, 3}, LABELS), 1e-12);
        assertEquals(1.0, RocAuc.auc(new double[] {0, 1, 0, 1}, LABELS), 1e-12);
        assertEquals(0.0, RocAuc.auc(new double[] {1, 0, 1, 0}, LABELS), 1e-12);
    }

    @Test
    void oneClassGivesNaNAndNaNScoresAreRejected() {
        assertEquals(Double.NaN, RocAuc.auc(new double[] {1, 2}, new boolean[] {true, true}));
        assertThrows(IllegalArgumentException.class, () -> RocAuc.auc(new double[] {Double.NaN, 1}, new boolean[] {true, false}));
        assertThrows(IllegalArgumentException.class, () -> RocAuc.auc(new double[] {1}, new boolean[] {true, false}));
    }

    /** Points at thresholds ∞, 0.8, 0.4, 0.1: (0,0), (0,½), (½,1), (1,1). */
    @Test
    void curvePointsAndTheirAreaMatchTheAuc() {
        Table c = RocAuc.curve(SCORES, LABELS);
        assertArrayEquals(new double[] {0, 0, 0.5, 1}, c.doubleColumn("fpr").asDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, c.doubleColumn("tpr").asDoubleArray(), 1e-12);
        assertEquals(RocAuc.auc(SCORES, LABELS), trapezoid(c), 1e-12);
    }

    /** Group 0.8: P = 1, ΔR = ½; group 0.4: P = 2/3, ΔR = ½: AP = 0.8333. */
    @Test
    void averagePrecisionByHand() {
        assertEquals(0.5 + 1.0 / 3, RocAuc.averagePrecision(SCORES, LABELS), 1e-12);
    }

    /** The rank formula agrees with counting pairs on random data full of ties. */
    @Test
    void agreesWithPairCountingOnRandomTies() {
        Random rng = new Random(3);
        double[] s = new double[300];
        boolean[] y = new boolean[300];
        for (int i = 0; i < s.length; i++) {
            s[i] = rng.nextInt(7);
            y[i] = rng.nextDouble() < 0.3 + 0.05 * s[i];
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (y[i] && !y[j]) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, RocAuc.auc(s, y), 1e-12);
        assertEquals(wins / pairs, trapezoid(RocAuc.curve(s, y)), 1e-12);
    }

    private static double trapezoid(Table c) {
        double[] x = c.doubleColumn("fpr").asDoubleArray();
        double[] t = c.doubleColumn("tpr").asDoubleArray();
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (t[i] + t[i - 1]) / 2;
        }
        return area;
    }
}
