package gcl.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmenterTest {
    private static List<VideoFrame> frames(int n) {
        List<VideoFrame> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(TestVideos.frame(k, 8, 8));
        }
        return out;
    }

    @Test
    void wholeSegmentsOnly() {
        Segmenter s = new Segmenter();
        List<Segment> segs = s.split(frames(48));
        assertEquals(3, segs.size());
        assertEquals(3, s.segmentCount(48));
        for (int j = 0; j < 3; j++) {
            assertEquals(j, segs.get(j).index());
            assertEquals(16 * j, segs.get(j).firstFrame());
            assertEquals(16, segs.get(j).size());
            assertFalse(segs.get(j).padded());
        }
        assertEquals(48, s.framesCovered(48));
    }

    @Test
    void partialLastSegmentIsPaddedWithItsLastFrame() {
        Segmenter s = new Segmenter(16, Segmenter.LastSegment.PAD);
        List<VideoFrame> in = frames(37);
        List<Segment> segs = s.split(in);
        assertEquals(3, segs.size());
        assertEquals(3, s.segmentCount(37));
        Segment last = segs.get(2);
        assertTrue(last.padded());
        assertEquals(5, last.realFrames());
        assertEquals(32, last.firstFrame());
        assertEquals(37, last.endFrame());
        assertEquals(16, last.size());
        for (int i = 5; i < 16; i++) {
            assertSame(in.get(36), last.frames().get(i));
        }
        assertEquals(37, s.framesCovered(37));
        boolean[] gt = new boolean[37];
        gt[36] = true;
        assertArrayEquals(gt, s.alignGroundTruth(gt));
        assertEquals(2, s.segmentOf(36));
    }

    @Test
    void partialLastSegmentDroppedAndGroundTruthCutToMatch() {
        Segmenter s = new Segmenter(16, Segmenter.LastSegment.DROP);
        List<Segment> segs = s.split(frames(37));
        assertEquals(2, segs.size());
        assertEquals(2, s.segmentCount(37));
        assertEquals(32, s.framesCovered(37));
        boolean[] gt = new boolean[37];
        gt[31] = true;
        gt[36] = true;
        boolean[] aligned = s.alignGroundTruth(gt);
        assertEquals(32, aligned.length);
        assertTrue(aligned[31]);
        assertEquals(0, s.split(frames(15)).size());
    }

    @Test
    void streamingGivesTheSameSegmentsAsSplitting(@TempDir Path dir) throws IOException {
        Path file = TestVideos.write(dir.resolve("v.avi"), 21, 16, 16, 25);
        Segmenter s = new Segmenter(8, Segmenter.LastSegment.PAD);
        List<Segment> streamed = new ArrayList<>();
        try (VideoReader r = VideoReader.open(file)) {
            assertEquals(3, s.stream(r, streamed::add));
        }
        assertEquals(List.of(0, 8, 16), streamed.stream().map(Segment::firstFrame).toList());
        assertEquals(5, streamed.get(2).realFrames());
    }
}
