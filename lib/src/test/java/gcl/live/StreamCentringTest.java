package gcl.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gcl.clean.VideoCentring;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class StreamCentringTest {
    /** Hand-computed: medians of [1], [1, 5], [1, 5, 2] are 1, 3, 2. */
    @Test
    void eachSegmentMinusTheMedianSoFar() {
        StreamCentring c = new StreamCentring(1);
        assertArrayEquals(new float[] {0f}, c.centre(new float[] {1f}));
        assertArrayEquals(new float[] {2f}, c.centre(new float[] {5f}));
        assertArrayEquals(new float[] {0f}, c.centre(new float[] {2f}));
        assertEquals(3, c.seen());
    }

    /** Segment by segment, the same numbers as VideoCentring.STREAMING on the whole video (ties included). */
    @Test
    void equalsTheOfflineStreamingCentring() {
        Random rng = new Random(3);
        int t = 57;
        int d = 9;
        float[][] x = new float[t][d];
        for (float[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = rng.nextInt(5) == 0 ? 1.5f : (float) rng.nextGaussian();
            }
        }
        float[][] offline = VideoCentring.STREAMING.apply(Nd4j.create(x)).toFloatMatrix();
        StreamCentring c = new StreamCentring(d);
        for (int i = 0; i < t; i++) {
            assertArrayEquals(offline[i], c.centre(x[i]), 0f, "segment " + i);
        }
    }

    /** Past the window, the median of the last `window` segments only. */
    @Test
    void theWindowKeepsTheLastSegments() {
        Random rng = new Random(5);
        int window = 7;
        int d = 4;
        StreamCentring c = new StreamCentring(d, window);
        float[][] x = new float[40][d];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < d; k++) {
                x[i][k] = (float) rng.nextGaussian() + i * 0.1f;
            }
            float[] got = c.centre(x[i]);
            float[] median = VideoCentring.median(Arrays.copyOfRange(x, Math.max(0, i - window + 1), i + 1));
            for (int k = 0; k < d; k++) {
                assertEquals(x[i][k] - median[k], got[k], 0f, "segment " + i + " dimension " + k);
            }
        }
        assertEquals(window, c.inWindow());
    }

    @Test
    void refusesAFeatureOfAnotherDimension() {
        assertThrows(IllegalArgumentException.class, () -> new StreamCentring(3).centre(new float[4]));
    }
}
