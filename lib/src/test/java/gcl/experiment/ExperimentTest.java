package gcl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.data.Dataset;
import gcl.train.GclConfig;
import gcl.train.GclTrainer;
import gcl.train.Variant;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

public class ExperimentTest {
    @Test
    void aSecondRunWithTheSameConfigComesFromTheCache(@TempDir Path dir) {
        Dataset data = TinyData.dataset();
        Experiment exp = Experiment.on(data).cache(new RunCache(dir)).quiet(true);
        Run first = exp.run("GCL_B", TinyData.config());
        Run second = exp.run("GCL_B", TinyData.config());
        assertFalse(first.fromCache());
        assertTrue(second.fromCache());
        assertEquals(first.metrics().auc(), second.metrics().auc(), 1e-12);
        assertEquals(first.history().rowCount(), second.history().rowCount());
        assertEquals(first.dir(), second.dir());
        assertTrue(first.trainingSeconds() > 0, "the history records how long training took");
        assertEquals(first.trainingSeconds(), second.trainingSeconds(), 1e-9,
                "a cached run still reports its training time, not the time to read it back");
        Run fresh = exp.fresh(true).run("GCL_B", TinyData.config());
        assertFalse(fresh.fromCache());
        assertEquals(first.metrics().auc(), fresh.metrics().auc(), 1e-12, "same seed, same numbers");
    }

    @Test
    void theKeyDependsOnConfigSeedDataAndCode() {
        GclConfig c = TinyData.config();
        assertEquals(RunCache.key(c, "a"), RunCache.key(TinyData.config(), "a"));
        assertNotEquals(RunCache.key(c, "a"), RunCache.key(c.withSeed(2), "a"));
        assertNotEquals(RunCache.key(c, "a"), RunCache.key(c, "b"));
        assertNotEquals(RunCache.key(c, "a"), RunCache.key(c.withEpochs(3), "a"));
        assertEquals(RunCache.key(c, "a"), RunCache.key(c, "a", gcl.Version.library() + "/" + gcl.Version.deeplearning4j()
                + "/" + gcl.Version.methodCode()), "the key includes this build's method code");
        assertNotEquals(RunCache.key(c, "a", "0.1.0/1.0.0-M2.1/aaaa"), RunCache.key(c, "a", "0.1.0/1.0.0-M2.1/bbbb"),
                "a fix to the method's code makes a new key, even under the same version number");
    }

    @Test
    void runAllGivesOneRowPerMethodAndSeed(@TempDir Path dir) {
        Experiment exp = Experiment.on(TinyData.dataset()).cache(new RunCache(dir)).quiet(true);
        List<Trial> trials = PaperTrials.variants(TinyData.config(), Variant.AE_ALL_DATA, Variant.GCL_B);
        Table runs = exp.runAll(trials, List.of(1L, 2L));
        assertEquals(4, runs.rowCount());
        assertEquals(List.of("AE_AllData", "AE_AllData", "GCL_B", "GCL_B"), runs.stringColumn("method").asList());
        Table summary = Summaries.summary(runs);
        assertEquals(2, summary.rowCount());
        assertEquals(2, summary.intColumn("seeds").get(0));
        Table compare = Summaries.compare(summary, "tiny");
        assertEquals(56.32, compare.doubleColumn("paper: UCF-Crime AUC %").get(0), 1e-9);
    }

    @Test
    void seedListsParse() {
        assertEquals(List.of(1L, 2L, 3L, 7L), PaperTrials.parseSeeds("1-3, 7"));
        assertEquals(10, PaperTrials.parseSeeds("1-10").size());
        assertThrows(IllegalArgumentException.class, () -> PaperTrials.parseSeeds("a,b"));
        assertThrows(IllegalArgumentException.class, () -> PaperTrials.parseSeeds("5-1"));
    }

    @Test
    void summaryUsesTheSampleStandardDeviation() {
        Table runs = Table.create("runs", tech.tablesaw.api.StringColumn.create("method", "A", "A", "A", "B"),
                tech.tablesaw.api.DoubleColumn.create("AUC %", 60, 62, 64, 70.125));
        Table s = Summaries.summary(runs);
        assertEquals(List.of("method", "seeds", "mean AUC %", "std", "min", "max"), s.columnNames());
        assertEquals(62, s.doubleColumn("mean AUC %").get(0), 1e-9);
        assertEquals(2, s.doubleColumn("std").get(0), 1e-9);
        assertEquals(60, s.doubleColumn("min").get(0), 0);
        assertEquals(64, s.doubleColumn("max").get(0), 0);
        assertEquals(70.13, s.doubleColumn("mean AUC %").get(1), 1e-9, "rounded to 2 decimals");
        assertEquals(0, s.doubleColumn("std").get(1), 0, "one seed: 0, as the tables have always shown it");
    }

    @Test
    void orderingRanksOursAndThePapers() {
        Table summary = Table.create("s", tech.tablesaw.api.StringColumn.create("method", "GCL_B", "AE_AllData", "no paper"),
                tech.tablesaw.api.IntColumn.create("seeds", 3, 3, 3),
                tech.tablesaw.api.DoubleColumn.create("mean AUC %", 60, 70, 99));
        Table o = Summaries.ordering(summary);
        assertEquals(List.of("GCL_B", "AE_AllData"), o.stringColumn("method").asList());
        assertEquals(List.of(2, 1), o.intColumn("ours: rank").asList());
        assertEquals(List.of(1, 2), o.intColumn("paper: rank").asList());
        assertEquals(List.of(false, false), o.booleanColumn("same rank").asList());
    }

    @Test
    void aRunsTableReadsBackWithDecimalColumns(@TempDir Path dir) {
        Table runs = Table.create("runs", tech.tablesaw.api.StringColumn.create("method", "GCL_B", "GCL_PT"),
                tech.tablesaw.api.IntColumn.create("seed", 1, 1),
                tech.tablesaw.api.DoubleColumn.create("AUC %", 70, 71.5),
                tech.tablesaw.api.DoubleColumn.create("train s", 1200, 1800));
        Path file = dir.resolve("runs.csv");
        Experiment.writeCsv(runs, file);
        Table back = Experiment.readCsv(file);
        assertEquals(List.of(70.0, 71.5), back.doubleColumn("AUC %").asList());
        assertEquals(1200.0, back.doubleColumn("train s").get(0), 1e-9);
        assertEquals(List.of(70.0, 71.5), Summaries.summary(back).doubleColumn("mean AUC %").asList());
        var missing = assertThrows(RuntimeException.class, () -> Experiment.readCsv(dir.resolve("nothing.csv")));
        assertTrue(missing.getMessage().contains("nothing.csv"), missing.getMessage());
    }

    @Test
    void anInterruptedRunResumesFromItsLastCheckpoint(@TempDir Path dir) throws Exception {
        Dataset data = TinyData.dataset();
        GclConfig c = TinyData.config();
        RunCache cache = new RunCache(dir.resolve("runs"));
        String key = RunCache.key(new GclTrainer(c, data.train()).config(), data);
        // a run killed during its second epoch: its folder beside the cache holds epoch 1's checkpoint
        Path work = cache.workDir(key);
        gcl.train.RunDirectory runDir = new gcl.train.RunDirectory(work);
        runDir.writeManifest(gcl.train.RunDirectory.Manifest.now(c, data.info().name(), data.fingerprint()));
        var trainer = new GclTrainer(c, data.train()).quiet().checkpointsIn(runDir).listener((phase, epoch, model) -> {
            if (epoch == 2) {
                throw new IllegalStateException("killed");
            }
            return Map.of();
        });
        assertThrows(IllegalStateException.class, () -> trainer.train());
        double epochOneSeconds = runDir.loadState().history().get(0).seconds();

        Run resumed = Experiment.on(data).cache(cache).quiet(true).run("GCL_B", c);
        assertFalse(resumed.fromCache());
        assertEquals(2, resumed.history().rowCount());
        assertEquals(epochOneSeconds, resumed.history().doubleColumn("seconds").get(0), 0,
                "epoch 1 comes from the checkpoint, not trained again");
        assertFalse(Files.exists(work), "the folder moved into the cache");
        assertTrue(cache.has(key));
        Run uninterrupted = Experiment.on(data).cache(new RunCache(dir.resolve("other"))).quiet(true).run("GCL_B", c);
        assertEquals(uninterrupted.metrics().auc(), resumed.metrics().auc(), 1e-12, "resuming changes no number");
    }

    /** A run of a key another thread holds waits for it, then reads its result back instead of training again. */
    @Test
    void aRunOfAKeyBeingMadeWaitsAndReusesTheResult(@TempDir Path dir) throws Exception {
        Dataset data = TinyData.dataset();
        GclConfig c = TinyData.config();
        RunCache cache = new RunCache(dir.resolve("runs"));
        String key = RunCache.key(new GclTrainer(c, data.train()).config(), data);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Run> second;
            Run first;
            try (RunCache.Work work = cache.claim(key)) {
                second = other.submit(() -> Experiment.on(data).cache(cache).quiet(true).run("GCL_B", c));
                Thread.sleep(300);
                assertFalse(second.isDone(), "the second run waits while the key is held");
                first = Run.train("GCL_B", data, c, work.dir(), true);
                cache.admit(key, work.dir());
            }
            Run reused = second.get(60, TimeUnit.SECONDS);
            assertTrue(reused.fromCache(), "read back, not trained a second time");
            assertEquals(first.metrics().auc(), reused.metrics().auc(), 1e-12);
            assertTrue(Files.exists(dir.resolve("runs").resolve("." + key + ".lock")),
                    "the lock file stays after release (deleting it is a race)");
            try (var files = Files.list(dir.resolve("runs"))) {
                assertEquals(List.of(key, "." + key + ".lock"),
                        files.map(p -> p.getFileName().toString()).sorted(Comparator.reverseOrder()).toList(),
                        "one finished run, no work folder left");
            }
        } finally {
            other.shutdownNow();
        }
    }

    /** Two threads asking for the same run at once: exactly one trains it. */
    @Test
    void twoThreadsAskingForOneRunTrainItOnce(@TempDir Path dir) throws Exception {
        Dataset data = TinyData.dataset();
        RunCache cache = new RunCache(dir);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<Run> task = () -> {
                start.await();
                return Experiment.on(data).cache(cache).quiet(true).run("GCL_B", TinyData.config().withEpochs(4));
            };
            var a = pool.submit(task);
            var b = pool.submit(task);
            Run ra = a.get(120, TimeUnit.SECONDS);
            Run rb = b.get(120, TimeUnit.SECONDS);
            assertEquals(1, (ra.fromCache() ? 0 : 1) + (rb.fromCache() ? 0 : 1), "one of them trained, the other read back");
            assertEquals(ra.metrics().auc(), rb.metrics().auc(), 1e-12);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Another process holding a key (its file lock) makes this one wait until it lets go. */
    @Test
    void anotherProcessHoldingTheKeyMakesThisOneWait(@TempDir Path dir) throws Exception {
        String key = "0123456789abcdef";
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                HoldKey.class.getName(), dir.toString(), key).redirectErrorStream(true).start();
        try {
            var out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("held", out.readLine(), "the other process holds the key");
            RunCache cache = new RunCache(dir);
            var claimed = CompletableFuture.supplyAsync(() -> cache.claim(key));
            Thread.sleep(500);
            assertFalse(claimed.isDone(), "waits while another process holds the key");
            holder.getOutputStream().close(); // the holder lets go and exits
            try (RunCache.Work work = claimed.get(60, TimeUnit.SECONDS)) {
                assertFalse(work.interrupted(), "the holder left no checkpoint: a fresh folder");
            }
        } finally {
            holder.destroy();
        }
    }

    /** For {@link #anotherProcessHoldingTheKeyMakesThisOneWait}: claims a key, says "held", lets go when stdin closes. */
    public static final class HoldKey {
        public static void main(String[] args) throws Exception {
            try (RunCache.Work work = new RunCache(Path.of(args[0])).claim(args[1])) {
                System.out.println("held");
                System.out.flush();
                System.in.transferTo(OutputStream.nullOutputStream());
                Files.delete(work.dir());
            }
        }
    }

    /** A run that fails is named by method and seed; the runs after it still go on and are cached. */
    @Test
    void aFailedRunIsNamedByMethodAndSeedAndTheOthersGoOn(@TempDir Path dir) throws Exception {
        Dataset data = TinyData.dataset();
        RunCache cache = new RunCache(dir);
        Experiment exp = Experiment.on(data).cache(cache).quiet(true);
        List<Trial> trials = List.of(new Trial("GCL_B", TinyData.config().with("generatorThreshold", "mean+100std")),
                new Trial("AE_AllData", TinyData.config().withVariant(Variant.AE_ALL_DATA)));
        Experiment.RunsFailed e = assertThrows(Experiment.RunsFailed.class, () -> exp.runs(trials, List.of(1L, 2L)));
        assertEquals(2, e.failures().size(), e.getMessage());
        assertTrue(e.failures().get(0).startsWith("GCL_B seed 1: degenerate pseudo-labels"), e.failures().get(0));
        assertTrue(e.failures().get(1).startsWith("GCL_B seed 2: "), e.failures().get(1));
        assertTrue(e.getMessage().startsWith("2 of 4 runs failed"), e.getMessage());
        assertEquals(List.of(1L, 2L), e.finished().stream().map(r -> r.config().seed()).toList());
        for (Run r : e.finished()) {
            assertEquals("AE_AllData", r.name());
            assertTrue(cache.has(r.dir().getFileName().toString()), "a finished run is cached");
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("."))
                    .count(), "no folder of a failed run is left");
        }
    }

    /**
     * Kernel &gt; Interrupt during a run of an experiment: no cache entry that passes for finished, the
     * folder with the finished epochs kept, and the next run of the config resumes it to the same numbers.
     */
    @Test
    void anInterruptedRunIsNotCachedAndTheNextRunResumesIt(@TempDir Path dir) throws Exception {
        Dataset data = TinyData.dataset();
        GclConfig c = TinyData.config().withEpochs(120);
        RunCache cache = new RunCache(dir.resolve("runs"));
        String key = RunCache.key(new GclTrainer(c, data.train()).config(), data);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread cell = new Thread(() -> {
            try {
                Experiment.on(data).cache(cache).quiet(true).run("GCL_B", c);
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
        });
        cell.start();
        Path checkpoint = null;
        for (long end = System.nanoTime() + 60_000_000_000L; checkpoint == null && System.nanoTime() < end; Thread.sleep(10)) {
            try (var files = Files.list(dir.resolve("runs"))) {
                checkpoint = files.map(p -> p.resolve("checkpoint")).filter(Files::isDirectory).findFirst().orElse(null);
            } catch (IOException notYet) {
                // the cache folder is made by the run
            }
        }
        assertTrue(checkpoint != null, "the run saved its first epoch");
        cell.interrupt();
        Throwable t = failure.get(60, TimeUnit.SECONDS);
        assertTrue(t instanceof gcl.train.TrainingInterruptedException, String.valueOf(t));
        assertFalse(cache.has(key), "an interrupted run is not in the cache");
        assertFalse(Files.exists(cache.dir(key)));
        assertTrue(new gcl.train.RunDirectory(checkpoint.getParent()).hasCheckpoint(), "its finished epochs are kept");

        Run resumed = Experiment.on(data).cache(cache).quiet(true).run("GCL_B", c);
        assertFalse(resumed.fromCache());
        assertFalse(Files.exists(checkpoint.getParent()), "the interrupted folder was resumed and moved into the cache");
        assertTrue(cache.has(key));
        Run whole = Experiment.on(data).cache(new RunCache(dir.resolve("other"))).quiet(true).run("GCL_B", c);
        assertEquals(whole.metrics().auc(), resumed.metrics().auc(), 1e-12, "resuming changes no number");
        assertEquals(120, resumed.history().rowCount());
    }
}
