package gcl.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.video.Segment;
import gcl.video.TestVideos;
import gcl.video.VideoFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntBinaryOperator;
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
        var table = e.describe(moving);
        assertEquals(8, table.rowCount());
        assertEquals("flow speed", table.stringColumn("part").get(7));
        assertTrue(table.doubleColumn("max").get(7) > 0);
    }

    /** A frame of flat grey levels, given per pixel by {@code level(x, y)}. */
    static VideoFrame grey(int width, int height, IntBinaryOperator level) {
        byte[] bgr = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                byte v = (byte) level.applyAsInt(x, y);
                int i = 3 * (y * width + x);
                bgr[i] = bgr[i + 1] = bgr[i + 2] = v;
            }
        }
        return new VideoFrame(width, height, bgr);
    }

    private static Segment segmentOf(VideoFrame... frames) {
        return new Segment(0, 0, List.of(frames), frames.length);
    }

    /** The entries of a part (d = 32: one cell, so one entry per channel). */
    private static float[] values(DefaultExtractor e, float[] v, String name) {
        DefaultExtractor.Part p = part(e, name);
        return Arrays.copyOfRange(v, p.from(), p.to());
    }

    @Test
    void aStillVerticalEdgeHasItsGradientInBinZeroAndHalfOfItsColourSpread() {
        // 8x8, one cell: black left half, white right half, twice. Sobel (grey in [0, 1], replicated
        // border) gives gx = 4 in the two columns beside the edge, gy = 0: direction 0°, bin 0.
        VideoFrame edge = grey(8, 8, (x, y) -> x < 4 ? 0 : 255);
        DefaultExtractor e = new DefaultExtractor(32, 8, 8);
        float[] v = e.extract(segmentOf(edge, edge));
        float[] gradient = values(e, v, "gradient orientation");
        assertEquals(2 * 8 * 4 / 64.0, gradient[0], 1e-6, "16 of 64 pixels with magnitude 4");
        for (int b = 1; b < 8; b++) {
            assertEquals(0, gradient[b], 1e-6, "bin " + b);
        }
        assertEquals(16 / 64.0, values(e, v, "edge density")[0], 1e-6);
        for (int ch = 0; ch < 3; ch++) {
            assertEquals(0.5, values(e, v, "colour mean")[ch], 1e-6);
            assertEquals(0.5, values(e, v, "colour spread")[ch], 1e-6, "sqrt(E[c^2] - E[c]^2) = sqrt(0.5 - 0.25)");
        }
        assertEquals(0, values(e, v, "temporal variation")[0], 1e-6);
        assertArrayEquals(new float[3], values(e, v, "frame difference"), 1e-6f);
        assertArrayEquals(new float[8], values(e, v, "flow direction"), 1e-6f);
        assertArrayEquals(new float[5], values(e, v, "flow speed"), 1e-6f);
    }

    @Test
    void aHorizontalEdgeFacingDownIsInTheBinUpTo90Degrees() {
        // dark above, bright below: gradient (0, +4), 90 degrees, which bin 1 (45, 90] holds
        DefaultExtractor e = new DefaultExtractor(32, 8, 8);
        VideoFrame edge = grey(8, 8, (x, y) -> y < 4 ? 0 : 255);
        float[] gradient = values(e, e.extract(segmentOf(edge)), "gradient orientation");
        assertEquals(1.0, gradient[1], 1e-6);
        assertEquals(0, gradient[0] + gradient[2] + gradient[3] + gradient[4] + gradient[5] + gradient[6] + gradient[7], 1e-6);
    }

    @Test
    void flatFramesThatBrightenGiveTheFrameDifferenceAndTemporalVariationByHand() {
        // grey 0, 51, 51 (0, 0.2, 0.2): differences 0.2 and 0; one of two pairs changed everywhere
        DefaultExtractor e = new DefaultExtractor(32, 8, 8);
        float[] v = e.extract(segmentOf(grey(8, 8, (x, y) -> 0), grey(8, 8, (x, y) -> 51), grey(8, 8, (x, y) -> 51)));
        float[] difference = values(e, v, "frame difference");
        assertEquals(0.1, difference[0], 1e-6, "mean |I(t) - I(t-1)|");
        assertEquals(0.5, difference[1], 1e-6, "changed share");
        assertEquals(0.2, difference[2], 1e-6, "peak");
        double mean = 0.4 / 3;
        double std = Math.sqrt(0.08 / 3 - mean * mean);
        assertEquals(std, values(e, v, "temporal variation")[0], 1e-6);
        assertArrayEquals(new float[8], values(e, v, "gradient orientation"), 1e-6f, "flat frames have no gradient");
        assertArrayEquals(new float[5], values(e, v, "flow speed"), 1e-6f, "nor any texture to move");
    }

    @Test
    void aPatternMovingRightTwoPixelsAFrameFlowsAtAboutThatSpeedInBinZero() {
        // a smooth grating (periods 32 and 24 px) shifted right by 2 working-size px per frame
        int w = 64;
        int h = 48;
        List<VideoFrame> frames = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int shift = 2 * t;
            frames.add(grey(w, h, (x, y) -> (int) Math.round(128 + 60 * Math.sin(2 * Math.PI * (x - shift) / 32.0)
                    * Math.cos(2 * Math.PI * y / 24.0))));
        }
        DefaultExtractor e = new DefaultExtractor(32, w, h);
        float[] v = e.extract(new Segment(0, 0, frames, 4));
        float[] direction = values(e, v, "flow direction");
        float[] speed = values(e, v, "flow speed");
        double total = 0;
        for (float d : direction) {
            total += d;
        }
        assertEquals(speed[0], total, 1e-4, "the histogram splits the mean speed by direction");
        assertTrue((direction[0] + direction[7]) / total > 0.9, "rightwards is 0 degrees: " + Arrays.toString(direction));
        assertEquals(2.0, speed[0], 0.3, "mean speed in px/frame");
        assertTrue(speed[3] < 0.1 * speed[0], "constant speed varies little over time: " + speed[3]);
        assertTrue(speed[4] < 0.1 * speed[0], "and hardly accelerates: " + speed[4]);
    }

    @Test
    void appearanceComesFromEveryFourthFrameAndMotionFromEveryFrame() {
        // 8 frames: 0 and 4 black, the others white. Appearance sees frames 0 and 4 only (black);
        // of the 7 frame pairs, 0-1, 3-4 and 4-5 change by the whole range, the other four not at all.
        List<VideoFrame> frames = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int level = t % 4 == 0 ? 0 : 255;
            frames.add(grey(8, 8, (x, y) -> level));
        }
        Segment s = new Segment(0, 0, frames, 8);
        DefaultExtractor e = new DefaultExtractor(32, 8, 8);
        float[] v = e.extract(s);
        assertEquals(4, DefaultExtractor.APPEARANCE_STRIDE);
        assertArrayEquals(new float[3], values(e, v, "colour mean"), 1e-6f, "frames 0 and 4 are black");
        float[] difference = values(e, v, "frame difference");
        assertEquals(3 / 7.0, difference[0], 1e-6, "pairs 0-1, 3-4, 4-5 change by 1");
        assertEquals(3 / 7.0, difference[1], 1e-6);
        double mean = 6 / 8.0;
        assertEquals(Math.sqrt(mean - mean * mean), values(e, v, "temporal variation")[0], 1e-6, "grey 0 or 1 over all 8 frames");
        float[] everyFrame = new DefaultExtractor(32, 8, 8, 1).extract(s);
        assertArrayEquals(new float[] {0.75f, 0.75f, 0.75f}, values(e, everyFrame, "colour mean"), 1e-6f, "stride 1: all 8 frames");
        assertArrayEquals(difference, values(e, everyFrame, "frame difference"), "motion does not depend on the stride");
        assertThrows(IllegalArgumentException.class, () -> new DefaultExtractor(32, 8, 8, 0));
    }

    @Test
    void aPixelHasChangedWhenItsGreyLevelMovesByMoreThan15Of255() {
        // 8x8 one cell; left half +15 levels (not changed), right half +16 levels (changed)
        VideoFrame before = grey(8, 8, (x, y) -> 100);
        VideoFrame after = grey(8, 8, (x, y) -> x < 4 ? 115 : 116);
        DefaultExtractor e = new DefaultExtractor(32, 8, 8);
        float[] difference = values(e, e.extract(segmentOf(before, after)), "frame difference");
        assertEquals((15.5 / 255), difference[0], 1e-6, "mean |I(t) - I(t-1)|");
        assertEquals(0.5, difference[1], 1e-6, "changed share: only the +16 half");
        assertEquals((15.5 / 255), difference[2], 1e-6, "peak over the one pair");
    }

    @Test
    void framesLargerThanTheWorkingSizeAreScaledFirst() {
        Segment big = new Segment(0, 0, List.of(TestVideos.frame(3, 320, 240), TestVideos.frame(4, 320, 240)), 2);
        DefaultExtractor e = new DefaultExtractor(512);
        float[] v = e.extract(big);
        assertEquals(512, v.length);
        assertTrue(sum(v, part(e, "gradient orientation")) > 0.1);
        assertArrayEquals(v, e.extract(big), "and the same again");
    }

    @Test
    void dimensionNotAMultipleOf32IsZeroPadded() {
        DefaultExtractor e = new DefaultExtractor(100);
        assertEquals(3, e.cells());
        assertEquals(DefaultExtractor.CHANNELS * 3, part(e, "padding").from());
        float[] v = e.extract(segment(0, true));
        assertEquals(100, v.length);
        for (int i = 96; i < 100; i++) {
            assertEquals(0f, v[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> new DefaultExtractor(16));
    }
}
