package gcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.video.TestVideos;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
    @Test
    void exitCodeSaysAVideoFailedAndNamesIt(@TempDir Path dir) throws Exception {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        TestVideos.write(videos.resolve("good.avi"), 32, 32, 24, 25);
        Files.writeString(videos.resolve("bad.avi"), "garbage");
        Path out = dir.resolve("ds");
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true));
            code = Main.run("extract", "--videos", videos.toString(), "--out", out.toString(), "--dim", "32", "--threads", "2");
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(1, code);
        assertTrue(err.toString().contains("bad.avi"), err.toString());
        assertTrue(Files.exists(out.resolve("features/good.npy")));

        Files.delete(videos.resolve("bad.avi"));
        assertEquals(0, Main.run("extract", "--videos", videos.toString(), "--out", out.toString(), "--dim", "32"));
    }

    @Test
    void benchExtractReportsDecodeAndExtractSpeed(@TempDir Path dir) throws Exception {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        TestVideos.write(videos.resolve("a.avi"), 48, 32, 24, 25);
        Path csv = dir.resolve("bench.csv");
        assertEquals(0, Main.run("bench", "extract", "--videos", videos.toString(), "--dim", "32", "--out", csv.toString()));
        var lines = Files.readAllLines(csv);
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("decode,1,48,3,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("extract,1,48,3,"), lines.get(2));
    }
}
