package gcl.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsFrameCountRateAndSizeOfAVideoWrittenWithJavaCV() throws IOException {
        Path file = TestVideos.write(dir.resolve("clip.avi"), 30, 64, 48, 25);
        try (VideoReader reader = VideoReader.open(file)) {
            assertEquals(64, reader.width());
            assertEquals(48, reader.height());
            assertEquals(25.0, reader.fps(), 1e-6);
            int n = 0;
            VideoFrame f;
            while ((f = reader.next()) != null) {
                // frame k is grey 8k (lossy codec: allow a few levels)
                assertEquals(8 * n, f.pixel(1, 1)[1], 6, "grey level of frame " + n);
                n++;
            }
            assertEquals(30, n);
            VideoInfo info = reader.info();
            assertEquals(30, info.frames());
            assertEquals(25.0, info.fps(), 1e-6);
            assertEquals(1.2, info.seconds(), 1e-9);
        }
    }

    @Test
    void mp4ContainerToo() throws IOException {
        Path file = TestVideos.write(dir.resolve("clip.mp4"), 20, 32, 32, 10);
        VideoInfo info = VideoReader.probe(file, ReadOptions.original());
        assertEquals(20, info.frames());
        assertEquals(10.0, info.fps(), 1e-6);
    }

    @Test
    void resamplesFrameRateAndSize() throws IOException {
        Path file = TestVideos.write(dir.resolve("clip.avi"), 40, 64, 48, 25);
        List<VideoFrame> half = VideoReader.readAll(file, new ReadOptions(12.5, 32, 24));
        assertEquals(20, half.size());
        assertEquals(32, half.get(0).width());
        assertEquals(24, half.get(0).height());
        // every other source frame: output k shows source frame 2k
        assertEquals(8 * 6, half.get(3).pixel(0, 0)[1], 6);

        List<VideoFrame> doubled = VideoReader.readAll(file, ReadOptions.original().withFps(50));
        assertEquals(80, doubled.size());
        assertEquals(8 * 5, doubled.get(10).pixel(0, 0)[1], 6);
    }

    @Test
    void aFileThatIsNoVideoIsNamedInTheError() throws IOException {
        Path bad = Files.write(dir.resolve("broken.mp4"), "this is not a video".getBytes());
        IOException e = assertThrows(IOException.class, () -> VideoReader.open(bad));
        assertTrue(e.getMessage().contains("broken.mp4"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> VideoReader.open(dir.resolve("none.avi")));
        assertTrue(missing.getMessage().contains("none.avi"), missing.getMessage());
    }
}
