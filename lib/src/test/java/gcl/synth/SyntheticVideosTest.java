package gcl.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Seeds;
import gcl.data.Annotations;
import gcl.data.Split;
import gcl.data.VideoFolder;
import gcl.data.VideoLabel;
import gcl.video.ReadOptions;
import gcl.video.VideoFrame;
import gcl.video.VideoInfo;
import gcl.video.VideoReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticVideosTest {
    @TempDir
    Path dir;

    private static SyntheticVideos.Config tiny() {
        return new SyntheticVideos.Config(6, 80, 60, 25, 3, 4, 2, 0.5, 0.5, 2);
    }

    @Test
    void writesRealVideosWithGroundTruthAndSplitsDeterministically() throws IOException {
        SyntheticVideos.Summary a = SyntheticVideos.render(dir.resolve("a"), new Seeds(11), tiny(), null);
        SyntheticVideos.Summary b = SyntheticVideos.render(dir.resolve("b"), new Seeds(11), tiny().withThreads(1), null);
        assertEquals(6, a.videos().size());
        assertEquals(4, a.anomalous(), "half of each split (3 train, 3 test) rounded");
        for (int i = 0; i < 6; i++) {
            SyntheticVideos.Rendered r = a.videos().get(i);
            assertArrayEquals(Files.readAllBytes(r.file()), Files.readAllBytes(b.videos().get(i).file()),
                    "same seed, same bytes: " + r.id());
            VideoInfo info = VideoReader.probe(r.file(), ReadOptions.original());
            assertEquals(r.frames(), info.frames());
            assertEquals(0, r.frames() % 16);
            assertEquals(80, info.width());
            assertEquals(25.0, info.fps(), 1e-9);
            if (r.anomaly() != null) {
                assertTrue(0 < r.start() && r.start() < r.end() && r.end() <= r.frames(), r.toString());
            }
        }
        VideoFolder folder = VideoFolder.read(dir.resolve("a"));
        assertTrue(folder.synthetic());
        Annotations ann = folder.annotations();
        assertEquals(6, ann.videos().size());
        assertEquals(3, ann.ids(Split.TEST).size());
        for (SyntheticVideos.Rendered r : a.videos()) {
            assertEquals(r.anomaly() == null ? VideoLabel.NORMAL : VideoLabel.ANOMALOUS, ann.video(r.id()).orElseThrow().label());
            assertEquals(r.anomaly() == null ? 0 : r.end() - r.start(), count(ann.mask(r.id(), r.frames())));
        }
        SyntheticVideos.Summary other = SyntheticVideos.render(dir.resolve("c"), new Seeds(12), tiny(), null);
        assertFalse(Arrays.equals(Files.readAllBytes(a.videos().get(0).file()),
                Files.readAllBytes(other.videos().get(0).file())), "another seed, other videos");
    }

    @Test
    void theEventChangesOnlyItsOwnFramesAndEveryTypeRenders() {
        Scene scene = Scene.random(new Random(3), 160, 120);
        for (AnomalyType type : AnomalyType.values()) {
            ScenePlanner.Clip clip = ScenePlanner.plan(scene, new Random(5), 160, type);
            assertTrue(clip.start() > 0 && clip.end() > clip.start() && clip.end() <= 160, type + " " + clip.start() + ".." + clip.end());
            boolean[] gt = clip.groundTruth();
            assertEquals(clip.end() - clip.start(), count(gt));
            List<VideoFrame> frames = SceneRenderer.render(clip);
            assertEquals(160, frames.size());
            int t = (clip.start() + clip.end()) / 2;
            assertNotEquals(mean(frames.get(t)), mean(scene.background()), type + ": something is drawn");
        }
        ScenePlanner.Clip normal = ScenePlanner.plan(scene, new Random(5), 64, null);
        assertEquals(0, count(normal.groundTruth()));
        assertArrayEquals(SceneRenderer.render(normal).get(10).bgr(), SceneRenderer.render(normal).get(10).bgr());
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static double mean(VideoFrame f) {
        long s = 0;
        for (byte v : f.bgr()) {
            s += v & 0xFF;
        }
        return s / (double) f.bgr().length;
    }
}
