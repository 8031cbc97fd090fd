package gcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.video.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gcl extract} on folders a careless user hands it (issue 25): annotations follow a new frame
 * rate, nothing is skipped without a word, the folder read is never written, and a resumed extraction
 * keeps the settings it began with.
 */
class ExtractHostileTest {
    @TempDir
    Path dir;

    /** A folder with ev (48 frames at 25 fps, anomalous frames [21, 48), a test video) and calm (training). */
    private Path annotated() throws IOException {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        TestVideos.write(videos.resolve("ev.avi"), 48, 32, 32, 25);
        TestVideos.write(videos.resolve("calm.avi"), 32, 32, 32, 25);
        Files.createDirectories(videos.resolve("splits"));
        Files.writeString(videos.resolve("splits/train.txt"), "calm\n");
        Files.writeString(videos.resolve("splits/test.txt"), "ev\n");
        Files.writeString(videos.resolve("videos.csv"), "id,frames,label\nev,48,anomalous\ncalm,32,normal\n");
        Files.writeString(videos.resolve("ground_truth.csv"), "id,start,end\nev,21,48\n");
        return videos;
    }

    private Object[] extract(Path videos, Path out, String... more) {
        String[] a = new String[6 + more.length];
        System.arraycopy(new String[] {"extract", "--videos", videos.toString(), "--out", out.toString()}, 0, a, 0, 5);
        a[5] = "--dim=32";
        System.arraycopy(more, 0, a, 6, more.length);
        return DataCommandsTest.run(a);
    }

    @Test
    void groundTruthFollowsANewFrameRate() throws IOException {
        Path videos = annotated();
        // 5 fps: frame k shows source frame 5k, anomalous from k = 5 (25) to the end (10 frames)
        Object[] r = extract(videos, dir.resolve("five"), "--fps", "5");
        assertEquals(0, r[0], (String) r[1]);
        assertEquals(List.of("id,start,end", "ev,5,10"), Files.readAllLines(dir.resolve("five/ground_truth.csv")));
        assertTrue(Files.readString(dir.resolve("five/videos.csv")).contains("ev,10,anomalous"));
        assertFalse(((String) r[1]).contains("annotations say"), "48 frames at 25 fps are 10 at 5: no warning\n" + r[1]);
        // 50 fps: frame k shows source frame round(k / 2): anomalous from 41 (20.5 -> 21) to 94 (47), 96 frames
        r = extract(videos, dir.resolve("fifty"), "--fps", "50");
        assertEquals(0, r[0], (String) r[1]);
        assertEquals(List.of("id,start,end", "ev,41,95"), Files.readAllLines(dir.resolve("fifty/ground_truth.csv")));
        assertEquals(0, DataCommandsTest.run("data", "check", "--dir", dir.resolve("fifty").toString())[0]);
    }

    @Test
    void theVideoFolderIsNeverTheDatasetDirectory() throws IOException {
        Path videos = annotated();
        String truth = Files.readString(videos.resolve("ground_truth.csv"));
        String line = HostileCommandsTest.refused("extract", "--videos", videos.toString(), "--out", videos.toString(), "--dim", "32");
        assertTrue(line.contains("--out " + videos + " and --videos " + videos + " are the same folder"), line);
        line = HostileCommandsTest.refused("extract", "--videos", videos.toString(), "--out", videos.resolve("ds").toString(),
                "--dim", "32");
        assertTrue(line.contains("is inside --videos"), line);
        assertEquals(truth, Files.readString(videos.resolve("ground_truth.csv")), "the annotations are untouched");
        assertFalse(Files.exists(videos.resolve("features")));
    }

    @Test
    void aResumedExtractionKeepsTheSettingsItBeganWith() throws IOException {
        Path videos = annotated();
        Path out = dir.resolve("ds");
        assertEquals(0, extract(videos, out)[0]);
        String json = Files.readString(out.resolve("dataset.json"));
        String line = HostileCommandsTest.refused("extract", "--videos", videos.toString(), "--out", out.toString(), "--dim", "32",
                "--fps", "10");
        assertTrue(line.contains("frameRate 10 (now) vs 25 (the directory's dataset.json)"), line);
        line = HostileCommandsTest.refused("extract", "--videos", videos.toString(), "--out", out.toString(), "--dim", "32",
                "--size", "16x16", "--last", "drop");
        assertTrue(line.contains("frameSize 16x16 (now) vs each video's own") && line.contains("groundTruthConvention segments (now) vs frames"),
                line);
        assertEquals(json, Files.readString(out.resolve("dataset.json")), "nothing rewritten");
    }

    @Test
    void aFolderWithoutVideosIsRefused() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String line = HostileCommandsTest.refused("extract", "--videos", empty.toString(), "--out", dir.resolve("ds").toString());
        assertTrue(line.contains("no video files in " + empty + " (it is empty)"), line);
        Files.writeString(empty.resolve("photo.jpg"), "x");
        line = HostileCommandsTest.refused("extract", "--videos", empty.toString(), "--out", dir.resolve("ds").toString());
        assertTrue(line.contains("(it holds 1 other file(s)); video files end in .3gp, .avi"), line);
        assertFalse(Files.exists(dir.resolve("ds")));
    }

    @Test
    void filesThatCannotBeVideosOfTheSetAreNamedAndTheOthersExtracted() throws IOException {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        TestVideos.write(videos.resolve("good.avi"), 32, 32, 32, 25);
        Files.createSymbolicLink(videos.resolve("loop.avi"), Path.of("loop.avi"));
        Files.createSymbolicLink(videos.resolve("gone.avi"), Path.of("nowhere.avi"));
        Files.copy(videos.resolve("good.avi"), videos.resolve("a,b.avi"));
        Files.copy(videos.resolve("good.avi"), videos.resolve("tab\there.avi"));
        Files.write(videos.resolve("._good.avi"), new byte[] {0, 5, 22, 7});
        Object[] r = extract(videos, dir.resolve("ds"));
        String out = (String) r[1];
        assertEquals(1, r[0], out);
        assertTrue(out.contains("extracted 1 of 6 videos (0 already done, 5 failed)"), out);
        for (String name : List.of("loop.avi: a link to nothing", "gone.avi: a link to nothing", "a,b.avi: bad video id",
                "here.avi: bad video id", "._good.avi: a macOS resource file")) {
            assertTrue(out.contains("failed: " + name) || out.contains(name), name + " named:\n" + out);
        }
        assertTrue(Files.isRegularFile(dir.resolve("ds/features/good.npy")));
    }

    @Test
    void idsThatDifferOnlyInCaseAreRefusedBeforeAnyWork() throws IOException {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        TestVideos.write(videos.resolve("clip.avi"), 32, 32, 32, 25);
        Files.copy(videos.resolve("clip.avi"), videos.resolve("CLIP.mp4"));
        String line = HostileCommandsTest.refused("extract", "--videos", videos.toString(), "--out", dir.resolve("ds").toString(),
                "--dim", "32");
        assertTrue(line.contains("CLIP.mp4 and clip.avi have ids that differ only in case"), line);
        assertFalse(Files.exists(dir.resolve("ds/features")));
    }

    @Test
    void aVideoNamedWith251CharactersIsExtracted() throws IOException {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        String id = "x".repeat(247);
        TestVideos.write(videos.resolve(id + ".avi"), 32, 32, 32, 25);
        Object[] r = extract(videos, dir.resolve("ds"));
        assertEquals(0, r[0], (String) r[1]);
        assertTrue(Files.isRegularFile(dir.resolve("ds/features/" + id + ".npy")));
    }
}
