package gcl.c2fpl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {
    /** 40 points around (0, 0) and 20 around (10, 5), spread 0.1 (their order mixed). */
    static double[][] twoBlobs(long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[60][];
        for (int i = 0; i < 60; i++) {
            boolean far = i % 3 == 2;
            x[i] = new double[] {(far ? 10 : 0) + 0.1 * rng.nextGaussian(), (far ? 5 : 0) + 0.1 * rng.nextGaussian()};
        }
        return x;
    }

    @Test
    void twoWellSeparatedBlobsAreTheTwoComponents() {
        double[][] x = twoBlobs(3);
        GaussianMixture g = GaussianMixture.fit(x, 2, 1, 150, new Random(1));
        int[] c = g.predict(x);
        int far = c[2];
        for (int i = 0; i < x.length; i++) {
            assertEquals(i % 3 == 2, c[i] == far, "point " + i);
        }
        assertEquals(1.0 / 3, g.weights()[far], 1e-9);
        assertArrayEquals(new double[] {10, 5}, g.means()[far], 0.1);
        assertArrayEquals(new double[] {0, 0}, g.means()[1 - far], 0.1);
        assertEquals(0.01, g.covariances()[far][0][0], 0.01, "variance of the far blob along x");
        assertTrue(g.converged());
    }

    /** log N(m; m, I) in two dimensions is −log 2π; one unit away along an axis, −log 2π − 1/2. */
    @Test
    void logDensityByHand() {
        double[][] identity = {{1, 0}, {0, 1}};
        assertEquals(-Math.log(2 * Math.PI), GaussianMixture.logDensity(new double[] {1, 2}, new double[] {1, 2}, identity), 1e-12);
        assertEquals(-Math.log(2 * Math.PI) - 0.5, GaussianMixture.logDensity(new double[] {2, 2}, new double[] {1, 2}, identity), 1e-12);
        // S = diag(4, 1): log|S| = log 4; a point 2 away along x is one standard deviation
        double[][] s = {{4, 0}, {0, 1}};
        assertEquals(-Math.log(2 * Math.PI) - 0.5 * Math.log(4) - 0.5,
                GaussianMixture.logDensity(new double[] {3, 0}, new double[] {1, 0}, s), 1e-12);
    }

    @Test
    void sameSeedSameFitAndMoreRestartsNeverFitWorse() {
        double[][] x = twoBlobs(5);
        GaussianMixture a = GaussianMixture.fit(x, 2, 3, 150, new Random(7));
        GaussianMixture b = GaussianMixture.fit(x, 2, 3, 150, new Random(7));
        assertArrayEquals(a.weights(), b.weights(), 0);
        assertEquals(a.logLikelihood(), b.logLikelihood(), 0);
        GaussianMixture one = GaussianMixture.fit(x, 2, 1, 150, new Random(7));
        assertTrue(a.logLikelihood() >= one.logLikelihood(), "the best of three restarts includes the first");
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GaussianMixture.fit(new double[0][], 2, 1, 10, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> GaussianMixture.fit(new double[][] {{1, 2}}, 2, 1, 10, new Random(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture.fit(new double[][] {{1, 2}, {Double.NaN, 0}}, 2, 1, 10, new Random(1)));
        assertEquals("point 1 holds NaN: a Gaussian mixture needs finite numbers", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GaussianMixture.fit(new double[][] {{1, 2}, {3}}, 2, 1, 10, new Random(1)));
    }
}
