package gcl.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class PixelMapsTest {
    @Test
    void binsHoldDirectionsAboveTheirLowerEdgeUpToTheirUpperEdge() {
        assertEquals(0, PixelMaps.bin(0f));
        assertEquals(0, PixelMaps.bin(45f));
        assertEquals(1, PixelMaps.bin(Math.nextUp(45f)));
        assertEquals(1, PixelMaps.bin(90f));
        assertEquals(2, PixelMaps.bin(90.01f));
        assertEquals(6, PixelMaps.bin(315f));
        assertEquals(7, PixelMaps.bin(Math.nextUp(315f)));
        assertEquals(7, PixelMaps.bin(359.99f));
        assertEquals(7, PixelMaps.bin(360f));
    }

    @Test
    void theWholeMapBinsOfOpenCvAreTheSameAsTheRuleAtEveryEdgeAndBetween() {
        Random rng = new Random(7);
        float[] degrees = new float[4000];
        int i = 0;
        for (int k = 0; k <= 8; k++) {
            float edge = 45f * k;
            for (float d : new float[] {edge, Math.nextUp(edge), Math.nextDown(edge), edge + 1e-3f, edge - 1e-3f}) {
                degrees[i++] = Math.max(0f, Math.min(360f, d));
            }
        }
        while (i < degrees.length) {
            degrees[i++] = 360f * rng.nextFloat();
        }
        Mat map = new Mat(40, 100, org.bytedeco.opencv.global.opencv_core.CV_32F);
        ((FloatBuffer) map.createBuffer()).put(degrees);
        byte[] got = new PixelMaps.DirectionBins(40, 100).compute(map);
        for (int j = 0; j < degrees.length; j++) {
            assertEquals(PixelMaps.bin(degrees[j]), got[j], "direction " + degrees[j]);
        }
    }
}
