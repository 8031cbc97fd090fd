package gcl.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Seeds;
import gcl.spark.LocalSpark;
import gcl.synth.SyntheticVideos;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: gcl-spark's commands write what gcl's write, and say what is wrong with bad input. */
class CommandsTest {
    @BeforeEach
    @AfterEach
    void noSharedContext() {
        LocalSpark.stop(); // each command starts and stops its own
    }

    @Test
    void extractWritesWhatGclExtractWritesAndExitsOneOnAFailedVideo(@TempDir Path dir) throws Exception {
        Path videos = dir.resolve("videos");
        SyntheticVideos.render(videos, new Seeds(3), SyntheticVideos.Config.defaults().withCount(2).withLength(2, 2).withThreads(1), null);
        Files.write(videos.resolve("zz-broken.avi"), new byte[] {1, 2, 3});
        assertEquals(1, gcl.cli.Main.run("extract", "--videos", videos.toString(), "--out", dir.resolve("plain").toString(),
                "--dim", "32", "--threads", "1"));
        assertEquals(1, Main.run("extract", "--videos", videos.toString(), "--out", "file:" + dir.resolve("spark"),
                "--dim", "32", "--master", "local[2]"));
        assertEquals(SameFilesView.list(dir.resolve("plain")), SameFilesView.list(dir.resolve("spark")));
        for (String f : SameFilesView.list(dir.resolve("plain"))) {
            assertEquals(-1L, Files.mismatch(dir.resolve("plain").resolve(f), dir.resolve("spark").resolve(f)), f);
        }
    }

    @Test
    void ablateWritesTheRowsOfGclAblate(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        assertEquals(0, gcl.cli.Main.run("synth", "features", "--out", data.toString(), "--seed", "0", "--profile", "quick"));
        List<String> common = List.of("--data", data.toString(), "--profile", "quick", "--methods", "ae-alldata", "--seeds", "1", "--quiet");
        String[] plain = concat(List.of("ablate", "--cache", dir.resolve("plain-runs").toString(), "--out", dir.resolve("plain.csv").toString()), common);
        String[] spark = concat(List.of("ablate", "--cache", dir.resolve("spark-runs").toString(), "--out", dir.resolve("spark.csv").toString(),
                "--master", "local[2]"), common);
        assertEquals(0, gcl.cli.Main.run(plain));
        assertEquals(0, Main.run(spark));
        assertEquals(withoutTimings(dir.resolve("plain.csv")), withoutTimings(dir.resolve("spark.csv")));
    }

    @Test
    void aFileSystemOtherThanAMountedOneIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Locations.local("hdfs://nn:8020/videos", "--videos"));
        assertTrue(e.getMessage().contains("--videos") && e.getMessage().contains("hdfs"), e.getMessage());
        assertEquals(Path.of("/data/v"), Locations.local("file:///data/v", "--videos"));
        assertEquals(Path.of("relative/dir"), Locations.local("relative/dir", "--out"));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(1, Main.run("extract", "--videos", "s3a://bucket/videos", "--out", "/tmp/never"));
        } finally {
            System.setErr(old);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("gcl-spark extract: --videos s3a://bucket/videos"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMasterTheLauncherCannotServeIsRefusedInOneLineSayingHowToSubmit(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(1, Main.run("extract", "--videos", dir.toString(), "--out", dir.resolve("out").toString(), "--master", "yarn"));
        } finally {
            System.setErr(old);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        List<String> ours = text.lines().filter(l -> l.startsWith("gcl-spark")).toList(); // (Spark may warn about the host name)
        assertEquals(1, ours.size(), text);
        assertTrue(ours.get(0).startsWith("gcl-spark extract: --master yarn: ")
                && ours.get(0).contains("spark-submit --master yarn --class gcl.spark.cli.Main"), text);
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
    }

    private static String[] concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }

    /** The CSV without the timing columns (seconds, train s). */
    private static String withoutTimings(Path csv) {
        tech.tablesaw.api.Table t = gcl.experiment.Experiment.readCsv(csv);
        return t.removeColumns("seconds", "train s").write().toString("csv");
    }

    /** Relative paths of the files under a folder, sorted. */
    private static final class SameFilesView {
        static List<String> list(Path dir) throws IOException {
            try (var s = Files.walk(dir)) {
                return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
            }
        }
    }
}
