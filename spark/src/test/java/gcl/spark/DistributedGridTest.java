package gcl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Profile;
import gcl.data.Dataset;
import gcl.experiment.Experiment;
import gcl.experiment.PaperTrials;
import gcl.experiment.RunCache;
import gcl.experiment.Trial;
import gcl.synth.SyntheticFeatures;
import gcl.train.GclConfig;
import gcl.train.Preset;
import gcl.train.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** gcl-spark's experiment grid against Experiment.runAll (what gcl ablate runs) on the quick synthetic set, in local[2]. */
class DistributedGridTest {
    /** The columns that say how long something took: the only ones allowed to differ. */
    static final List<String> TIMING = List.of("seconds", "train s");

    @TempDir
    static Path shared;

    static Path dataDir;
    static Dataset data;
    static List<Trial> trials;
    static final List<Long> SEEDS = List.of(1L);
    static Path plainCache;
    static Table plainRows;

    @BeforeAll
    static void runOnOneMachine() throws IOException {
        dataDir = shared.resolve("synthetic-quick");
        data = SyntheticFeatures.write(Profile.QUICK, 0, dataDir);
        trials = PaperTrials.variants(GclConfig.forProfile(Preset.ROBUST, Profile.QUICK), Variant.AE_ALL_DATA, Variant.GCL_B);
        plainCache = shared.resolve("plain-runs");
        plainRows = Experiment.on(data).cache(new RunCache(plainCache)).quiet(true).runAll(trials, SEEDS);
    }

    /** A run folder's text with its timings and its clock time blanked. */
    static String withoutTimings(String file, String text) {
        if (file.endsWith("history.csv")) {
            Table t = Table.read().csv(text, file);
            return t.removeColumns("seconds").write().toString("csv");
        }
        return text.replaceAll("\"seconds\" : [0-9.Ee-]+", "\"seconds\" : _").replaceAll("\"created\" : \"[^\"]*\"", "\"created\" : _");
    }

    static void assertSameRows(Table expected, Table actual) {
        Table e = expected.copy().removeColumns(TIMING.toArray(String[]::new));
        Table a = actual.copy().removeColumns(TIMING.toArray(String[]::new));
        assertEquals(e.write().toString("csv"), a.write().toString("csv"));
    }

    /** Fails the first attempt of one run's task, as a lost executor would. */
    record FailFirstAttempt(String label) implements TaskProbe {
        static final AtomicInteger FAILED = new AtomicInteger();

        @Override
        public void reached(Step step, String id) {
            if (step == Step.RUN_STARTING && id.equals(label) && TaskContext.get().attemptNumber() == 0) {
                FAILED.incrementAndGet();
                throw new IllegalStateException("executor lost (test)");
            }
        }
    }

    @Test
    void theSameRunCacheEntriesAndRowsAsOneMachineEvenWhenATaskIsRetried(@TempDir Path dir) throws Exception {
        RunCache cache = new RunCache(dir.resolve("runs"));
        int before = FailFirstAttempt.FAILED.get();
        Table rows = DistributedGrid.run(LocalSpark.get(), dataDir, data, cache, trials, SEEDS, false, true,
                new FailFirstAttempt("GCL_B seed 1"));
        assertEquals(before + 1, FailFirstAttempt.FAILED.get(), "GCL_B's first attempt failed");

        assertSameRows(plainRows, rows);
        assertTrue(rows.booleanColumn("cached").asList().stream().noneMatch(b -> b), "both trained now");
        SameFiles.assertSame(plainCache, cache.root(), DistributedGridTest::withoutTimings);
        try (Stream<Path> runs = Files.list(cache.root())) {
            // the keys' lock files (.KEY.lock, RunCache) stay beside the run folders by design
            assertEquals(2, runs.filter(Files::isDirectory).count(), "one folder per run, no leftover work folder");
        }

        Table again = DistributedGrid.run(LocalSpark.get(), dataDir, data, cache, trials, SEEDS, false, true, TaskProbe.NONE);
        assertTrue(again.booleanColumn("cached").asList().stream().allMatch(b -> b), "read back from the cache");
        assertEquals(rows.column("AUC %").asList(), again.column("AUC %").asList());
    }
}
