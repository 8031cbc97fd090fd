package gcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input a user really types (issue 12, "Messages"): each is refused with exit code 1 and one
 * line on the terminal that names the option or the file, never a stack trace or a bare
 * number-format error.
 */
class ErrorMessagesTest {
    private static final String[] TINY = {"--set", "generatorHidden=[4]", "--set", "discriminatorHidden=[4]",
        "--set", "batchSize=32", "--set", "epochs=1", "--set", "pretrainEpochs=1", "--quiet"};

    @TempDir
    Path dir;

    /**
     * Runs the CLI; asserts exit code 1, no stack trace, and one error line ("gcl COMMAND: ..."), the
     * last line of the output (a command may have printed what it was doing before), which it returns.
     */
    private static String refused(String... args) {
        Object[] r = DataCommandsTest.run(args);
        String out = ((String) r[1]).strip();
        assertEquals(1, r[0], out);
        assertFalse(out.contains("Exception") || out.contains("\tat "), out);
        List<String> lines = out.lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.startsWith("gcl ")).count(), "one error line, got:\n" + out);
        return lines.get(lines.size() - 1);
    }

    @Test
    void badFrameSizesNameTheOptionTheValueAndAnExample() throws IOException {
        for (String size : List.of("100", "axb", "0x0", "-4x8", "100x")) {
            String line = refused("synth", "videos", "--out", dir.resolve("v").toString(), "--count", "2", "--size=" + size);
            assertTrue(line.startsWith("gcl synth videos: --size takes WIDTHxHEIGHT") && line.contains("'" + size + "'")
                    && line.contains("160x120"), line);
        }
        String odd = refused("synth", "videos", "--out", dir.resolve("v").toString(), "--count", "2", "--size", "161x121");
        assertTrue(odd.contains("--size 161x121") && odd.contains("even"), odd);
        String range = refused("synth", "videos", "--out", dir.resolve("v").toString(), "--count", "2", "--segments", "5");
        assertTrue(range.contains("--segments takes MIN-MAX") && range.contains("'5'"), range);
        assertFalse(Files.exists(dir.resolve("v").resolve("videos.csv")), "nothing rendered");

        Files.createDirectories(dir.resolve("videos"));
        String extract = refused("extract", "--videos", dir.resolve("videos").toString(), "--out", dir.resolve("x").toString(),
                "--size", "100");
        assertTrue(extract.startsWith("gcl extract: --size takes WIDTHxHEIGHT") && extract.contains("'100'"), extract);
    }

    @Test
    void negativeOrWronglyShapedFeatureFilesAreNamed() throws IOException {
        Path data = TinyData.write(dir.resolve("data"));
        Path victim;
        try (Stream<Path> s = Files.list(data.resolve("features"))) {
            victim = s.filter(p -> p.getFileName().toString().startsWith("train")).sorted().findFirst().orElseThrow();
        }
        record Case(String header, int bytes, String says) {
        }
        for (Case c : List.of(
                new Case("{'descr': '<f4', 'fortran_order': False, 'shape': (-3, 8), }", 0, "negative length -3"),
                new Case("{'descr': '<f4', 'fortran_order': False, 'shape': (8,), }", 32, "[T, d]"),
                new Case("{'descr': '<f4', 'fortran_order': False, 'shape': (12, 5), }", 240, "d = 5"))) {
            Files.write(victim, npy(c.header(), new byte[c.bytes()]));
            Path run = dir.resolve("run");
            List<String> a = new ArrayList<>(List.of("train", "--data", data.toString(), "--out", run.toString()));
            a.addAll(List.of(TINY));
            String line = refused(a.toArray(String[]::new));
            assertTrue(line.startsWith("gcl train: ") && line.contains(victim.toString()) && line.contains(c.says()), line);
            assertFalse(Files.exists(run.resolve("metrics.csv")));
        }
    }

    @Test
    void aDeletedMetricsFileOfACachedRunSaysFreshRecovers() throws IOException {
        Path data = TinyData.write(dir.resolve("data"));
        Path cache = dir.resolve("cache");
        Path out = dir.resolve("runs.csv");
        List<String> a = new ArrayList<>(List.of("ablate", "--data", data.toString(), "--cache", cache.toString(),
                "--out", out.toString(), "--seeds", "1", "--methods", "AE_AllData"));
        a.addAll(List.of(TINY));
        String[] args = a.toArray(String[]::new);
        assertEquals(0, DataCommandsTest.run(args)[0]);
        Path metrics;
        try (Stream<Path> s = Files.walk(cache)) {
            metrics = s.filter(p -> p.getFileName().toString().equals("metrics.csv")).findFirst().orElseThrow();
        }
        Files.delete(metrics);
        String line = refused(args);
        assertTrue(line.contains(metrics.toString()) && line.contains("--fresh") && line.contains("AE_AllData"), line);

        List<String> fresh = new ArrayList<>(a);
        fresh.add("--fresh");
        assertEquals(0, DataCommandsTest.run(fresh.toArray(String[]::new))[0]);
        assertTrue(Files.isRegularFile(metrics), "--fresh made the run anew");
        assertEquals(0, DataCommandsTest.run(args)[0], "and it reads back");
    }

    @Test
    void aFailedAblateRunIsNamedByMethodAndSeedAndTheOthersAreWritten() throws IOException {
        Path data = TinyData.write(dir.resolve("data"));
        Path out = dir.resolve("runs.csv");
        List<String> a = new ArrayList<>(List.of("ablate", "--data", data.toString(), "--cache", dir.resolve("cache").toString(),
                "--out", out.toString(), "--seeds", "1,2", "--methods", "GCL_B,AE_AllData",
                "--set", "generatorThreshold=mean+100std"));
        a.addAll(List.of(TINY));
        String line = refused(a.toArray(String[]::new));
        assertTrue(line.startsWith("gcl ablate: 2 of 4 runs failed") && line.contains("GCL_B seed 1: degenerate pseudo-labels")
                && line.contains("GCL_B seed 2: "), line);
        assertEquals(List.of("AE_AllData", "AE_AllData"),
                tech.tablesaw.api.Table.read().csv(out.toFile()).stringColumn("method").asList(), "the runs that finished are written");
    }

    @Test
    void resumeWithOptionsThatChangeTheSavedConfigIsRefused() throws IOException {
        Path data = TinyData.write(dir.resolve("data"));
        Path run = dir.resolve("run");
        List<String> a = new ArrayList<>(List.of("train", "--data", data.toString(), "--out", run.toString()));
        a.addAll(List.of(TINY));
        assertEquals(0, DataCommandsTest.run(a.toArray(String[]::new))[0]);
        String line = refused("train", "--data", data.toString(), "--out", run.toString(), "--resume", "--quiet",
                "--epochs", "7", "--preset", "paper");
        assertTrue(line.startsWith("gcl train: --resume continues the run in " + run) && line.contains("epochs 7 (saved: 1)")
                && line.contains("preset \"paper\" (saved: \"robust\")") && line.contains("drop those options"), line);
        a.add("--resume");
        assertEquals(0, DataCommandsTest.run(a.toArray(String[]::new))[0], "options that repeat the saved config are fine");
    }

    /** A .npy file with this header dict and raw data. */
    private static byte[] npy(String dict, byte[] data) {
        String text = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + text.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return b.array();
    }
}
