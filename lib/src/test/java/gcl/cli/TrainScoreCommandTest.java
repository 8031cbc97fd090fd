package gcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.train.GclConfig;
import gcl.train.RunDirectory;
import gcl.train.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainScoreCommandTest {
    @Test
    void trainThenScoreADatasetDirectory(@TempDir Path tmp) throws Exception {
        Path data = TinyData.write(tmp.resolve("data"));
        Path run = tmp.resolve("run");
        assertEquals(0, Main.run("train", "--data", data.toString(), "--out", run.toString(), "--variant", "gcl-b",
                "--nl", "gaussian:1.5", "--seed", "4", "--profile", "quick", "--epochs", "2", "--batch", "64",
                "--set", "generatorHidden=[16,8,16]", "--quiet"));
        GclConfig saved = new RunDirectory(run).readManifest().config();
        assertEquals(Variant.GCL_B, saved.variant());
        assertEquals("gaussian:1.5", saved.negativeTarget().id());
        assertEquals(4, saved.seed());
        assertEquals(List.of(16, 8, 16), saved.generatorHidden());
        assertTrue(Files.isRegularFile(run.resolve(RunDirectory.METRICS)));
        assertEquals(3, Files.readAllLines(run.resolve(RunDirectory.HISTORY)).size(), "header + 2 epochs");

        Path scores = tmp.resolve("scores.csv");
        assertEquals(0, Main.run("score", "--run", run.toString(), "--data", data.toString(), "--out", scores.toString()));
        List<String> lines = Files.readAllLines(scores);
        assertEquals("video,segment,first_frame,score,score_g,score_d,rank_g,rank_d,label", lines.get(0));
        assertEquals(1 + 8 * 12, lines.size(), "a header and one row per test segment");
        // the default (robust) score is 'either': the larger of the two calibrated ranks, each in [0, 1] (G's past 1 only beyond its reference)
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double either = Double.parseDouble(f[3]);
            double rankG = Double.parseDouble(f[6]);
            double rankD = Double.parseDouble(f[7]);
            assertTrue(rankD >= 0 && rankD <= 1 && rankG >= 0, line);
            assertEquals(Math.max(rankG, rankD), either, 1e-6, line);
        }
    }

    @Test
    void badInputIsOneClearError(@TempDir Path tmp) {
        assertEquals(1, Main.run("score", "--run", tmp.resolve("nothing").toString(), "--data", tmp.toString(),
                "--out", tmp.resolve("s.csv").toString()));
        assertEquals(1, Main.run("train", "--out", tmp.resolve("r").toString(), "--variant", "gcl-x", "--profile", "quick",
                "--data", tmp.toString()));
        assertEquals(2, Main.run("train", "--variant", "gcl-b"));
    }

    /** Messages of one line that name the option or the field: an occupied --out, a fraction for epochs. */
    @Test
    void badOptionsAreOneLineNamingTheOption(@TempDir Path tmp) throws Exception {
        Path data = TinyData.write(tmp.resolve("data"));
        Path occupied = Files.createDirectories(tmp.resolve("occupied"));
        Files.writeString(occupied.resolve("notes.txt"), "mine\n");
        Object[] r = DataCommandsTest.run("train", "--data", data.toString(), "--out", occupied.toString(), "--quiet");
        assertEquals(1, r[0]);
        assertTrue(((String) r[1]).strip().endsWith("already exists and is not empty; give a new folder, or add --resume"
                + " to continue the run in it"), (String) r[1]);
        assertEquals(1, ((String) r[1]).strip().lines().count(), (String) r[1]);
        r = DataCommandsTest.run("train", "--data", data.toString(), "--out", data.toString(), "--quiet");
        assertTrue(((String) r[1]).contains("--out " + data + " and --data " + data + " are the same folder"), (String) r[1]);
        Path file = data.resolve("videos.csv");
        r = DataCommandsTest.run("train", "--data", data.toString(), "--out", file.toString(), "--quiet");
        assertTrue(((String) r[1]).contains("--out " + file + " is a file"), (String) r[1]);
        r = DataCommandsTest.run("train", "--data", data.toString(), "--out", tmp.resolve("run").toString(), "--set", "epochs=2.7", "--quiet");
        assertEquals(1, r[0]);
        assertTrue(((String) r[1]).contains("field epochs"), (String) r[1]);
        assertTrue(Files.notExists(tmp.resolve("run")), "nothing written");
    }

    @Test
    void benchEpochRunsOnTinySizes() {
        assertEquals(0, Main.run("bench", "epoch", "--dim", "16", "--segments", "100", "--batch", "32", "--no-warmup"));
    }
}
