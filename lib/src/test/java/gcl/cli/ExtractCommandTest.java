package gcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.video.TestVideos;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertEquals(0, Main.run("bench", "extract", "--videos", videos.toString(), "--dim", "32", "--rounds", "2",
                "--out", csv.toString()));
        var lines = Files.readAllLines(csv);
        assertEquals(5, lines.size());
        assertTrue(lines.get(0).endsWith(",threads,round"), lines.get(0));
        assertTrue(lines.get(1).startsWith("decode,1,48,3,") && lines.get(1).endsWith(",1,1"), lines.get(1));
        assertTrue(lines.get(2).startsWith("extract,1,48,3,") && lines.get(2).endsWith(",1,1"), lines.get(2));
        assertTrue(lines.get(3).startsWith("decode,1,48,3,") && lines.get(3).endsWith(",1,2"), lines.get(3));
        assertTrue(lines.get(4).startsWith("extract,1,48,3,") && lines.get(4).endsWith(",1,2"), lines.get(4));
    }

    @Test
    void benchExtractRefusesZeroRounds(@TempDir Path dir) throws Exception {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        TestVideos.write(videos.resolve("a.avi"), 16, 32, 24, 25);
        assertEquals(1, Main.run("bench", "extract", "--videos", videos.toString(), "--dim", "32", "--rounds", "0"));
    }

    @Test
    void theBestRoundOfAStageIsItsFastest() {
        var rows = List.of(
                new gcl.features.ExtractionBenchmark.Row("decode", 1, 160, 10, 0.50, 1, 1),
                new gcl.features.ExtractionBenchmark.Row("extract", 1, 160, 10, 2.00, 1, 1),
                new gcl.features.ExtractionBenchmark.Row("decode", 1, 160, 10, 0.40, 1, 2),
                new gcl.features.ExtractionBenchmark.Row("extract", 1, 160, 10, 2.50, 1, 2));
        assertEquals(2, gcl.features.ExtractionBenchmark.best(rows, "decode").round());
        assertEquals(1, gcl.features.ExtractionBenchmark.best(rows, "extract").round());
        assertEquals(5.0, gcl.features.ExtractionBenchmark.best(rows, "extract").segmentsPerSecond(), 1e-9);
    }

    @Test
    void aModelFileIsTheExtractorWhenNamed(@TempDir Path dir) throws Exception {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        TestVideos.write(videos.resolve("a.avi"), 32, 32, 24, 25);
        Path model = dir.resolve("tiny3d.zip");
        org.deeplearning4j.util.ModelSerializer.writeModel(gcl.features.PretrainedExtractorTest.tiny3dCnn(), model.toFile(), false);
        Path out = dir.resolve("ds");
        assertEquals(0, Main.run("extract", "--videos", videos.toString(), "--out", out.toString(), "--extractor", model.toString(),
                "--clip", "3x8x16x16:ncdhw"));
        var ds = gcl.data.DatasetDirectory.load(out);
        assertEquals(8, ds.train().dim());
        assertEquals("pretrained:tiny3d.zip", ds.info().featureKind());
        assertEquals(2, ds.train().video("a").segments());
    }
}
