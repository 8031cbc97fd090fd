package gcl.experiment;

import gcl.RunConfig;
import gcl.c2fpl.AnomalyClassifier;
import gcl.c2fpl.C2fplModel;
import gcl.data.Dataset;
import gcl.eval.Evaluation;
import gcl.eval.Metrics;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.GclTrainer;
import gcl.train.RunDirectory;
import gcl.train.RunRecord;
import gcl.train.RunState;
import gcl.train.Schedule;
import gcl.train.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * One run: a config trained on a dataset's training split (test AUC per epoch in the history when
 * the test split has ground truth), then evaluated after its last configured epoch, kept in a
 * {@link RunDirectory}. The CLI's {@code gcl train}, the notebooks and {@link Experiment} all make
 * runs here; a finished run is read back with {@link #read}.
 *
 * <p>The reported numbers are always the model's after the configured number of epochs, never the
 * epoch with the best test AUC.
 *
 * <p>A run of C2FPL ({@code gcl.c2fpl}, a {@link gcl.c2fpl.C2fplConfig}) is a run too, made by
 * {@link Experiment#run} and read back here: its config is C2FPL's, its metrics have no AUC_G or AUC_D,
 * its history is the classifier's, and its model is {@link #classifier()} instead of {@link #model()}.
 */
public final class Run {
    private final String name;
    private final RunConfig config;
    private final Metrics metrics;
    private final Table history;
    private final Path dir;
    private final boolean fromCache;
    private final double seconds;
    private final TrainingResult training;
    private final C2fplModel c2fpl;

    /**
     * @param name      the trial's name, e.g. {@code GCL_B}
     * @param config    its full config (seed included)
     * @param metrics   frame-level metrics after the last epoch; null when the test split has no ground truth
     * @param history   the per-epoch training history (test AUC columns for plots only)
     * @param dir       its run directory, or null when it was kept in memory only
     * @param fromCache whether it was read back rather than trained now
     * @param seconds   how long it took to get it (training, or reading back)
     * @param training  what GCL's training returned (the model in memory), or null for a run read back or of C2FPL
     * @param c2fpl     the C2FPL model in memory, or null for a run read back or of GCL
     */
    Run(String name, RunConfig config, Metrics metrics, Table history, Path dir, boolean fromCache, double seconds,
        TrainingResult training, C2fplModel c2fpl) {
        this.name = name;
        this.config = config;
        this.metrics = metrics;
        this.history = history;
        this.dir = dir;
        this.fromCache = fromCache;
        this.seconds = seconds;
        this.training = training;
        this.c2fpl = c2fpl;
    }

    /**
     * Trains and evaluates a config.
     *
     * @param dir   where to keep manifest, checkpoints, history and metrics; null keeps nothing on disk
     * @param quiet no progress lines
     */
    public static Run train(String name, Dataset data, GclConfig config, Path dir, boolean quiet) {
        return train(name, data, trainer(data, config, quiet), dir);
    }

    /** As {@link #train(String, Dataset, GclConfig, Path, boolean)}, with a trainer made on {@code data}'s training split. */
    static Run train(String name, Dataset data, GclTrainer trainer, Path dir) {
        long start = System.nanoTime();
        GclConfig config = trainer.config();

        RunDirectory run = null;
        if (dir != null) {
            run = new RunDirectory(dir);
            try {
                if (run.hasCheckpoint()) {
                    throw new IllegalArgumentException(dir + " already holds a run: resume it or choose another folder");
                }
                run.writeManifest(RunDirectory.Manifest.now(config, data));
            } catch (IOException e) {
                throw new UncheckedIOException(dir + ": cannot write the run manifest: " + e.getMessage(), e);
            }
            trainer.checkpointsIn(run);
        }
        return finish(name, data, trainer.train(), run, start);
    }

    /** Continues an interrupted run from its last checkpoint (same data required: the fingerprints must match). */
    public static Run resume(String name, Path dir, Dataset data, boolean quiet) {
        long start = System.nanoTime();
        RunDirectory run = new RunDirectory(dir);
        try {
            RunDirectory.Manifest manifest = run.readManifest();
            if (!manifest.dataFingerprint().equals(data.fingerprint())) {
                throw new IllegalArgumentException(dir + ": the run was trained on data " + manifest.dataFingerprint()
                        + " but this dataset is " + data.fingerprint());
            }
            GclTrainer trainer = trainer(data, manifest.config(), quiet).checkpointsIn(run);
            return finish(name, data, trainer.resume(), run, start);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * A finished run read back from its directory.
     *
     * @throws IllegalStateException (or UncheckedIOException) naming the file when the run is not finished
     *                               ({@link RunState}: unfinished, or its files do not match its record), or its
     *                               manifest or metrics are missing or unreadable
     */
    public static Run read(String name, Path dir) {
        long start = System.nanoTime();
        RunDirectory run = new RunDirectory(dir);
        RunState state = RunState.of(dir);
        if (!state.finished()) {
            throw new IllegalStateException(state.describe());
        }
        if (C2fplRun.holds(dir)) {
            return C2fplRun.read(name, dir);
        }
        if (!Files.isRegularFile(run.metricsFile())) {
            throw new IllegalStateException(run.metricsFile() + " is missing, so the run cannot be read back");
        }
        try {
            GclConfig config = run.readManifest().config();
            Metrics metrics = Metrics.fromTable(run.readMetrics(), run.metricsFile().toString());
            return new Run(name, config, metrics, run.readHistory(), dir, true, (System.nanoTime() - start) / 1e9, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** A trainer of {@code config} on {@code data}'s training split, recording the test AUC per epoch where the test split has ground truth. */
    static GclTrainer trainer(Dataset data, GclConfig config, boolean quiet) {
        GclTrainer trainer = new GclTrainer(config, data.train());
        if (quiet) {
            trainer.quiet();
        }
        if (Evaluation.hasGroundTruth(data.test())) {
            trainer.listener(Evaluation.testAuc(data.test(), data.info().segmentSize()));
        }
        return trainer;
    }

    private static Run finish(String name, Dataset data, TrainingResult result, RunDirectory run, long start) {
        Metrics metrics = null;
        if (Evaluation.hasGroundTruth(data.test())) {
            metrics = Evaluation.evaluate(result.model(), data.test(), data.info().segmentSize());
            if (run != null) {
                try {
                    run.writeMetrics(metrics.table());
                } catch (IOException e) {
                    throw new UncheckedIOException(run.metricsFile() + ": " + e.getMessage(), e);
                }
            }
        }
        if (run != null) {
            try {
                RunRecord.write(run, Schedule.of(result.model().config()).size());
            } catch (IOException e) {
                throw new UncheckedIOException(run.root() + ": cannot record the finished run: " + e.getMessage(), e);
            }
        }
        return new Run(name, result.model().config(), metrics, result.history().table(), run == null ? null : run.root(),
                false, (System.nanoTime() - start) / 1e9, result, null);
    }

    /**
     * The same run in another folder, as a run cache keeps it once moved into place: without the
     * model in memory (an experiment of many full-profile runs would hold gigabytes of networks),
     * {@link #model()} loads it from the folder.
     */
    Run movedTo(Path newDir, double totalSeconds) {
        return new Run(name, config, metrics, history, newDir, fromCache, totalSeconds, null, null);
    }

    /**
     * This run as the process that made it reported it: whether it came from the cache, and how long
     * getting it took there. The spark module reads back the runs its executors made into the cache
     * ({@link #read}) and reports them with this, so its table rows are those of {@link Experiment}.
     */
    public Run reportedAs(boolean cached, double totalSeconds) {
        return new Run(name, config, metrics, history, dir, cached, totalSeconds, null, null);
    }

    /** The trial's name. */
    public String name() {
        return name;
    }

    /** The full config (seed included): a {@link GclConfig} or a {@link gcl.c2fpl.C2fplConfig}. */
    public RunConfig config() {
        return config;
    }

    /**
     * The config of a GCL run.
     *
     * @throws IllegalStateException for a run of another method (C2FPL), naming it
     */
    public GclConfig gclConfig() {
        if (config instanceof GclConfig c) {
            return c;
        }
        throw new IllegalStateException(name + " is a " + config.method() + " run, not a GCL run");
    }

    /** Frame-level metrics after the last configured epoch; null when the test split has no ground truth. */
    public Metrics metrics() {
        return metrics;
    }

    /** The per-epoch training history (see {@link gcl.train.TrainingHistory#table()}). */
    public Table history() {
        return history;
    }

    /** The run directory, or null for a run kept in memory only. */
    public Path dir() {
        return dir;
    }

    /** Whether the run was read back rather than trained now. */
    public boolean fromCache() {
        return fromCache;
    }

    /** How long it took to get the run now: training, or reading it back. */
    public double seconds() {
        return seconds;
    }

    /** What training returned (model, history, TD cleaning, weak labels), or null for a run read back. */
    public TrainingResult training() {
        return training;
    }

    /**
     * The trained model (G, and D for GCL variants): in memory after training, else loaded from the run directory.
     *
     * @throws IllegalStateException for a C2FPL run (its model is {@link #classifier()})
     */
    public GclModel model() {
        if (!(config instanceof GclConfig)) {
            throw new IllegalStateException(name + " is a run of " + config.method() + ", not of GCL: its model is classifier()");
        }
        if (training != null) {
            return training.model();
        }
        try {
            return new RunDirectory(dir).loadModel();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * The classifier of a C2FPL run: in memory after training, else loaded from the run directory.
     *
     * @throws IllegalStateException for a run of GCL (its model is {@link #model()})
     */
    public AnomalyClassifier classifier() {
        if (c2fpl != null) {
            return c2fpl.classifier();
        }
        if (dir == null || !C2fplRun.holds(dir)) {
            throw new IllegalStateException(name + " is not a C2FPL run kept in a folder: a GCL run's model is model()");
        }
        return C2fplRun.classifier(dir);
    }

    /**
     * What a C2FPL run's training saw, without any ground truth ({@link C2fplModel#summary()}: shares
     * pseudo-labelled anomalous, the normal model, label entropy, the classifier's fit to its labels).
     *
     * @throws IllegalStateException for a run of GCL (its signals are in {@link #history()})
     */
    public Table c2fplSummary() {
        if (c2fpl != null) {
            return c2fpl.summary();
        }
        if (dir == null || !C2fplRun.holds(dir)) {
            throw new IllegalStateException(name + " is not a C2FPL run kept in a folder");
        }
        return C2fplRun.summary(dir);
    }

    /**
     * How long training took, summed over the epochs of its history (pre-training included), even
     * when the run was read back from the cache; NaN when the history has no {@code seconds}.
     */
    public double trainingSeconds() {
        if (!history.columnNames().contains("seconds")) {
            return Double.NaN;
        }
        double sum = 0;
        var column = history.column("seconds");
        for (int i = 0; i < history.rowCount(); i++) {
            if (!column.isMissing(i)) {
                sum += ((Number) column.get(i)).doubleValue();
            }
        }
        return sum;
    }

    /** Frame-level AUC in percent, as the paper reports it. */
    public double aucPercent() {
        return 100 * metrics.auc();
    }

    @Override
    public String toString() {
        return "Run[" + name + ", " + (metrics == null ? "no metrics" : metrics) + (dir == null ? "" : ", " + dir) + "]";
    }
}
