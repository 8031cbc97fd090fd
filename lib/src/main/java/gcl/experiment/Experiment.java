package gcl.experiment;

import gcl.AtomicFiles;
import gcl.Log;
import gcl.Progress;
import gcl.RunConfig;
import gcl.c2fpl.C2fplConfig;
import gcl.data.Dataset;
import gcl.eval.Evaluation;
import gcl.train.GclConfig;
import gcl.train.GclTrainer;
import gcl.train.RunDirectory;
import gcl.train.TrainingInterruptedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Runs trials on one dataset, reusing finished runs from the {@link RunCache}.
 *
 * <pre>{@code
 * var exp = Experiment.on(data);                       // default cache, progress lines
 * Run b = exp.run("GCL_B", config.withVariant(Variant.GCL_B));
 * Table t = exp.runAll(PaperTrials.table2(config), List.of(1L, 2L, 3L));
 * }</pre>
 *
 * Every run is trained exactly as {@link Run#train} does (a C2FPL config as {@code gcl.c2fpl.C2fpl#train}
 * does); the result reported is the model after the configured number of epochs, never the epoch with the
 * best test AUC.
 */
public final class Experiment {
    private final Dataset data;
    private RunCache cache = RunCache.defaultCache();
    private boolean fresh;
    private boolean quiet;
    private boolean epochProgress;

    private Experiment(Dataset data) {
        this.data = data;
    }

    /** An experiment on a dataset, with the default cache. */
    public static Experiment on(Dataset data) {
        return new Experiment(data);
    }

    /** Use another cache folder. */
    public Experiment cache(RunCache other) {
        this.cache = other;
        return this;
    }

    /** Train every run anew even when the cache has it (the new run replaces the cached one). */
    public Experiment fresh(boolean value) {
        this.fresh = value;
        return this;
    }

    /** No progress lines. */
    public Experiment quiet(boolean value) {
        this.quiet = value;
        return this;
    }

    /**
     * Progress lines during each run's training too, not only one line per run: worth it where a
     * run takes long (the full profile). Off by default.
     */
    public Experiment epochProgress(boolean value) {
        this.epochProgress = value;
        return this;
    }

    public Dataset data() {
        return data;
    }

    public RunCache cache() {
        return cache;
    }

    /**
     * One run of a config: read back from the cache when it holds it (and not fresh), else trained now.
     * A {@link GclConfig} trains GCL; a {@link C2fplConfig} trains C2FPL, which has no checkpoint to resume
     * (an interrupted C2FPL run is trained again).
     */
    public Run run(String name, RunConfig config) {
        if (!(config instanceof GclConfig || config instanceof C2fplConfig)) {
            throw new IllegalArgumentException("no training for a config of the method " + config.method());
        }
        requireTestGroundTruth(data);
        long start = System.nanoTime();
        boolean quietEpochs = quiet || !epochProgress;
        // GCL decides auto centring on the training split here, once; C2FPL has no trainer
        GclTrainer trainer = config instanceof GclConfig gcl ? Run.trainer(data, gcl, quietEpochs) : null;
        String key = trainer != null ? RunCache.key(trainer.config(), data) : RunCache.key((C2fplConfig) config, data);
        if (!fresh && cache.has(key)) {
            return readCached(name, key);
        }
        RunCache.Work work = cache.claim(key); // waits while another process or thread makes this run
        if (!fresh && cache.has(key)) {
            // made by the one this claim waited for
            work.close();
            if (!work.interrupted()) {
                deleteQuietly(work.dir());
            }
            return readCached(name, key);
        }
        try {
            Run result = trainer == null ? C2fplRun.train(name, data, (C2fplConfig) config, work.dir(), quiet)
                    : work.interrupted() ? resume(name, work.dir(), quietEpochs, trainer)
                    : Run.train(name, data, trainer, work.dir());
            Path dir = cache.admit(key, work.dir());
            work.close();
            // ND4J frees an array's native memory only when the JVM collects its Java object, and a
            // run leaves gigabytes of such garbage (batches, the networks) behind a small heap: collect
            // it between runs, so that an experiment of many full-profile runs does not grow without bound.
            System.gc();
            return result.movedTo(dir, (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(work.dir() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            work.close();
            if (!(e instanceof TrainingInterruptedException)) {
                deleteQuietly(work.dir()); // an interrupted run keeps its checkpoint: the next run of its key resumes it
            }
            throw e;
        }
    }

    /**
     * Refuses, before anything trains, a dataset whose test split has no ground truth: an experiment
     * reports each run's AUC.
     */
    public static void requireTestGroundTruth(Dataset data) {
        if (!Evaluation.hasGroundTruth(data.test())) {
            throw new IllegalArgumentException("dataset " + data.info().name() + " has no test ground truth to score against"
                    + " (its test frames are not both anomalous and normal somewhere in ground_truth.csv): experiments report"
                    + " each run's AUC, which needs both");
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            AtomicFiles.deleteTree(dir);
        } catch (IOException ignored) {
            // a folder beside the cache that the next claim of its key removes
        }
    }

    /** A finished run from the cache; a damaged entry (a file of it deleted or broken) says how to make it anew. */
    private Run readCached(String name, String key) {
        try {
            return Run.read(name, cache.dir(key));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the cached run is damaged: " + e.getMessage() + "; train it anew with"
                    + " --fresh (Experiment.fresh(true) in a notebook), or delete the folder " + cache.dir(key), e);
        }
    }

    /** Continues an interrupted run from its last checkpoint; one that cannot be resumed is trained anew. */
    private Run resume(String name, Path dir, boolean quietEpochs, GclTrainer trainer) throws IOException {
        if (!quiet) {
            Log.info(name + ": resuming an interrupted run from its last checkpoint (" + dir.getFileName() + ")");
        }
        try {
            return Run.resume(name, dir, data, quietEpochs);
        } catch (TrainingInterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (!quiet) {
                Log.info(name + ": cannot resume (" + e.getMessage() + "); training anew");
            }
            new RunDirectory(dir).clearForRetraining();
            return Run.train(name, data, trainer, dir);

        }
    }

    /** One run of a trial. */
    public Run run(Trial trial) {
        return run(trial.name(), trial.config());
    }

    /**
     * Every trial with every seed: trials in order, seeds inside. A run that fails does not stop the
     * others: its method, seed and message are kept and the next run goes on, so that one diverged
     * or degenerate setting does not lose the work of the rest (finished runs are in the cache).
     *
     * @throws RunsFailed after the last run when one or more failed: it names each (method, seed) and
     *                    holds the runs that finished
     */
    public List<Run> runs(List<Trial> trials, List<Long> seeds) {
        List<Run> runs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Progress progress = quiet ? Progress.silent("experiment", "runs", (long) trials.size() * seeds.size())
                : new Progress("experiment", "runs", (long) trials.size() * seeds.size());
        for (Trial trial : trials) {
            for (long seed : seeds) {
                String what = trial.name() + " seed " + seed;
                Run r;
                try {
                    r = run(trial.withSeed(seed));
                } catch (RuntimeException e) {
                    String message = what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    if (Thread.currentThread().isInterrupted() || e instanceof TrainingInterruptedException) {
                        throw e; // the user stopped the experiment: no further run
                    }
                    failures.add(message);
                    if (!quiet) {
                        Log.warn(message + " (going on with the other runs)");
                    }
                    progress.step();
                    continue;
                }
                runs.add(r);
                progress.step(String.format(Locale.ROOT, "%s: AUC %.2f%s", what, r.aucPercent(), r.fromCache() ? " (cached)" : ""));
            }
        }
        if (!failures.isEmpty()) {
            throw new RunsFailed(runs, failures);
        }
        return runs;
    }

    /**
     * Some runs of {@link #runs} failed; the others finished (and are cached). Its message is one
     * line: how many failed, then each failure as "METHOD seed N: why".
     */
    public static final class RunsFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Run> finished;
        private final List<String> failures;

        RunsFailed(List<Run> finished, List<String> failures) {
            super(failures.size() + " of " + (finished.size() + failures.size()) + " runs failed (" + finished.size()
                    + " finished and cached): " + String.join("; ", failures));
            this.finished = List.copyOf(finished);
            this.failures = List.copyOf(failures);
        }

        /** The runs that finished, in order. */
        public List<Run> finished() {
            return finished;
        }

        /** One line per failed run: "METHOD seed N: why". */
        public List<String> failures() {
            return failures;
        }
    }

    /** Every trial with every seed, as a table of one row per (method, seed); see {@link #table(List)}. */
    public Table runAll(List<Trial> trials, List<Long> seeds) {
        return table(runs(trials, seeds));
    }

    /**
     * One row per run: method, preset (the recipe, {@link gcl.train.Preset}; {@code paper} for C2FPL), seed, AUC % (configured
     * score source; C2FPL's classifier), AUC_G %, AUC_D % (NaN for C2FPL, which has neither G nor D), AP %,
     * seconds (to get it now: training, or reading back), train s (how long training took, cached or
     * not), cached, run (its cache key), then the run's training diagnostics ({@link Symptoms#SIGNALS}:
     * signals that need no test labels, rounded to 2 decimals).
     */
    public static Table table(List<Run> runs) {
        StringColumn method = StringColumn.create("method");
        StringColumn preset = StringColumn.create("preset");
        IntColumn seed = IntColumn.create("seed");
        DoubleColumn auc = DoubleColumn.create("AUC %");
        DoubleColumn aucG = DoubleColumn.create("AUC_G %");
        DoubleColumn aucD = DoubleColumn.create("AUC_D %");
        DoubleColumn ap = DoubleColumn.create("AP %");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        DoubleColumn training = DoubleColumn.create("train s");
        BooleanColumn cached = BooleanColumn.create("cached");
        StringColumn run = StringColumn.create("run");
        Map<String, DoubleColumn> signals = new LinkedHashMap<>();
        Symptoms.SIGNALS.keySet().forEach(k -> signals.put(k, DoubleColumn.create(k)));
        for (Run r : runs) {
            Map<String, Double> d = Symptoms.of(r.history());
            signals.forEach((k, c) -> c.append(round(d.get(k))));
            method.append(r.name());
            preset.append(r.config().presetId());
            seed.append((int) r.config().seed());
            auc.append(round(100 * r.metrics().auc()));
            aucG.append(round(100 * r.metrics().aucGenerator()));
            aucD.append(round(100 * r.metrics().aucDiscriminator()));
            ap.append(round(100 * r.metrics().averagePrecision()));
            seconds.append(Math.round(r.seconds() * 10) / 10.0);
            training.append(Math.round(r.trainingSeconds() * 10) / 10.0);
            cached.append(r.fromCache());
            run.append(r.dir().getFileName().toString());
        }
        Table t = Table.create("runs", method, preset, seed, auc, aucG, aucD, ap, seconds, training, cached, run);
        signals.values().forEach(t::addColumns);
        return t;
    }

    static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
    }

    /**
     * Reads back a runs table written by {@link #writeCsv} (e.g. by {@code gcl ablate}): the AUC, AP
     * and seconds columns come back as numbers with decimals even when every value is whole.
     */
    public static Table readCsv(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException(file + ": no such runs table"));
        }
        try {
            return Table.read().csv(CsvReadOptions.builder(file.toFile())
                    .missingValueIndicator("", "NaN")
                    .columnTypesPartial(name -> name.endsWith("%") || name.endsWith(" s") || name.equals("seconds")
                            ? Optional.of(ColumnType.DOUBLE)
                            : Optional.empty())
                    .build());
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + ": not a runs table: " + e.getMessage(), e);
        }
    }

    /** Writes a table as CSV with a header row. */
    public static void writeCsv(Table table, Path file) {
        try {
            AtomicFiles.write(file, tmp -> table.write().csv(tmp.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
