package gcl.c2fpl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.data.FeatureSet;
import org.junit.jupiter.api.Test;

class FeatureMagnitudeTest {
    /** Video a: rows (3, 4) and (0, 0), magnitudes 5 and 0: μ = 2.5, σ = 2.5. Video b: (1, 0): μ = 1, σ = 0. */
    @Test
    void normsAndVideoStatisticsByHand() {
        FeatureSet set = Sets.of(new float[][][] {{{3, 4}, {0, 0}}, {{1, 0}}, {}});
        double[] norms = FeatureMagnitude.norms(set);
        assertArrayEquals(new double[] {5, 0, 1}, norms, 1e-6);
        double[][] x = FeatureMagnitude.videoStatistics(set, norms);
        assertArrayEquals(new double[] {2.5, 2.5}, x[0], 1e-6);
        assertArrayEquals(new double[] {1, 0}, x[1], 1e-6);
        assertTrue(Double.isNaN(x[2][0]) && Double.isNaN(x[2][1]), "a video without segments has no statistics");
    }

    @Test
    void magnitudesMustMatchTheSet() {
        FeatureSet set = Sets.of(new float[][][] {{{3, 4}}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureMagnitude.videoStatistics(set, new double[] {1, 2}));
        assertEquals("2 magnitudes for 1 segments", e.getMessage());
    }
}
