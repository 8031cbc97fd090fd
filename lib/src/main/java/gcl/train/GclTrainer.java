package gcl.train;

import gcl.Log;
import gcl.Progress;
import gcl.Seeds;
import gcl.clean.TemporalDifferenceFilter;
import gcl.clean.VideoCentring;
import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.data.VideoLabel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a whole training schedule for a {@link GclConfig}:
 * <ol>
 *   <li>GCL with pre-training (GCL_PT, GCL_OCC, ...; section 3.3): G for {@code pretrainEpochs} on
 *       its data (TD-cleaned or normal-labelled segments, Eq. 1), then D for {@code pretrainEpochs}
 *       on all segments with the pre-trained G's labels (Eq. 2–3), then the cooperative loop.</li>
 *   <li>GCL without pre-training (GCL_B, GCL w/o NL): the cooperative loop from random weights.</li>
 *   <li>AE variants: G alone for {@code epochs} on its data (all, TD-cleaned or normal-labelled).</li>
 * </ol>
 * Every epoch draws a fresh shuffle of its segments across all videos, cut into batches of
 * {@code batchSize} (section 3.1); an epoch of the loop runs {@link GclModel#iterate} on each batch.
 *
 * <p>Randomness comes only from the config's seed: the weights from streams {@code G.init} and
 * {@code D.init}, each epoch's batch order and pseudo targets from the sub-streams of
 * {@code "<phase>/<epoch>"}, the GCL_WS label draw from {@code weak-labels}. So the same seed gives
 * the same model, and a resumed run continues exactly as an uninterrupted one would.
 *
 * <p>With a {@link RunDirectory} the model, config and history are saved after every epoch.
 *
 * <p>Nothing meaningless comes back: features with NaN, Inf or absurd values are refused before
 * the first epoch ({@link FeatureSet#requireSoundValues}), a schedule of no epoch is refused, and a
 * run stops with a message when an epoch diverged or its pseudo-labels were degenerate (G or D
 * labelled nothing, or everything, in every batch). A run that would train on almost nothing (TD
 * cleaning keeping under 5 % of the segments, a batch larger than the data) goes on with a warning.
 *
 * <p>An interrupt of the training thread (Kernel &gt; Interrupt in JupyterLab, which interrupts the
 * thread running the cell) stops the run at the next batch boundary with a
 * {@link TrainingInterruptedException}: the epoch under way is dropped, the epochs finished before
 * stay saved in the run directory, and the run resumes from there.
 */
public final class GclTrainer {
    private final GclConfig config;
    private final List<EpochListener> listeners = new ArrayList<>();
    private RunDirectory runDirectory;
    private boolean quiet;
    /** The progress of the running schedule: one step per batch. */
    private Progress progress;
    /** The epoch being trained, for the message of an interrupt. */
    private Stage current;

    public GclTrainer(GclConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
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

    public GclConfig config() {
        return config;
    }

    /** One entry of the schedule: an epoch of a phase. */
    public record Stage(Phase phase, int epoch) {
    }

    /** The epochs this config runs, in order. */
    public static List<Stage> schedule(GclConfig config) {
        List<Stage> s = new ArrayList<>();
        Variant v = config.variant();
        if (!v.cooperative()) {
            for (int e = 1; e <= config.epochs(); e++) {
                s.add(new Stage(Phase.AUTOENCODER, e));
            }
            return s;
        }
        if (v.pretrained()) {
            for (int e = 1; e <= config.pretrainEpochs(); e++) {
                s.add(new Stage(Phase.PRETRAIN_G, e));
            }
            for (int e = 1; e <= config.pretrainEpochs(); e++) {
                s.add(new Stage(Phase.PRETRAIN_D, e));
            }
        }
        for (int e = 1; e <= config.epochs(); e++) {
            s.add(new Stage(Phase.COOPERATIVE, e));
        }
        return s;
    }

    /** TD cleaning as the config sets it (section 3.3). */
    public static TemporalDifferenceFilter tdFilter(GclConfig config) {
        return new TemporalDifferenceFilter(config.tdThreshold(), config.tdKeepFirst());
    }

    /**
     * The rows G is (pre-)trained on: all, the TD-cleaned ones, or those of videos labelled normal
     * (null for variants that do not pre-train G).
     */
    public static int[] generatorRows(GclConfig config, FeatureSet train, TemporalDifferenceFilter.Result td) {
        return switch (config.variant().generatorData()) {
            case NONE -> null;
            case ALL -> train.allRows();
            case TD -> td.keptRows();
            case OCC -> {
                List<Integer> rows = new ArrayList<>();
                for (Video v : train.videos()) {
                    if (v.label() == VideoLabel.NORMAL) {
                        for (int r = v.firstRow(); r < v.endRow(); r++) {
                            rows.add(r);
                        }
                    }
                }
                if (rows.isEmpty()) {
                    throw new IllegalArgumentException("variant " + config.variant().paperName()
                            + " trains G on videos labelled normal, but no training video is labelled normal");
                }
                yield rows.stream().mapToInt(Integer::intValue).toArray();
            }
        };
    }

    /** Trains from scratch. */
    public TrainingResult train(FeatureSet train) {
        if (runDirectory != null && runDirectory.hasCheckpoint()) {
            throw new IllegalStateException(runDirectory.root() + " already holds a checkpoint: resume it or choose another folder");
        }
        HeldOutVideos split = heldOut(config, train);
        return run(split.fit(), GclModel.create(config.resolvedFor(train), train.dim()), new TrainingHistory(), 0, null, split);
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

    /** Continues the run in the run directory from its last checkpoint (same config required). */
    public TrainingResult resume(FeatureSet train) {
        if (runDirectory == null) {
            throw new IllegalStateException("resume needs a run directory (checkpointsIn)");
        }
        try {
            RunDirectory.State state = runDirectory.loadState();
            GclModel model = runDirectory.loadModel();
            if (!model.config().equals(config.resolvedFor(train))) {
                throw new IllegalArgumentException(runDirectory.root() + ": the checkpoint was made with another config");
            }
            if (model.dim() != train.dim()) {
                throw new IllegalArgumentException(runDirectory.root() + ": the checkpoint takes d = " + model.dim()
                        + " but the data has d = " + train.dim());
            }
            HeldOutVideos split = heldOut(config, train);
            Diagnostics last = state.labelledByG() == null && state.labelledByD() == null ? null
                    : Diagnostics.resumedAfter(split.fit(), state.labelledByG(), state.labelledByD());
            return run(split.fit(), model, new TrainingHistory(state.history()), state.completedEpochs(), last, split);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Trains the schedule from epoch {@code completed} on {@code train} (the training videos not held
     * out); {@code last} holds the labels of the epoch before (resumed runs).
     */
    private TrainingResult run(FeatureSet train, GclModel model, TrainingHistory history, int completed, Diagnostics last,
                               HeldOutVideos split) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training segments");
        }
        if (model.dim() != train.dim()) {
            throw new IllegalArgumentException("model takes d = " + model.dim() + " but the data has d = " + train.dim());
        }
        train.requireSoundValues();
        Seeds seeds = new Seeds(config.seed());
        Variant v = config.variant();
        TemporalDifferenceFilter.Result td = v.generatorData() == Variant.GeneratorData.TD ? tdFilter(config).apply(train) : null;
        int[] gRows = generatorRows(config, train, td);
        WeakLabels weak = v.weaklySupervised()
                ? WeakLabels.sample(train, config.weakLabelFraction(), seeds.random("weak-labels"))
                : WeakLabels.none();
        List<Stage> schedule = schedule(config);
        if (schedule.isEmpty()) {
            throw new IllegalArgumentException("nothing to train: " + v.paperName() + " with epochs = " + config.epochs()
                    + (v.pretrained() ? " and pretrainEpochs = " + config.pretrainEpochs() : "")
                    + " runs no epoch, and an untrained model's scores are not a result; set epochs to 1 or more");
        }
        long[] batchesBefore = new long[schedule.size() + 1];
        for (int i = 0; i < schedule.size(); i++) {
            int rows = schedule.get(i).phase() == Phase.PRETRAIN_G || schedule.get(i).phase() == Phase.AUTOENCODER
                    ? gRows.length : train.size();
            batchesBefore[i + 1] = batchesBefore[i] + (rows + config.batchSize() - 1) / config.batchSize();
        }
        Progress progress = quiet ? Progress.silent("train", "batches", batchesBefore[schedule.size()])
                : new Progress("train " + v.paperName(), "batches", batchesBefore[schedule.size()]);
        if (completed == 0) {
            warnSmallData(td, gRows, train.size());
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
        this.progress = progress;
        VideoCentring.Centred inputs = model.inputs(train);
        INDArray probe = inputs.rows(probeRows(train.size(), seeds.random("probe")));
        double probeNorm;
        try (INDArray norms = probe.norm2(1)) {
            probeNorm = norms.meanNumber().doubleValue();
        }
        Diagnostics previous = last;
        for (int i = completed; i < schedule.size(); i++) {
            Stage stage = schedule.get(i);
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
            checkEpoch(stage, t, model, probe, probeNorm);
            Map<String, Double> metrics = new LinkedHashMap<>(diagnostics.finish(model, probe));
            if (model.hasDiscriminator() && stage.phase() != Phase.PRETRAIN_G) {
                // the 'either' score's reference: held-out videos when there are any, else training videos
                model.calibrate(split.any() ? split.heldOut() : train, epochSeeds.random("calibration"));
            }
            if (heldOutProbe != null) {
                metrics.putAll(heldOutProbe.afterEpoch(stage.phase(), stage.epoch(), model));
            }
            if (!quiet && stage.phase() == Phase.COOPERATIVE) {
                warnLockIn(stage.epoch(), metrics);
                String memorised = i == schedule.size() - 1 ? HeldOutProbe.warning(metrics) : null;
                if (memorised != null) {
                    System.out.println("warning: epoch " + stage.epoch() + ": " + memorised);
                }
            }
            for (EpochListener l : listeners) {
                metrics.putAll(l.afterEpoch(stage.phase(), stage.epoch(), model));
            }
            EpochRecord r = new EpochRecord(stage.phase().id(), stage.epoch(), t.gLoss(), t.dLoss(), t.byG(), t.byD(),
                    seconds, metrics);
            history.add(r);
            if (runDirectory != null) {
                // an interrupt that came at the epoch's end waits until its checkpoint is saved (an
                // interrupt closes any file being written), then stops the run at the next batch
                boolean interrupted = Thread.interrupted();
                try {
                    runDirectory.saveCheckpoint(model, new RunDirectory.State(i + 1, history.records(),
                            diagnostics.labelledByG(), diagnostics.labelledByD()));
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
            progress.step(0, note(r));
        }
        current = null;
        stopIfInterrupted(); // after the last epoch: resuming from its checkpoint finishes at once
        // the networks' work arrays (about 0.5 GB at the paper's sizes) are not needed for scoring
        model.releaseBuffers();
        return new TrainingResult(model, history, td, weak);
    }

    /**
     * Stops a run that can no longer mean anything, before its epoch is saved:
     * <ul>
     *   <li>diverged: a loss of the epoch, or G's error or D's probability on the probe rows, is NaN
     *       or infinite, or G's mean error on the probe is more than {@link #DIVERGED} times the
     *       probe's mean feature norm (plus 0.001, so that all-zero features do not count): G's
     *       outputs have blown up (a learning rate far too large, features too large for float32);</li>
     *   <li>degenerate pseudo-labels: G (in D's pre-training and the loop) or D (in the loop)
     *       labelled nothing, or everything, anomalous in every batch of the epoch (a threshold no
     *       sample reaches, a batch of 1, constant features): the other network then learns from
     *       labels that carry no information, and the AUC that comes back means nothing.</li>
     * </ul>
     *
     * @throws IllegalStateException naming the epoch, and for labels the threshold and the batch size
     */
    private void checkEpoch(Stage stage, Totals t, GclModel model, INDArray probe, double probeNorm) {
        String epoch = stage.phase().id() + " epoch " + stage.epoch();
        boolean finiteProbe;
        double probeError;
        try (INDArray errors = model.reconstructionErrors(probe)) {
            probeError = errors.meanNumber().doubleValue();
            finiteProbe = Double.isFinite(probeError);
        }
        if (finiteProbe && model.hasDiscriminator()) {
            try (INDArray p = model.discriminatorScores(probe)) {
                finiteProbe = Double.isFinite(p.sumNumber().doubleValue());
            }
        }
        if (t.nonFinite() || !finiteProbe || probeError > DIVERGED * (probeNorm + 1e-3)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "training diverged in %s: L_G %.4g, L_D %.4g,"
                            + " G's mean error %.4g on features of mean norm %.4g (learningRate %s); lower the learning rate,"
                            + " or check the features' scale", epoch, t.gLoss(), t.dLoss(), probeError, probeNorm,
                    config.learningRate()));
        }
        boolean gLabels = stage.phase() == Phase.PRETRAIN_D || stage.phase() == Phase.COOPERATIVE;
        if (gLabels && (t.byG() == 0 || t.byG() == 1)) {
            throw degenerate(epoch, "G", t.byG(), "generatorThreshold " + config.generatorThreshold().id());
        }
        if (stage.phase() == Phase.COOPERATIVE && (t.byD() == 0 || t.byD() == 1)) {
            throw degenerate(epoch, "D", t.byD(), "discriminatorThreshold " + config.discriminatorThreshold().id());
        }
    }

    private IllegalStateException degenerate(String epoch, String network, double share, String threshold) {
        return new IllegalStateException("degenerate pseudo-labels in " + epoch + ": " + network + " labelled "
                + (share == 0 ? "no segment" : "every segment") + " anomalous in every batch (" + threshold
                + ", batch size " + config.batchSize() + "), so the other network learns nothing from them;"
                + " choose another threshold or a larger batch, or check that the features are not constant");
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

    /** G's error on the probe beyond this multiple of the features' norm means training diverged. */
    static final double DIVERGED = 1e6;

    /** Up to {@link Diagnostics#PROBE} distinct rows, drawn once per run: the probe for dead units. */
    static int[] probeRows(int n, Random rng) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        int k = Math.min(n, Diagnostics.PROBE);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int x = all[i];
            all[i] = all[j];
            all[j] = x;
        }
        int[] rows = java.util.Arrays.copyOf(all, k);
        java.util.Arrays.sort(rows);
        return rows;
    }

    /**
     * Warnings (printed even when quiet) for settings that train on almost nothing, without
     * stopping the run: TD cleaning that keeps less than {@link #TD_KEPT_FEW} of the segments for
     * G, and a batch larger than the data (one step per epoch, so an epoch is a single update).
     */
    private void warnSmallData(TemporalDifferenceFilter.Result td, int[] gRows, int trainSize) {
        if (td != null && td.kept() < TD_KEPT_FEW * td.total()) {
            Log.warn(String.format(Locale.ROOT, "TD cleaning keeps only %d of %d training segments (%.1f %%) for G at"
                            + " tdThreshold %s: G learns from almost nothing; raise the threshold (e.g. a percentile, p70)",
                    td.kept(), td.total(), 100.0 * td.kept() / td.total(), config.tdThreshold().id()));
        }
        int smallest = gRows == null ? trainSize : Math.min(gRows.length, trainSize);
        if (config.batchSize() > smallest) {
            Log.warn("batch size " + config.batchSize() + " exceeds the " + smallest + " segments an epoch trains on:"
                    + " one step per epoch, and the pseudo-labels' statistics come from the whole set at once;"
                    + " a smaller batch (--batch, or --set batchSize=...) gives more steps");
        }
    }

    /** Below this share of segments kept by TD cleaning, {@link #warnSmallData} speaks. */
    static final double TD_KEPT_FEW = 0.05;

    /** The guard against scene lock-in: says so when both networks label (nearly) whole videos. */
    private static void warnLockIn(int epoch, Map<String, Double> m) {
        double g = m.getOrDefault("whole_videos_g", Double.NaN);
        double d = m.getOrDefault("whole_videos_d", Double.NaN);
        if (g > LOCK_IN && d > LOCK_IN) {
            System.out.printf(Locale.ROOT, "warning: epoch %d: %.0f %% of G's and %.0f %% of D's anomalous labels lie in"
                    + " videos labelled (nearly) whole: the loop is labelling scenes, not events (lesson 03;"
                    + " --set videoCentring=median removes each video's own level)%n", epoch, 100 * g, 100 * d);
        }
    }

    /** Above this share of labels in whole videos (both networks), {@link #warnLockIn} speaks. */
    static final double LOCK_IN = 0.5;

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
