package gcl.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.video.Segment;
import gcl.video.TestVideos;
import gcl.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DefaultExtractorTest {
    /** 16 frames with a white square moving right (or standing still) on a grey that brightens. */
    static Segment segment(int start, boolean moving) {
        List<VideoFrame> frames = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            frames.add(TestVideos.frame(moving ? start + k : start, 160, 120));
        }
        return new Segment(0, 0, frames, 16);
    }

    private static double sum(float[] v, DefaultExtractor.Part part) {
        double s = 0;
        for (int i = part.from(); i < part.to(); i++) {
            s += v[i];
        }
        return s;
    }

    private static DefaultExtractor.Part part(DefaultExtractor e, String name) {
        return e.parts().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void defaultVectorHas2048NonNegativeFiniteEntriesOnAn8x8Grid() {
        DefaultExtractor e = new DefaultExtractor();
        float[] v = e.extract(segment(0, true));
        assertEquals(2048, v.length);
        assertEquals(2048, e.dimension());
        assertEquals(8, e.gridRows());
        assertEquals(8, e.gridColumns());
        for (float x : v) {
            assertTrue(Float.isFinite(x) && x >= 0, "entry " + x);
        }
        assertEquals(2048, e.parts().get(e.parts().size() - 1).to());
    }

    @Test
    void sameSegmentSameVectorAcrossCallsInstancesAndThreads() {
        Segment s = segment(3, true);
        float[] a = new DefaultExtractor().extract(s);
        DefaultExtractor shared = new DefaultExtractor();
        assertArrayEquals(a, shared.extract(s));
        List<float[]> parallel = IntStream.range(0, 4).parallel().mapToObj(i -> shared.extract(s)).toList();
        for (float[] v : parallel) {
            assertArrayEquals(a, v);
        }
    }

    @Test
    void motionPartsSeeMovementAndStaySilentOnAStillScene() {
        DefaultExtractor e = new DefaultExtractor(512);
        float[] still = e.extract(segment(5, false));
        float[] moving = e.extract(segment(5, true));
        assertEquals(0.0, sum(still, part(e, "flow speed")), 1e-6);
        assertEquals(0.0, sum(still, part(e, "frame difference")), 1e-6);
        assertTrue(sum(moving, part(e, "flow speed")) > 0.1);
        assertTrue(sum(moving, part(e, "frame difference")) > 0.1);
        assertTrue(sum(still, part(e, "gradient orientation")) > 0.1, "the square has edges");
    }

    @Test
    void dimensionNotAMultipleOf32IsZeroPadded() {
        DefaultExtractor e = new DefaultExtractor(100);
        assertEquals(3, e.cells());
        float[] v = e.extract(segment(0, true));
        assertEquals(100, v.length);
        for (int i = 96; i < 100; i++) {
            assertEquals(0f, v[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> new DefaultExtractor(16));
    }
}
