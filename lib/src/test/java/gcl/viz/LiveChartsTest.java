package gcl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

class LiveChartsTest {
    /** Segments 1–2 in alert, 0.5 s each: one box from 0.5 to 1.5 s. */
    @Test
    void alertRunsAreShadedSegmentBySegment() {
        double[][] box = LiveCharts.boxes(new double[] {0, 0.5, 1.0, 1.5}, new boolean[] {false, true, true, false}, 0.5, 0, 1);
        assertArrayEquals(new double[] {0.5, 0.5, 1.5, 1.5}, box[0], 1e-12);
        assertArrayEquals(new double[] {0, 1, 1, 0}, box[1], 1e-12);
        assertNull(LiveCharts.boxes(new double[] {0}, new boolean[] {false}, 0.5, 0, 1));
    }

    /** The chart draws before the first segment (thresholds only) and with scores, alerts and infinite thresholds. */
    @Test
    void drawsEmptyAndFull() {
        XYChart empty = LiveCharts.scores("live", new double[0], new double[0], new double[0], new boolean[0], 0.64, 0.9, 0.7);
        assertTrue(BitmapEncoder.getBufferedImage(empty).getWidth() > 0);
        XYChart full = LiveCharts.scores("live", new double[] {0, 0.64, 1.28}, new double[] {0.1, 0.95, 0.2},
                new double[] {0.1, 0.5, 0.4}, new boolean[] {false, true, false}, 0.64, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY);
        assertTrue(full.getSeriesMap().containsKey(LiveCharts.ALERT));
        assertTrue(BitmapEncoder.getBufferedImage(full).getWidth() > 0);
        assertThrows(IllegalArgumentException.class, () -> LiveCharts.scores("bad", new double[2], new double[1], new double[2],
                new boolean[2], 0.64, 1, 0));
    }
}
