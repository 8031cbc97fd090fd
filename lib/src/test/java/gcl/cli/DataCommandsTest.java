package gcl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.data.DatasetDirectory;
import gcl.data.Npy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class DataCommandsTest {
    @TempDir
    Path dir;

    /** Runs the CLI and returns {exit code, stdout + stderr}. */
    static Object[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(p);
        System.setErr(p);
        try {
            int rc = Main.run(args);
            p.flush();
            return new Object[] {rc, buf.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void synthFeaturesWritesAGoodCopyAndTheSameSeedTheSameBytes() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, run("synth", "features", "--out", a.toString(), "--seed", "5", "--profile", "quick")[0]);
        assertEquals(0, run("synth", "features", "--out", b.toString(), "--seed", "5", "--profile", "quick")[0]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(a)) {
            files = s.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
        }
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
        }
        // the manifest found by name in data-manifests/ above the working directory
        Object[] r = run("data", "check", "--manifest", "synthetic-quick", "--dir", a.toString());
        String out = (String) r[1];
        assertEquals(0, r[0], out);
        assertTrue(out.contains("OK:") && out.contains("train") && out.contains("anomalous frames"), out);
        assertTrue(out.contains("another seed"), "seed 5 is not the manifest's default copy: " + out);
    }

    @Test
    void checkNamesEachBrokenFile() throws IOException {
        Path d = dir.resolve("d");
        assertEquals(0, run("synth", "features", "--out", d.toString(), "--seed", "0", "--profile", "quick")[0]);
        Path manifest = Path.of(System.getProperty("user.dir")).getParent().resolve("data-manifests/synthetic-quick.json");
        Object[] good = run("data", "check", "--manifest", manifest.toString(), "--dir", d.toString());
        assertEquals(0, good[0], (String) good[1]);
        assertTrue(((String) good[1]).contains("matches the manifest"), (String) good[1]);

        Files.delete(DatasetDirectory.featureFile(d, "train-0003"));
        Npy.write(DatasetDirectory.featureFile(d, "test-0002"), Nd4j.ones(DataType.FLOAT, 5, 63));
        var bad = Nd4j.ones(DataType.FLOAT, 30, 64);
        bad.putScalar(4, 7, Float.NaN);
        Npy.write(DatasetDirectory.featureFile(d, "train-0010"), bad);
        Object[] r = run("data", "check", "--manifest", manifest.toString(), "--dir", d.toString());
        String out = (String) r[1];
        assertEquals(1, r[0], out);
        assertTrue(out.contains("train-0003.npy: missing"), out);
        assertTrue(out.contains("test-0002.npy: shape [5, 63]"), out);
        assertTrue(out.contains("train-0010.npy: bad values: 1 NaN"), out);
        assertTrue(out.contains("FAILED: 3 problem(s)"), out);
    }

    @Test
    void checkWithoutADatasetFails() {
        Object[] r = run("data", "check", "--manifest", "ucf-crime", "--dir", dir.resolve("nothing").toString());
        assertEquals(1, r[0]);
        assertTrue(((String) r[1]).contains("dataset.json: missing"), (String) r[1]);
    }

    @Test
    void importConcatFromTheCommandLineThenCheck() throws IOException {
        Npy.write(dir.resolve("all.npy"), Nd4j.ones(DataType.FLOAT, 6, 2));
        Files.writeString(dir.resolve("index.csv"), "id,split,from,to,label\nv1,train,0,2,normal\nv2,test,2,5,\nv3,test,5,6,\n");
        Files.writeString(dir.resolve("gt.csv"), "id,start,end\nv2,16,20\n");
        Path out = dir.resolve("out");
        Object[] r = run("data", "import", "concat", "--features", dir.resolve("all.npy").toString(), "--index",
                dir.resolve("index.csv").toString(), "--ground-truth-csv", dir.resolve("gt.csv").toString(), "--name", "cat",
                "--out", out.toString());
        assertEquals(0, r[0], (String) r[1]);
        Files.writeString(dir.resolve("m.json"), "{\"name\": \"cat\", \"featureDim\": 2, \"segmentSize\": 16,"
                + " \"test\": {\"videos\": 2, \"anomalous\": 1}}");
        r = run("data", "check", "--manifest", dir.resolve("m.json").toString(), "--dir", out.toString());
        assertEquals(0, r[0], (String) r[1]);
        for (String cmd : new String[] {"ucf-crime", "shanghaitech", "list", "concat"}) {
            assertEquals(0, run("data", "import", cmd, "--help")[0]);
        }
    }

    /** A dataset of one's own has no manifest: data check --dir alone checks structure and values. */
    @Test
    void dataCheckWithoutAManifest() throws IOException {
        Path data = gcl.TinyData.write(dir.resolve("own"));
        Object[] r = run("data", "check", "--dir", data.toString());
        assertEquals(0, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("is a sound dataset directory (no manifest"), (String) r[1]);
        Files.writeString(data.resolve("splits/test.txt"), "train0\n", StandardOpenOption.APPEND);
        r = run("data", "check", "--dir", data.toString());
        assertEquals(1, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("PROBLEM " + data.resolve("splits/test.txt") + ": video train0 is also in"), (String) r[1]);
    }
}
