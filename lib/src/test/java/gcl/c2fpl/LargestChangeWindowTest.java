package gcl.c2fpl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LargestChangeWindowTest {
    @Test
    void windowLength() {
        assertEquals(9, LargestChangeWindow.length(100, 0.09));
        assertEquals(2, LargestChangeWindow.length(10, 0.09), "⌊0.9⌋ = 0, raised to two segments");
        assertEquals(1, LargestChangeWindow.length(1, 0.09), "at most the video");
        assertEquals(20, LargestChangeWindow.length(20, 1.0));
        assertThrows(IllegalArgumentException.class, () -> LargestChangeWindow.length(10, 0));
        assertThrows(IllegalArgumentException.class, () -> LargestChangeWindow.length(0, 0.1));
    }

    /**
     * p = 0.5 0.5 0.5 | 0.9 0.1 0.9 0.1 | 0.5 0.5, w = 4. The planted window s = 3 changes by
     * 0.8 + 0.8 + 0.8 = 2.4; its neighbours s = 2 and s = 4 by 0.4 + 0.8 + 0.8 = 2.0.
     */
    @Test
    void thePlantedWindowHasTheLargestChange() {
        double[] p = {0.5, 0.5, 0.5, 0.9, 0.1, 0.9, 0.1, 0.5, 0.5};
        assertEquals(2.4, LargestChangeWindow.change(p, 3, 4), 1e-12);
        assertEquals(2.0, LargestChangeWindow.change(p, 2, 4), 1e-12);
        assertEquals(2.0, LargestChangeWindow.change(p, 4, 4), 1e-12);
        assertEquals(3, LargestChangeWindow.start(p, 4));
    }

    @Test
    void aTieGoesToTheEarliestWindow() {
        assertEquals(0, LargestChangeWindow.start(new double[] {0.3, 0.3, 0.3, 0.3, 0.3}, 2));
        // one step from 1 to 0: every window of three that holds it changes by 1
        assertEquals(1, LargestChangeWindow.start(new double[] {1, 1, 1, 0, 0, 0}, 3));
    }

    /**
     * An event whose p-values all sit at 0 and is longer than the window: nothing changes inside it, so the
     * windows that hold its arrival (s = 1, 2) tie with a change of 1 and the earliest wins, covering one
     * segment of the event.
     */
    @Test
    void aSaturatedEventLongerThanTheWindowIsFoundByItsArrival() {
        assertEquals(1, LargestChangeWindow.start(new double[] {1, 1, 1, 0, 0, 0, 0, 1, 1}, 3));
        assertEquals(2, LargestChangeWindow.start(new double[] {1, 1, 1, 0, 0, 0, 0, 1, 1}, 6), "a window of six holds both edges");
    }

    @Test
    void aWindowLongerThanTheVideoIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LargestChangeWindow.start(new double[] {1, 2}, 3));
    }
}
