package gcl.c2fpl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalMagnitudesTest {
    /** Magnitudes 1, 2, 3, 4 of rows 0–3 (row 4 is not normal): Γ = 2.5, Σ = 1.25. */
    @Test
    void fitOnTheNormalRowsOnly() {
        NormalMagnitudes n = NormalMagnitudes.fit(new double[] {1, 2, 3, 4, 100}, new int[] {0, 1, 2, 3});
        assertEquals(2.5, n.mean(), 1e-12);
        assertEquals(1.25, n.variance(), 1e-12);
        assertEquals(4, n.segments());
    }

    /** Γ = 0, Σ = 1: p(0) = 1, p(±1.959964) = 0.05, p(±1) = 0.3173105, p(3) = 0.0026998. */
    @Test
    void twoSidedPValuesByHand() {
        NormalMagnitudes n = new NormalMagnitudes(0, 1, 10);
        double[] p = n.pValues(new double[] {0, 1.959964, -1.959964, 1, -1, 3});
        assertArrayEquals(new double[] {1, 0.05, 0.05, 0.3173105, 0.3173105, 0.0026998}, p, 1e-6);
        NormalMagnitudes shifted = new NormalMagnitudes(10, 4, 10);
        assertEquals(0.3173105, shifted.pValues(new double[] {12})[0], 1e-6, "one σ = 2 above Γ = 10");
    }

    @Test
    void aNormalModelWithoutSpreadIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NormalMagnitudes.fit(new double[] {3, 3, 3}, new int[] {0, 1, 2}));
        assertEquals("every segment of the pseudo-normal videos has the same feature magnitude (3.0): the fine stage's"
                + " Gaussian has no spread to test against", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NormalMagnitudes.fit(new double[] {3}, new int[] {0}));
    }
}
