package gcl.train;

import gcl.Log;
import gcl.Progress;
import gcl.Seeds;
import gcl.clean.TemporalDifferenceFilter;
import gcl.clean.VideoCentring;
import gcl.data.FeatureSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a {@link GclConfig} on a training split: the data and the model are prepared once, then
 * the {@link Schedule} runs, every epoch drawing a fresh shuffle of its segments across all videos,
 * cut into batches of {@code batchSize} (section 3.1); an epoch of the loop runs
 * {@link GclModel#iterate} on each batch.
 *
 * <p>The config meets the training data here and only here: {@code auto} video centring is decided
 * on the split when the trainer is made, and {@link #config()} is the decided config that the model,
 * the run directory and the run cache all use.
 *
 * <p>Randomness comes only from the config's seed: the weights from streams {@code G.init} and
 * {@code D.init}, each epoch's batch order and pseudo targets from the sub-streams of
 * {@code "<phase>/<epoch>"}, the GCL_WS label draw from {@code weak-labels}. So the same seed gives
 * the same model, and a resumed run continues exactly as an uninterrupted one would.
 *
 * <p>With a {@link RunDirectory} the model, config and history are saved after every epoch.
 *
 * <p>Nothing meaningless comes back: features with NaN, Inf or absurd values are refused before
 * the first epoch ({@link FeatureSet#requireSoundValues}), a schedule of no epoch is refused, and
 * {@link TrainingGuards} stop a run whose epoch diverged or whose pseudo-labels were degenerate.
 * A run that would train on almost nothing goes on with a warning ({@link TrainingWarnings}).
 *
 * <p>An interrupt of the training thread (Kernel &gt; Interrupt in JupyterLab, which interrupts the
 * thread running the cell) stops the run at the next batch boundary with a
 * {@link TrainingInterruptedException}: the epoch under way is dropped, the epochs finished before
 * stay saved in the run directory, and the run resumes from there.
 */
public final class GclTrainer {
    private final GclConfig config;
    private final FeatureSet train;
    /** The training videos the networks learn from, and those held out of both networks' updates. */
    private final HeldOutVideos split;
    private final List<EpochListener> listeners = new ArrayList<>();
    private RunDirectory runDirectory;
    private boolean quiet;
    /** The progress of the running schedule: one step per batch. */
    private Progress progress;
    /** The epoch being trained, for the message of an interrupt. */
    private Schedule.Stage current;

    /**
     * A trainer of {@code config} on a training split; {@code auto} video centring is decided here
     * on {@code train} ({@link VideoCentring#resolve}).
     */
    public GclTrainer(GclConfig config, FeatureSet train) {
        this.config = Objects.requireNonNull(config, "config").resolvedFor(Objects.requireNonNull(train, "train"));
        this.train = train;
        this.split = heldOut(this.config, train);
    }

    /**
     * The training videos the networks are updated on, and those held out of both networks' updates
     * ({@link GclConfig#heldOutShare()}, drawn by the seed's stream {@value HeldOutVideos#STREAM}); none
     * for AE variants, which have no D to probe.
     */
    public static HeldOutVideos heldOut(GclConfig config, FeatureSet train) {
        double share = config.variant().cooperative() ? config.heldOutShare() : 0;
        return HeldOutVideos.of(train, share, new Seeds(config.seed()).random(HeldOutVideos.STREAM));
    }

    /** Adds a listener whose numbers become history columns. */
    public GclTrainer listener(EpochListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Saves a checkpoint and the history into this run directory after every epoch. */
    public GclTrainer checkpointsIn(RunDirectory dir) {
        this.runDirectory = dir;
        return this;
    }

    /** No progress lines (and no notes on TD cleaning or weak labels). */
    public GclTrainer quiet() {
        this.quiet = true;
        return this;
    }

    /** Returns the config this trainer trains: the one given, with {@code auto} centring decided on the split. */
    public GclConfig config() {
        return config;
    }

    /** Returns an untrained model of this trainer's config for the split's dimension (weights from the seed). */
    public GclModel newModel() {
        return GclModel.create(config, train.dim());
    }

    /** Trains from scratch. */
    public TrainingResult train() {
        if (runDirectory != null && runDirectory.hasCheckpoint()) {
            throw new IllegalStateException(runDirectory.root() + " already holds a checkpoint: resume it or choose another folder");
        }
        return run(newModel(), new TrainingHistory(), 0, null);
    }

    /** Continues the run in the run directory from its last checkpoint (same config required). */
    public TrainingResult resume() {
        if (runDirectory == null) {
            throw new IllegalStateException("resume needs a run directory (checkpointsIn)");
        }
        try {
            RunDirectory.State state = runDirectory.loadState();
            GclModel model = runDirectory.loadModel();
            if (!model.config().equals(config)) {
                throw new IllegalArgumentException(runDirectory.root() + ": the checkpoint was made with another config");
            }
            if (model.dim() != train.dim()) {
                throw new IllegalArgumentException(runDirectory.root() + ": the checkpoint takes d = " + model.dim()
                        + " but the data has d = " + train.dim());
            }
            Diagnostics last = state.labelledByG() == null && state.labelledByD() == null ? null
                    : Diagnostics.resumedAfter(split.fit(), state.labelledByG(), state.labelledByD());
            return run(model, new TrainingHistory(state.history()), state.completedEpochs(), last);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Trains the schedule from epoch {@code completed} on the training videos not held out;
     * {@code last} holds the labels of the epoch before (resumed runs).
     */
    private TrainingResult run(GclModel model, TrainingHistory history, int completed, Diagnostics last) {
        FeatureSet train = split.fit();
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training segments");
        }
        if (model.dim() != train.dim()) {
            throw new IllegalArgumentException("model takes d = " + model.dim() + " but the data has d = " + train.dim());
        }
        train.requireSoundValues();
        Seeds seeds = new Seeds(config.seed());
        Variant v = config.variant();
        TemporalDifferenceFilter.Result td = v.generatorData() == Variant.GeneratorData.TD ? config.tdFilter().apply(train) : null;
        int[] gRows = Schedule.generatorRows(config, train, td);
        WeakLabels weak = v.weaklySupervised()
                ? WeakLabels.sample(train, config.weakLabelFraction(), seeds.random("weak-labels"))
                : WeakLabels.none();
        List<Schedule.Stage> schedule = Schedule.of(config);
        if (schedule.isEmpty()) {
            throw new IllegalArgumentException("nothing to train: " + v.paperName() + " with epochs = " + config.epochs()
                    + (v.pretrained() ? " and pretrainEpochs = " + config.pretrainEpochs() : "")
                    + " runs no epoch, and an untrained model's scores are not a result; set epochs to 1 or more");
        }
        long[] batchesBefore = Schedule.batchesBefore(schedule, gRows == null ? 0 : gRows.length, train.size(),
                config.batchSize());
        progress = quiet ? Progress.silent("train", "batches", batchesBefore[schedule.size()])
                : new Progress("train " + v.paperName(), "batches", batchesBefore[schedule.size()]);
        if (completed == 0) {
            TrainingWarnings.smallData(config, td, gRows == null ? -1 : gRows.length, train.size());
        }
        if (!quiet && completed == 0) {
            if (td != null) {
                Log.info(td.toString());
            }
            if (v.weaklySupervised()) {
                Log.info(weak.toString());
            }
            if (split.any()) {
                Log.info(split.toString());
            }
        }
        HeldOutProbe heldOutProbe = split.any() ? new HeldOutProbe(split, seeds.random("held-out-rows")) : null;
        progress.step(batchesBefore[completed], null);
        VideoCentring.Centred inputs = model.inputs(train);
        INDArray probe = inputs.rows(probeRows(train.size(), seeds.random("probe")));
        TrainingGuards guards = new TrainingGuards(config, probe);
        Diagnostics previous = last;
        for (int i = completed; i < schedule.size(); i++) {
            Schedule.Stage stage = schedule.get(i);
            current = stage;
            Seeds epochSeeds = seeds.child(stage.phase().id() + "/" + stage.epoch());
            long start = System.nanoTime();
            previous = i > 0 && schedule.get(i - 1).phase() == stage.phase() ? previous : null;
            Diagnostics diagnostics = new Diagnostics(train, previous);
            previous = diagnostics;
            Totals t = switch (stage.phase()) {
                case PRETRAIN_G, AUTOENCODER -> generatorEpoch(model, inputs, gRows, epochSeeds);
                case PRETRAIN_D -> discriminatorEpoch(model, inputs, weak, epochSeeds, diagnostics);
                case COOPERATIVE -> cooperativeEpoch(model, inputs, weak, epochSeeds, diagnostics);
            };
            double seconds = (System.nanoTime() - start) / 1e9;
            guards.check(stage.phase().id() + " epoch " + stage.epoch(), stage.phase(), model, t.gLoss(), t.dLoss(),
                    t.byG(), t.byD(), t.nonFinite());
            Map<String, Double> metrics = new LinkedHashMap<>(diagnostics.finish(model, probe));
            if (model.hasDiscriminator() && stage.phase() != Phase.PRETRAIN_G) {
                // the 'either' score's reference: held-out videos when there are any, else training videos
                model.calibrate(split.any() ? split.heldOut() : train, epochSeeds.random("calibration"));
            }
            if (heldOutProbe != null) {
                metrics.putAll(heldOutProbe.afterEpoch(stage.phase(), stage.epoch(), model));
            }
            if (!quiet && stage.phase() == Phase.COOPERATIVE) {
                TrainingWarnings.lockIn(stage.epoch(), metrics);
                if (i == schedule.size() - 1) {
                    TrainingWarnings.memorised(stage.epoch(), metrics);
                }
            }
            for (EpochListener l : listeners) {
                metrics.putAll(l.afterEpoch(stage.phase(), stage.epoch(), model));
            }
            EpochRecord r = new EpochRecord(stage.phase().id(), stage.epoch(), t.gLoss(), t.dLoss(), t.byG(), t.byD(),
                    seconds, metrics);
            history.add(r);
            if (runDirectory != null) {
                saveCheckpoint(model, new RunDirectory.State(i + 1, history.records(),
                        diagnostics.labelledByG(), diagnostics.labelledByD()), history);
            }
            progress.step(0, note(r));
        }
        current = null;
        stopIfInterrupted(); // after the last epoch: resuming from its checkpoint finishes at once
        // the networks' work arrays (about 0.5 GB at the paper's sizes) are not needed for scoring
        model.releaseBuffers();
        return new TrainingResult(model, history, td, weak);
    }

    /**
     * Saves an epoch's checkpoint and the history. An interrupt that came at the epoch's end waits
     * until the checkpoint is saved (an interrupt closes any file being written), then stops the run
     * at the next batch.
     */
    private void saveCheckpoint(GclModel model, RunDirectory.State state, TrainingHistory history) {
        boolean interrupted = Thread.interrupted();
        try {
            runDirectory.saveCheckpoint(model, state);
            runDirectory.writeHistory(history);
        } catch (IOException e) {
            if (interrupted || Thread.currentThread().isInterrupted()) {
                Thread.currentThread().interrupt();
                stopIfInterrupted(); // interrupted while writing: the previous checkpoint stands
            }
            throw new UncheckedIOException(runDirectory.root() + ": cannot save checkpoint: " + e.getMessage(), e);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops between batches when the thread was interrupted, clearing the interrupt (the exception
     * carries it): nothing of the epoch under way is saved, the last finished epoch's checkpoint stays.
     *
     * @throws TrainingInterruptedException naming the epoch and where the finished epochs are
     */
    private void stopIfInterrupted() {
        if (Thread.interrupted()) {
            String where = current == null ? "after the last epoch" : "in " + current.phase().id() + " epoch " + current.epoch();
            throw new TrainingInterruptedException("training interrupted " + where + (runDirectory == null
                    ? "; nothing was saved (no run directory)"
                    : "; the epochs finished before it are saved in " + runDirectory.root() + " and the run resumes from them"
                    + " (an experiment's next run of the same config does so by itself; gcl train: add --resume)"));
        }
    }

    /** Up to {@link Diagnostics#PROBE} distinct rows, drawn once per run: the probe for dead units. */
    static int[] probeRows(int n, Random rng) {
        return HeldOutProbe.sample(n, Math.min(n, Diagnostics.PROBE), rng);
    }

    private static String note(EpochRecord r) {
        StringBuilder s = new StringBuilder(r.phase()).append(' ').append(r.epoch());
        append(s, "L_G", r.generatorLoss());
        append(s, "L_D", r.discriminatorLoss());
        append(s, "anom G", r.anomalousByG());
        append(s, "anom D", r.anomalousByD());
        r.metrics().forEach((k, v) -> append(s, k, v));
        return s.toString();
    }

    private static void append(StringBuilder s, String name, double v) {
        if (!Double.isNaN(v)) {
            s.append("  ").append(name).append(' ').append(String.format(Locale.ROOT, "%.4f", v));
        }
    }

    /** Sums of an epoch, per sample. */
    private static final class Sums {
        double g;
        long gn;
        double d;
        long dn;
        double byG;
        long byGn;
        double byD;
        long byDn;

        Totals totals() {
            double gLoss = gn == 0 ? Double.NaN : g / gn;
            double dLoss = dn == 0 ? Double.NaN : d / dn;
            return new Totals(gLoss, dLoss, byGn == 0 ? Double.NaN : byG / byGn, byDn == 0 ? Double.NaN : byD / byDn,
                    gn > 0 && !Double.isFinite(gLoss) || dn > 0 && !Double.isFinite(dLoss));
        }
    }

    /** An epoch's mean losses and label shares (NaN where the epoch has none); nonFinite: a loss was NaN or infinite. */
    private record Totals(double gLoss, double dLoss, double byG, double byD, boolean nonFinite) {
    }

    private Totals generatorEpoch(GclModel model, VideoCentring.Centred train, int[] rows, Seeds epochSeeds) {
        Sums s = new Sums();
        for (int[] batch : FeatureSet.batchesOf(rows, config.batchSize(), epochSeeds.random("batches"))) {
            stopIfInterrupted();
            try (INDArray x = train.rows(batch)) {
                double loss = model.trainGenerator(x, x, null);
                s.g += loss * batch.length;
                s.gn += batch.length;
            }
            progress.step(1, null);
        }
        return s.totals();
    }

    private Totals discriminatorEpoch(GclModel model, VideoCentring.Centred train, WeakLabels weak, Seeds epochSeeds,
                                      Diagnostics diagnostics) {
        Sums s = new Sums();
        for (int[] batch : train.set().shuffledBatches(config.batchSize(), epochSeeds.random("batches"))) {
            stopIfInterrupted();
            try (INDArray x = train.rows(batch); INDArray errors = model.reconstructionErrors(x)) {
                PseudoLabels lG = model.generatorLabels(errors, weak.of(batch));
                double loss = model.trainDiscriminator(x, lG.labels());
                diagnostics.batch(batch, lG, model.discriminatorScores(x), null);
                s.d += loss * batch.length;
                s.byG += lG.fractionAnomalous() * batch.length;
            }
            s.dn += batch.length;
            s.byGn += batch.length;
            progress.step(1, null);
        }
        return s.totals();
    }

    private Totals cooperativeEpoch(GclModel model, VideoCentring.Centred train, WeakLabels weak, Seeds epochSeeds,
                                    Diagnostics diagnostics) {
        Sums s = new Sums();
        Random targets = epochSeeds.random("targets");
        for (int[] batch : train.set().shuffledBatches(config.batchSize(), epochSeeds.random("batches"))) {
            stopIfInterrupted();
            IterationResult r;
            INDArray offsets = train.offsets(batch);
            try (INDArray x = train.rows(batch)) {
                r = model.iterate(x, offsets, weak.of(batch), targets);
            } finally {
                if (offsets != null) {
                    offsets.close();
                }
            }
            diagnostics.batch(batch, r.generatorLabels(), r.discriminatorScores(), r.discriminatorLabels());
            s.d += r.discriminatorLoss() * batch.length;
            s.dn += batch.length;
            if (!Double.isNaN(r.generatorLoss())) {
                s.g += r.generatorLoss() * batch.length;
                s.gn += batch.length;
            }
            s.byG += r.generatorLabels().fractionAnomalous() * batch.length;
            s.byGn += batch.length;
            s.byD += r.discriminatorLabels().fractionAnomalous() * batch.length;
            s.byDn += batch.length;
            progress.step(1, null);
        }
        return s.totals();
    }
}
