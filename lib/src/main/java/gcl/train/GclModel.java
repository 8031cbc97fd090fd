package gcl.train;

import gcl.clean.VideoCentring;
import gcl.data.FeatureSet;
import gcl.data.VideoLabel;
import gcl.model.DenseNetwork;
import gcl.model.Discriminator;
import gcl.model.Generator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * G and D with the settings that train them, and every step of Generative Cooperative Learning
 * (section 3.2) as a public method, so a notebook can run one iteration cell by cell.
 *
 * <p><b>One cooperative iteration</b> on a batch of b segment features ({@link #iterate}):
 * <ol>
 *   <li>{@link #reconstructionErrors}: G (as it is) reconstructs the batch; L_G^q = ‖f^q − f̂^q‖₂ (Eq. 1).</li>
 *   <li>{@link #generatorLabels}: l_G^q = 1 if L_G^q ≥ L^th_G, the batch's μ + σ (Eq. 2).</li>
 *   <li>{@link #trainDiscriminator}: one RMSprop step of D on BCE against l_G (Eq. 3).</li>
 *   <li>{@link #discriminatorScores}: the updated D gives p̂^q for the same batch.</li>
 *   <li>{@link #discriminatorLabels}: l_D^q = 1 if p̂^q ≥ L^th_D, the batch's μ + 0.1σ (Eq. 4).</li>
 *   <li>{@link #pseudoTargets}: t^q = f^q where l_D = 0, the pseudo target (all ones) where l_D = 1 (Eq. 6).</li>
 *   <li>{@link #trainGenerator}: one RMSprop step of G on ‖t − f̂‖₂ averaged over the batch (Eq. 5).</li>
 * </ol>
 * So D always learns from the labels of the current G, and G from the labels of the D that has just
 * been updated on the same batch; an epoch runs this on every batch of a fresh shuffle of all
 * training segments. (The paper's Fig. 2 shows this order; it does not spell out the granularity,
 * one batch per step is ours.)
 *
 * <p>{@link #iterate} computes G's forward pass once for steps 1 and 7 (its weights do not change in
 * between). AE variants have no D ({@link #hasDiscriminator()} is false).
 */
public final class GclModel implements AutoCloseable {
    /** Rows scored at once by {@link #scores(INDArray, ScoreSource)} (memory bound, not a hyperparameter). */
    static final int SCORING_CHUNK = 8192;

    private final GclConfig config;
    private final Generator generator;
    private final Discriminator discriminator;
    private final PseudoLabeler generatorLabeler;
    private final PseudoLabeler generatorOwnLabeler;
    private final PseudoLabeler discriminatorLabeler;
    /** The split last centred by {@link #inputs}, kept for median centring (one centre per video, small). */
    private VideoCentring.Centred lastInputs;
    /** The reference ranks of the {@link ScoreSource#EITHER} score (null until {@link #calibrate}d). */
    private ScoreCalibration calibration;

    /** A model of given networks (D may be null for AE variants). */
    public GclModel(GclConfig config, Generator generator, Discriminator discriminator) {
        this.config = Objects.requireNonNull(config, "config");
        if (config.videoCentring() == VideoCentring.AUTO) {
            throw new IllegalArgumentException("video centring 'auto' is decided on the training split: "
                    + "make the model with new GclTrainer(config, train).newModel()");
        }
        this.generator = Objects.requireNonNull(generator, "generator");
        if (config.variant().cooperative() && discriminator == null) {
            throw new IllegalArgumentException("variant " + config.variant() + " needs a discriminator");
        }
        if (discriminator != null && discriminator.dim() != generator.dim()) {
            throw new IllegalArgumentException("G takes d = " + generator.dim() + " but D takes d = " + discriminator.dim());
        }
        this.discriminator = discriminator;
        this.generatorLabeler = new PseudoLabeler(config.generatorThreshold(), config.variant().softLabels());
        this.generatorOwnLabeler = new PseudoLabeler(config.generatorThreshold(), false);
        this.discriminatorLabeler = new PseudoLabeler(config.discriminatorThreshold(), false);
    }

    /**
     * Fresh networks for d-dimensional features, initialised from the config's seed (streams
     * {@code G.init} and {@code D.init} of {@link gcl.Seeds}).
     */
    public static GclModel create(GclConfig config, int d) {
        gcl.Seeds seeds = new gcl.Seeds(config.seed());
        Generator g = Generator.create(d, config.generatorHidden(), config.hiddenActivation(), config.generatorLoss(),
                config.updater(), seeds.seed("G.init"));
        Discriminator dis = config.variant().cooperative()
                ? Discriminator.create(d, config.discriminatorHidden(), config.hiddenActivation(), config.updater(),
                        seeds.seed("D.init"))
                : null;
        if (dis != null && config.discriminatorPrior() > 0) {
            dis.initOutputBias(config.discriminatorPrior());
        }
        return new GclModel(config, g, dis);
    }

    public GclConfig config() {
        return config;
    }

    public Generator generator() {
        return generator;
    }

    /** D, or an exception for AE variants. */
    public Discriminator discriminator() {
        if (discriminator == null) {
            throw new IllegalStateException("variant " + config.variant().paperName() + " has no discriminator");
        }
        return discriminator;
    }

    public boolean hasDiscriminator() {
        return discriminator != null;
    }

    /** Feature dimension d. */
    public int dim() {
        return generator.dim();
    }

    // ---- the steps of one iteration -------------------------------------------------------------

    /** Step 1, Eq. (1): L_G^q = ‖f^q − f̂^q‖₂ for every row of the batch. */
    public INDArray reconstructionErrors(INDArray batch) {
        return generator.reconstructionErrors(batch);
    }

    /** Step 2, Eq. (2): G's pseudo-labels from its errors (soft labels in the soft-label variant). */
    public PseudoLabels generatorLabels(INDArray errors) {
        return generatorLabels(errors, null);
    }

    /** Step 2 with known video labels per sample (GCL_WS; null when none). */
    public PseudoLabels generatorLabels(INDArray errors, VideoLabel[] known) {
        return generatorLabeler.label(errors, known);
    }

    /** Step 3, Eq. (3): one step of D on the batch and G's labels; returns L_D before the step. */
    public double trainDiscriminator(INDArray batch, INDArray labels) {
        return discriminator().fit(batch, labels);
    }

    /** Step 4: D's probabilities p̂ that each row is anomalous. */
    public INDArray discriminatorScores(INDArray batch) {
        return discriminator().probabilities(batch);
    }

    /** Step 5, Eq. (4): D's pseudo-labels from its probabilities (thresholds that need G's share: use the two-argument form). */
    public PseudoLabels discriminatorLabels(INDArray scores) {
        return discriminatorLabels(scores, null, Double.NaN);
    }

    /** Step 5, Eq. (4), on a batch G labelled {@code generatorLabels} (D's {@code match-g} threshold follows G's share). */
    public PseudoLabels discriminatorLabels(INDArray scores, PseudoLabels generatorLabels) {
        return discriminatorLabels(scores, null, generatorLabels.fractionAnomalous());
    }

    /** Step 5 with known video labels per sample (GCL_WS; null when none) and G's share of the batch (NaN when none). */
    public PseudoLabels discriminatorLabels(INDArray scores, VideoLabel[] known, double generatorShare) {
        return discriminatorLabeler.label(scores, known, generatorShare);
    }

    /** Step 6, Eq. (6): reconstruction targets from the labels that teach G, with the config's pseudo target. */
    public PseudoTargets pseudoTargets(INDArray batch, INDArray labels, Random rng) {
        return pseudoTargets(batch, labels, null, rng);
    }

    /**
     * Step 6 for a batch centred per video: {@code offsets} holds each row's centre (see
     * {@link VideoCentring.Centred#offsets}; null when not centred), so that the {@code ones} target
     * stays the paper's 1 in the features' own coordinates.
     */
    public PseudoTargets pseudoTargets(INDArray batch, INDArray labels, INDArray offsets, Random rng) {
        return config.effectiveNegativeTarget().targets(batch, labels, offsets, rng);
    }

    /** Step 7, Eq. (5): one step of G towards the targets; returns L_G before the step. */
    public double trainGenerator(INDArray batch, PseudoTargets targets) {
        return trainGenerator(batch, targets.targets(), targets.mask());
    }

    /**
     * Step 7, Eq. (5): one step of G towards the targets, on the samples whose mask is 1 (all when the
     * mask is null). Returns L_G before the step (NaN when the mask leaves nothing).
     */
    public double trainGenerator(INDArray batch, INDArray targets, INDArray mask) {
        return generator.fit(generator.forward(batch), targets, mask);
    }

    /** Steps 1–7 on one batch (see the class comment). */
    public IterationResult iterate(INDArray batch, Random rng) {
        return iterate(batch, null, rng);
    }

    /**
     * Steps 1–7 on one batch whose samples may carry known video labels (GCL_WS). G's forward pass of
     * step 1 also serves its training step 7: G's weights do not change in between, so the result is
     * the same as calling the steps one by one, with one forward pass of G less.
     */
    public IterationResult iterate(INDArray batch, VideoLabel[] known, Random rng) {
        return iterate(batch, null, known, rng);
    }

    /**
     * Steps 1–7 on one batch of model inputs; {@code offsets} are the rows' per-video centres when the
     * inputs are centred (null when not; see {@link #pseudoTargets(INDArray, INDArray, INDArray, Random)}).
     * G's forward pass of step 1 also serves its training step 7: its weights do not change in between.
     */
    public IterationResult iterate(INDArray batch, INDArray offsets, VideoLabel[] known, Random rng) {
        DenseNetwork.Pass pass = generator.forward(batch);
        try (INDArray errors = generator.reconstructionErrors(pass)) {
            PseudoLabels lG = generatorLabels(errors, known);
            double lossD = trainDiscriminator(batch, lG.labels());
            INDArray p = discriminatorScores(batch);
            PseudoLabels lD = discriminatorLabels(p, known, lG.fractionAnomalous());
            INDArray teach = config.variant().generatorOwnLabels()
                    ? generatorOwnLabeler.label(errors, known).labels()
                    : lD.labels();
            PseudoTargets targets = pseudoTargets(batch, teach, offsets, rng);
            try {
                double lossG = generator.fit(pass, targets.targets(), targets.mask());
                return new IterationResult(lossD, lossG, lG, lD, p);
            } finally {
                // the targets are a copy of the batch (64 MB at the paper's sizes): free it now, not at a GC
                if (targets.targets() != batch) {
                    targets.targets().close();
                }
            }
        }
    }

    // ---- scoring (section 3.4) -----------------------------------------------------------------

    /**
     * A split's features as this model's G and D take them: centred per video when the config says
     * so ({@link GclConfig#videoCentring()}), else as they are.
     */
    public VideoCentring.Centred inputs(FeatureSet set) {
        // the test split is scored after every epoch: its video medians are computed once, not each time
        VideoCentring.Centred last = lastInputs;
        if (last != null && last.set() == set) {
            return last;
        }
        VideoCentring.Centred c = config.videoCentring().of(set);
        // streaming centring holds a centred copy of the whole split: not worth keeping alive
        lastInputs = c.centring() == VideoCentring.STREAMING ? null : c;
        return c;
    }

    /** Segment anomaly scores of one video's segments [T, d] in temporal order (centred as the config says). */
    public INDArray videoScores(INDArray segments, ScoreSource source) {
        return scores(config.videoCentring().apply(segments), source);
    }

    /** Segment anomaly scores of rows that are already model inputs (see {@link #inputs}), from the config's source. */
    public INDArray scores(INDArray features) {
        return scores(features, config.effectiveScoreBy());
    }

    /**
     * Puts G's errors and D's probabilities on one scale for the {@link ScoreSource#EITHER} score:
     * their ranks among (up to {@link ScoreCalibration#REFERENCE} of) the reference segments.
     */
    public void calibrate(FeatureSet reference, Random rng) {
        calibration = ScoreCalibration.of(this, reference, rng);
    }

    /** The calibration of the {@link ScoreSource#EITHER} score, or null when the model has none. */
    public ScoreCalibration calibration() {
        return calibration;
    }

    /**
     * Segment anomaly scores of rows that are already model inputs (see {@link #inputs}): D's
     * probability, G's error, or the larger of their calibrated ranks; float vector of length N.
     */
    public INDArray scores(INDArray features, ScoreSource source) {
        if (source == ScoreSource.EITHER) {
            if (calibration == null) {
                throw new IllegalStateException("the 'either' score needs a calibrated model (GclModel.calibrate, done by"
                        + " the trainer after every epoch); this model has none: score by d or g");
            }
            try (INDArray g = scores(features, ScoreSource.GENERATOR); INDArray d = scores(features, ScoreSource.DISCRIMINATOR)) {
                return Nd4j.createFromArray(calibration.either(g.toFloatVector(), d.toFloatVector()));
            }
        }
        long n = features.rows();
        INDArray out = Nd4j.create(DataType.FLOAT, n);
        for (long from = 0; from < n; from += SCORING_CHUNK) {
            long to = Math.min(n, from + SCORING_CHUNK);
            INDArray chunk = features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            try (INDArray s = source == ScoreSource.DISCRIMINATOR ? discriminator().probabilities(chunk)
                    : generator.reconstructionErrors(chunk)) {
                out.get(NDArrayIndex.interval(from, to)).assign(s);
            }
        }
        return out;
    }

    /** Segment scores of every row of a set (centred per video as the config says), as a float array (row order). */
    public float[] scores(FeatureSet set, ScoreSource source) {
        if (set.size() == 0) {
            return new float[0];
        }
        if (config.videoCentring() == VideoCentring.NONE) {
            try (INDArray s = scores(set.features(), source)) {
                return s.toFloatVector();
            }
        }
        VideoCentring.Centred in = inputs(set);
        float[] out = new float[set.size()];
        for (int from = 0; from < set.size(); from += SCORING_CHUNK) {
            int to = Math.min(set.size(), from + SCORING_CHUNK);
            // a chunk of centred rows is a [8192, d] copy (64 MB at d = 2048): freed now, not at a GC
            try (INDArray chunk = in.range(from, to); INDArray s = scores(chunk, source)) {
                System.arraycopy(s.toFloatVector(), 0, out, from, to - from);
            }
        }
        return out;
    }

    /** Segment scores of every row of a set from the config's source. */
    public float[] scores(FeatureSet set) {
        return scores(set, config.effectiveScoreBy());
    }

    // ---- files ---------------------------------------------------------------------------------

    /** File names inside a checkpoint directory. */
    public static final String GENERATOR_FILE = "generator.net";
    public static final String DISCRIMINATOR_FILE = "discriminator.net";
    public static final String CONFIG_FILE = "config.json";

    /** Saves G, D (with optimiser state) and the config into a directory. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        generator.save(dir.resolve(GENERATOR_FILE));
        if (discriminator != null) {
            discriminator.save(dir.resolve(DISCRIMINATOR_FILE));
        }
        config.write(dir.resolve(CONFIG_FILE));
        if (calibration != null) {
            calibration.save(dir);
        }
    }

    /** Loads a model saved by {@link #save}. */
    public static GclModel load(Path dir) throws IOException {
        Path cfg = dir.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(cfg)) {
            throw new IOException(dir + ": no " + CONFIG_FILE + " (not a saved GCL model)");
        }
        GclConfig config = GclConfig.read(cfg);
        Generator g = Generator.load(dir.resolve(GENERATOR_FILE));
        Discriminator d = null;
        if (config.variant().cooperative()) {
            Path dFile = dir.resolve(DISCRIMINATOR_FILE);
            if (!Files.isRegularFile(dFile)) {
                throw new IOException(dir + ": variant " + config.variant().paperName() + " needs " + DISCRIMINATOR_FILE);
            }
            d = Discriminator.load(dFile);
        }
        GclModel model = new GclModel(config, g, d);
        model.calibration = ScoreCalibration.load(dir);
        return model;
    }

    /**
     * Frees the networks' work arrays now (activations of the largest batch: about 0.5 GB at the
     * paper's sizes); the next pass makes them again. A trainer calls it when a run ends.
     */
    public void releaseBuffers() {
        generator.releaseBuffers();
        if (discriminator != null) {
            discriminator.releaseBuffers();
        }
    }

    /** Frees all native memory of G and D now; the model cannot be used afterwards. */
    @Override
    public void close() {
        generator.close();
        if (discriminator != null) {
            discriminator.close();
        }
    }

    @Override
    public String toString() {
        return "GclModel[" + config.variant().paperName() + ", " + generator + (discriminator == null ? "" : ", " + discriminator) + "]";
    }
}
