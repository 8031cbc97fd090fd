package gcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.GclTrainer;
import gcl.train.Phase;
import gcl.train.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases of issue 25 at the command line (each ends with one line naming the problem and the way
 * out, exit code 1, and nothing read is written over): outputs that are inputs, runs that are not
 * finished or not whole, data that means something else than the run's, options that would fail only
 * after training, and the checks of data check in every command.
 */
class HostileCommandsTest {
    private static final String[] TINY = {"--set", "generatorHidden=[4]", "--set", "discriminatorHidden=[4]",
        "--set", "batchSize=32", "--set", "epochs=1", "--set", "pretrainEpochs=1", "--quiet"};

    @TempDir
    Path dir;

    /** Exit code 1, no trace, and the last line "gcl COMMAND: ..." in the user's terms; returns that line. */
    static String refused(String... args) {
        Object[] r = DataCommandsTest.run(args);
        String out = ((String) r[1]).strip();
        assertEquals(1, r[0], out);
        assertFalse(out.contains("Exception") || out.contains("\tat ") || out.contains("com.fasterxml"), out);
        List<String> lines = out.lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.startsWith("gcl ")).count(), "one error line, got:\n" + out);
        return lines.get(lines.size() - 1);
    }

    private static String[] args(List<String> a, String... more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(Arrays.asList(more));
        all.addAll(List.of(TINY));
        return all.toArray(String[]::new);
    }

    private Path trainedRun(Path data) {
        Path run = dir.resolve("run");
        assertEquals(0, DataCommandsTest.run(args(List.of("train", "--data", data.toString(), "--out", run.toString(),
                "--variant", "gcl-b")))[0]);
        return run;
    }

    private static List<Path> runsIn(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(Files::isDirectory).toList();
        }
    }

    @Test
    void scoresAreNeverWrittenIntoTheDatasetOrARun() throws IOException {
        Path data = TinyData.write(dir.resolve("data"));
        Path run = trainedRun(data);
        String videos = Files.readString(data.resolve("videos.csv"));
        String line = refused("score", "--run", run.toString(), "--data", data.toString(), "--out", data.resolve("videos.csv").toString());
        assertTrue(line.startsWith("gcl score: --out " + data.resolve("videos.csv") + " is inside --data " + data), line);
        assertEquals(videos, Files.readString(data.resolve("videos.csv")), "the dataset's file is untouched");
        String metrics = Files.readString(run.resolve("metrics.csv"));
        line = refused("score", "--run", run.toString(), "--data", data.toString(), "--out", run.resolve("metrics.csv").toString());
        assertTrue(line.contains("is inside --run " + run), line);
        assertEquals(metrics, Files.readString(run.resolve("metrics.csv")));
        // another run's folder (a cached run, say) is the run's own too
        Path other = dir.resolve("cache/runs/0123456789abcdef");
        Files.createDirectories(other);
        Files.copy(run.resolve("run.json"), other.resolve("run.json"));
        line = refused("score", "--run", run.toString(), "--data", data.toString(), "--out", other.resolve("metrics.csv").toString());
        assertTrue(line.contains("is inside the run directory " + other.toRealPath()), line);
        assertFalse(Files.exists(other.resolve("metrics.csv")));
    }

    @Test
    void anUnfinishedRunIsNotScoredAndTheMessageSaysHowToFinishIt() throws IOException {
        Path data = TinyData.write(dir.resolve("data"));
        Path cut = dir.resolve("cut");
        RunDirectory run = new RunDirectory(cut);
        GclConfig config = TinyData.config();
        run.writeManifest(RunDirectory.Manifest.now(config, gcl.data.DatasetDirectory.load(data)));
        GclTrainer trainer = new GclTrainer(config, gcl.data.DatasetDirectory.load(data).train()).quiet().checkpointsIn(run)
                .listener((phase, epoch, model) -> {
                    if (phase == Phase.COOPERATIVE && epoch == 2) {
                        throw new IllegalStateException("power cut");
                    }
                    return Map.of();
                });
        try {
            trainer.train();
        } catch (IllegalStateException expected) {
            // the run stops after its first epoch's checkpoint
        }
        String line = refused("score", "--run", cut.toString(), "--data", data.toString(), "--out", dir.resolve("s.csv").toString());
        assertTrue(line.contains(cut + " is an unfinished run: 1 of 2 epochs done (next: gcl epoch 2)")
                && line.contains("gcl train --resume --out " + cut), line);
        assertFalse(Files.exists(dir.resolve("s.csv")));
    }

    @Test
    void aRunDoesNotScoreFeaturesThatMeanSomethingElse() throws IOException {
        Path data = TinyData.write(dir.resolve("data"));
        Path run = trainedRun(data);
        Path other = TinyData.write(dir.resolve("other"));
        Path json = other.resolve("dataset.json");
        Files.writeString(json, Files.readString(json).replace("\"featureKind\" : \"test\"", "\"featureKind\" : \"resnext3d\"")
                .replace("\"frameRate\" : 25.0", "\"frameRate\" : 10.0"));
        String line = refused("score", "--run", run.toString(), "--data", other.toString(), "--out", dir.resolve("s.csv").toString());
        assertTrue(line.contains("featureKind resnext3d (--data) vs test (the run's data)")
                && line.contains("frameRate 10 (--data) vs 25 (the run's data)"), line);
    }

    @Test
    void ablateChecksItsOptionsBeforeItTrainsAnything() throws IOException {
        Path data = TinyData.write(dir.resolve("data"));
        Path cache = dir.resolve("cache");
        List<String> base = List.of("ablate", "--data", data.toString(), "--cache", cache.toString(), "--methods", "AE_AllData");
        String line = refused(args(base, "--seeds", "1", "--out", dir.resolve("r".repeat(296) + ".csv").toString()));
        assertTrue(line.startsWith("gcl ablate: --out: the name") && line.contains("300 bytes"), line);
        Files.writeString(dir.resolve("afile"), "x");
        line = refused(args(base, "--seeds", "1", "--out", dir.resolve("afile/rows.csv").toString()));
        assertTrue(line.contains(dir.resolve("afile") + " is a file, not a folder"), line);
        line = refused(args(base, "--seeds", "1", "--out", data.resolve("ground_truth.csv").toString()));
        assertTrue(line.contains("is inside --data " + data), line);
        line = refused(args(base, "--seeds", "1,1", "--out", dir.resolve("rows.csv").toString()));
        assertTrue(line.contains("name seed 1 more than once"), line);
        line = refused(args(List.of("ablate", "--data", data.toString(), "--cache", dir.resolve("afile").toString(),
                "--methods", "AE_AllData"), "--seeds", "1", "--out", dir.resolve("rows.csv").toString()));
        assertTrue(line.contains("--cache " + dir.resolve("afile") + " is a file; give a folder"), line);
        assertEquals(List.of(), runsIn(cache), "nothing trained");
    }

    @Test
    void anExperimentWithoutTestGroundTruthIsRefusedBeforeTraining() throws IOException {
        Path data = TinyData.write(dir.resolve("data"));
        Files.writeString(data.resolve("ground_truth.csv"), "id,start,end\n");
        Path cache = dir.resolve("cache");
        String line = refused(args(List.of("seeds", "--data", data.toString(), "--cache", cache.toString(), "--methods", "GCL_B",
                "--seeds", "1", "--out", dir.resolve("rows.csv").toString())));
        assertTrue(line.contains("has no test ground truth"), line);
        assertEquals(List.of(), runsIn(cache), "refused before any run trained");
    }

    @Test
    void aCachedRunWithADeletedCheckpointIsDamagedNotCached() throws IOException {
        Path data = TinyData.write(dir.resolve("data"));
        Path cache = dir.resolve("cache");
        String[] ablate = args(List.of("ablate", "--data", data.toString(), "--cache", cache.toString(), "--methods", "AE_AllData",
                "--seeds", "1", "--out", dir.resolve("rows.csv").toString()));
        assertEquals(0, DataCommandsTest.run(ablate)[0]);
        Path g = runsIn(cache).get(0).resolve(RunDirectory.CHECKPOINT).resolve(GclModel.GENERATOR_FILE);
        Files.delete(g);
        String line = refused(ablate);
        assertTrue(line.contains("damaged") && line.contains(g + " is missing") && line.contains("--fresh"), line);
        List<String> fresh = new ArrayList<>(Arrays.asList(ablate));
        fresh.add("--fresh");
        assertEquals(0, DataCommandsTest.run(fresh.toArray(String[]::new))[0]);
        assertTrue(Files.isRegularFile(g), "--fresh made it anew");
    }

    @Test
    void trainRunsTheChecksOfDataCheck() throws IOException {
        Path twins = TinyData.write(dir.resolve("twins"));
        Files.copy(twins.resolve("features/test2.npy"), twins.resolve("features/Test2.npy"));
        Files.writeString(twins.resolve("splits/train.txt"), Files.readString(twins.resolve("splits/train.txt")) + "Test2\n");
        Files.writeString(twins.resolve("videos.csv"), Files.readString(twins.resolve("videos.csv")) + "Test2,48,normal\n");
        String line = refused(args(List.of("train", "--data", twins.toString(), "--out", dir.resolve("r1").toString())));
        assertTrue(line.contains("video test2 and video Test2") && line.contains("differ only in case"), line);

        Path beyond = TinyData.write(dir.resolve("beyond"));
        Files.writeString(beyond.resolve("ground_truth.csv"), Files.readString(beyond.resolve("ground_truth.csv")) + "test0,100,200\n");
        line = refused(args(List.of("train", "--data", beyond.toString(), "--out", dir.resolve("r2").toString())));
        assertTrue(line.contains("interval [100, 200) of video test0 ends after its 48 frames"), line);
        assertFalse(Files.exists(dir.resolve("r1")) || Files.exists(dir.resolve("r2")), "nothing trained");
    }

    @Test
    void configValuesOfTheWrongTypeAreNamedInWords() throws IOException {
        Path data = TinyData.write(dir.resolve("data"));
        String line = refused("train", "--data", data.toString(), "--out", dir.resolve("r").toString(), "--set", "batchSize=big");
        assertTrue(line.endsWith("field batchSize takes a whole number, got \"big\""), line);
        line = refused("train", "--data", data.toString(), "--out", dir.resolve("r").toString(), "--set", "generatorHidden=abc");
        assertTrue(line.contains("field generatorHidden takes a list of whole numbers"), line);
    }

    @Test
    void flagsOutOfRangeAreNamedByTheFlag() throws IOException {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        Files.writeString(videos.resolve("a.avi"), "not decoded: the options are refused first");
        String out = dir.resolve("ds").toString();
        assertTrue(refused("extract", "--videos", videos.toString(), "--out", out, "--fps", "-5").contains("--fps takes a frame rate"));
        assertTrue(refused("extract", "--videos", videos.toString(), "--out", out, "--dim", "0").contains("--dim takes"));
        assertTrue(refused("extract", "--videos", videos.toString(), "--out", out, "--segment", "0").contains("--segment takes"));
        assertTrue(refused("extract", "--videos", videos.toString(), "--out", out, "--threads", "0").contains("--threads takes 1 or more"));
        Path data = TinyData.write(dir.resolve("data"));
        String line = refused("train", "--data", data.toString(), "--out", dir.resolve("r").toString(), "--variant", "gcl-ws",
                "--weak-labels", "150");
        assertTrue(line.endsWith("--weak-labels takes a percentage from 0 to 100, got 150.0"), line);
    }

    @Test
    void everyCommandsDescriptionInTheHelpIsAWholeSentence() {
        Object[] r = DataCommandsTest.run("--help");
        String commands = ((String) r[1]).substring(((String) r[1]).indexOf("Commands:"));
        List<String> entries = new ArrayList<>();
        for (String l : commands.lines().skip(1).toList()) {
            if (l.startsWith("  ") && !l.startsWith("   ")) {
                entries.add(l.strip());
            } else if (!entries.isEmpty() && !l.isBlank()) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + l.strip());
            }
        }
        assertTrue(entries.size() >= 9, commands);
        for (String e : entries) {
            assertTrue(e.endsWith("."), "cut mid-sentence: " + e);
        }
    }
}
