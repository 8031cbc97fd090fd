package gcl.train;

import com.fasterxml.jackson.databind.JsonNode;
import gcl.AtomicFiles;
import gcl.Profile;
import gcl.RunConfig;
import gcl.clean.DifferenceThreshold;
import gcl.clean.TemporalDifferenceFilter;
import gcl.clean.VideoCentring;
import gcl.data.FeatureSet;
import gcl.model.Discriminator;
import gcl.model.Generator.GeneratorLoss;
import gcl.model.Generator;
import gcl.model.RmsPropMomentum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.activations.Activation;
import tech.tablesaw.api.Table;

/**
 * Every setting of a GCL run, with the paper's values as defaults (section 4, "Implementation
 * Details"); {@link #forProfile} gives the quick profile's smaller settings. Immutable: change a
 * copy with a {@code with...} method or {@link #with(String, Object)}. Prints as a table
 * ({@link #toTable()}) and round-trips through JSON ({@link #toJson()}, {@link #fromJson}).
 *
 * <p>Choices where the paper is silent are marked "(ours)" in the field descriptions. Fields by name,
 * JSON and the table go through {@link ConfigFields}, as every method's config does.
 */
public record GclConfig(
        @Doc("the recipe these settings started from: paper (exactly the paper) or robust (ours, lesson 03b)") Preset preset,
        @Doc("which configuration of the paper to run (structure of training)") Variant variant,
        @Doc("master seed: weights, batch order, pseudo targets, weak-label draw") long seed,
        @Doc("epochs of the cooperative loop (for AE variants: of the autoencoder)") int epochs,
        @Doc("segments per batch, shuffled across all videos (section 3.1)") int batchSize,
        @Doc("epochs of each pre-training step, G then D (ours; paper silent)") int pretrainEpochs,
        @Doc("G's hidden layer sizes: FC[d, ..., d]") List<Integer> generatorHidden,
        @Doc("D's hidden layer sizes: FC[d, ..., 1]") List<Integer> discriminatorHidden,
        @Doc("activation of hidden layers (ours; G's output is linear, D's sigmoid)") Activation hiddenActivation,
        @Doc("G's loss: L2_NORM = ‖t − f̂‖₂ per sample (Eq. 1/5), or MSE") GeneratorLoss generatorLoss,
        @Doc("RMSprop learning rate, both networks") double learningRate,
        @Doc("RMSprop momentum, both networks") double momentum,
        @Doc("RMSprop smoothing constant α (PyTorch default; paper silent)") double rmsAlpha,
        @Doc("RMSprop ε added to √v (PyTorch default)") double rmsEpsilon,
        @Doc("threshold on G's errors for l_G (Eq. 2): mean+Kstd, top:P or otsu") Threshold generatorThreshold,
        @Doc("threshold on D's probabilities for l_D (Eq. 4)") Threshold discriminatorThreshold,
        @Doc("pseudo reconstruction target of negative learning (Eq. 6)") NegativeTarget negativeTarget,
        @Doc("TD cleaning threshold D_th: a distance (0.70) or a percentile (p60)") DifferenceThreshold tdThreshold,
        @Doc("keep each video's first segment in TD cleaning (ours)") boolean tdKeepFirst,
        @Doc("GCL_WS: fraction of training videos whose video label is used") double weakLabelFraction,
        @Doc("segment score: DISCRIMINATOR (paper), GENERATOR or EITHER (robust: the larger of their calibrated ranks); AE variants always use G") ScoreSource scoreBy,
        @Doc("subtract each video's per-dimension median from its features: none (paper), median, streaming, auto (median where the scene share of variance is at least 0.5; ours)") VideoCentring videoCentring,
        @Doc("D's output bias starts at logit(prior); 0 = starts at 0 as in the paper's frameworks (ours)") double discriminatorPrior,
        @Doc("share of training videos held out of both networks' updates, for the held-out probe and the 'either' score's reference (ours); 0 = none") double heldOutShare)
        implements RunConfig {

    private static final ConfigFields<GclConfig> FIELDS = new ConfigFields<>(GclConfig.class, "config", null, GclConfig::paper);

    public GclConfig {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(variant, "variant");
        generatorHidden = List.copyOf(Objects.requireNonNull(generatorHidden, "generatorHidden"));
        discriminatorHidden = List.copyOf(Objects.requireNonNull(discriminatorHidden, "discriminatorHidden"));
        Objects.requireNonNull(hiddenActivation, "hiddenActivation");
        Objects.requireNonNull(generatorLoss, "generatorLoss");
        Objects.requireNonNull(generatorThreshold, "generatorThreshold");
        Objects.requireNonNull(discriminatorThreshold, "discriminatorThreshold");
        Objects.requireNonNull(negativeTarget, "negativeTarget");
        Objects.requireNonNull(tdThreshold, "tdThreshold");
        Objects.requireNonNull(scoreBy, "scoreBy");
        Objects.requireNonNull(videoCentring, "videoCentring");
        if (!(discriminatorPrior == 0 || discriminatorPrior > 0 && discriminatorPrior < 1)) {
            throw new IllegalArgumentException("discriminatorPrior must be 0 (no prior) or in (0, 1), got " + discriminatorPrior);
        }
        if (!(heldOutShare >= 0 && heldOutShare <= 0.5)) {
            throw new IllegalArgumentException("heldOutShare must be in [0, 0.5], got " + heldOutShare);
        }
        if (generatorThreshold.kind() == Threshold.Kind.MATCH_G) {
            throw new IllegalArgumentException("generatorThreshold match-g: G's threshold cannot follow G's own share; use it for discriminatorThreshold");
        }
        if (epochs < 0 || pretrainEpochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got epochs " + epochs + ", pretrainEpochs " + pretrainEpochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (weakLabelFraction < 0 || weakLabelFraction > 1) {
            throw new IllegalArgumentException("weakLabelFraction must be in [0, 1], got " + weakLabelFraction);
        }
        if (generatorHidden.stream().anyMatch(h -> h == null || h <= 0) || discriminatorHidden.stream().anyMatch(h -> h == null || h <= 0)) {
            throw new IllegalArgumentException("hidden layer sizes must be positive, got G " + generatorHidden + ", D " + discriminatorHidden);
        }
        new RmsPropMomentum(learningRate, momentum, rmsAlpha, rmsEpsilon); // validates
    }

    /** The paper's settings (section 4) exactly, with variant GCL_PT and seed 1: the {@code paper} preset. */
    public static GclConfig paper() {
        return new GclConfig(Preset.PAPER, Variant.GCL_PT, 1, 15, 8192, 15,
                Generator.PAPER_HIDDEN, Discriminator.PAPER_HIDDEN, Activation.RELU, GeneratorLoss.L2_NORM,
                RmsPropMomentum.PAPER_LEARNING_RATE, RmsPropMomentum.PAPER_MOMENTUM,
                RmsPropMomentum.DEFAULT_ALPHA, RmsPropMomentum.DEFAULT_EPSILON,
                Threshold.PAPER_GENERATOR, Threshold.PAPER_DISCRIMINATOR, NegativeTarget.ONES,
                DifferenceThreshold.PAPER, true, 1.0, ScoreSource.DISCRIMINATOR, VideoCentring.NONE, 0, 0);
    }

    /** The library's default recipe ({@link Preset#DEFAULT}) at the paper's sizes. */
    public static GclConfig defaults() {
        return of(Preset.DEFAULT);
    }

    /** A preset at the paper's sizes: the paper's settings with the preset's {@link Preset#changes()}. */
    public static GclConfig of(Preset preset) {
        GclConfig c = paper();
        for (Map.Entry<String, Object> change : preset.changes().entrySet()) {
            c = c.with(change.getKey(), change.getValue());
        }
        return c;
    }

    /** A preset at a profile's sizes (see {@link #forProfile(Profile)}). */
    public static GclConfig forProfile(Preset preset, Profile profile) {
        return sized(of(preset), profile);
    }

    /**
     * The settings of a profile. {@code full} is {@link #defaults()}. {@code quick} keeps every
     * rule of the method but shrinks it so that a run on the quick synthetic set (a few thousand
     * segments, d ≈ 64–128) takes seconds: G [64, 32, 16, 32, 64], D [32, 8], batch 256,
     * 8 epochs (pre-training too), learning rate 0.001 (the paper's 0.00002 needs the paper's
     * thousands of steps). The recipe fields are the preset's.
     */
    public static GclConfig forProfile(Profile profile) {
        return forProfile(Preset.DEFAULT, profile);
    }

    private static GclConfig sized(GclConfig full, Profile profile) {
        if (profile == Profile.FULL) {
            return full;
        }
        return full.with("generatorHidden", List.of(64, 32, 16, 32, 64))
                .with("discriminatorHidden", List.of(32, 8))
                .with("batchSize", 256)
                .with("epochs", 8)
                .with("pretrainEpochs", 8)
                .with("learningRate", 0.001);
    }

    /** The optimiser these settings describe (a fresh copy for each network). */
    public RmsPropMomentum updater() {
        return new RmsPropMomentum(learningRate, momentum, rmsAlpha, rmsEpsilon);
    }

    /** Returns the TD cleaning these settings describe (section 3.3). */
    public TemporalDifferenceFilter tdFilter() {
        return new TemporalDifferenceFilter(tdThreshold, tdKeepFirst);
    }

    /** The pseudo reconstruction target actually used
: {@code none} for a variant without negative learning. */
    public NegativeTarget effectiveNegativeTarget() {
        return variant.negativeLearning() ? negativeTarget : NegativeTarget.NONE;
    }

    /** The score source actually used: G for AE variants, which have no D. */
    public ScoreSource effectiveScoreBy() {
        return variant.cooperative() ? scoreBy : ScoreSource.GENERATOR;
    }

    /**
     * These settings with {@code auto} video centring decided on a training split
     * ({@link VideoCentring#resolve}); the config itself when it names a centring. Called once, where
     * the config meets the training data ({@link GclTrainer#GclTrainer(GclConfig, FeatureSet)}): runs
     * are trained, recorded and cached under the resolved config, so {@code run.json} says what was done.
     */
    GclConfig resolvedFor(FeatureSet train) {
        VideoCentring c = videoCentring.resolve(train);
        return c == videoCentring ? this : with("videoCentring", c.id());
    }

    /** The same settings under another preset's recipe: the preset's fields, this config's sizes and run settings. */
    public GclConfig withPreset(Preset p) {
        GclConfig recipe = of(p);
        GclConfig c = this;
        for (String field : Preset.recipeFields()) {
            c = c.with(field, FIELDS.tree(recipe).get(field));
        }
        return c;
    }

    public GclConfig withVariant(Variant v) {
        return with("variant", v.name());
    }

    @Override
    public GclConfig withSeed(long s) {
        return with("seed", s);
    }

    /** {@code gcl}: every variant of the paper is this method. */
    @Override
    public String method() {
        return "gcl";
    }

    /** The recipe's id, {@code paper} or {@code robust}. */
    @Override
    public String presetId() {
        return preset.id();
    }

    public GclConfig withEpochs(int e) {
        return with("epochs", e);
    }

    public GclConfig withNegativeTarget(NegativeTarget t) {
        return with("negativeTarget", t.id());
    }

    /**
     * A copy with one field changed, by name, e.g. {@code with("negativeTarget", "gaussian:6")}
     * or {@code with("generatorHidden", List.of(256, 64, 256))}. Values are given as their JSON
     * form (numbers, strings, lists).
     */
    public GclConfig with(String field, Object value) {
        return FIELDS.with(this, field, value);
    }

    /** The field names, in order. */
    public static List<String> fieldNames() {
        return FIELDS.names();
    }

    /** Returns each field's one-line description ({@link Doc}), in order. */
    public static Map<String, String> fieldDocs() {
        return FIELDS.docs();
    }

    /** Returns a field's value as text, as tables and messages show it: {@code median}, {@code 0.001}, {@code [64, 32]}. */
    public String valueText(String field) {
        return FIELDS.valueText(this, field);
    }

    /** The config as a table: field, value, description. */
    @Override
    public Table toTable() {
        return FIELDS.table(this, "GCL configuration (" + variant.paperName() + ")");
    }

    /** The config as indented JSON. */
    @Override
    public String toJson() {
        return FIELDS.toJson(this);
    }

    /** The config as a JSON tree (for run manifests). */
    public JsonNode toJsonTree() {
        return FIELDS.tree(this);
    }

    /**
     * Reads a config from JSON. Fields the JSON lacks take their {@link #paper()} value; an
     * unknown field is an error.
     */
    public static GclConfig fromJson(String json) {
        return FIELDS.fromJson(json, "config JSON");
    }

    /** As {@link #fromJson}, from a tree; {@code where} names the source in messages. */
    public static GclConfig fromJsonTree(JsonNode node, String where) {
        return FIELDS.fromJsonTree(node, where);
    }

    /** Reads a config file written by {@link #write}. */
    public static GclConfig read(Path file) {
        try {
            return FIELDS.fromJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read config (" + e.getMessage() + ")", e);
        }
    }

    /** Writes the config as JSON (atomically: a failed write leaves the earlier file whole). */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    @Override
    public String toString() {
        return "GclConfig" + toJsonTree().toString();
    }
}
