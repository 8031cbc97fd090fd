package gcl.c2fpl;

import com.fasterxml.jackson.databind.JsonNode;
import gcl.Profile;
import gcl.RunConfig;
import gcl.train.ConfigFields;
import gcl.train.Doc;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * Every setting of a C2FPL run, the paper's values as defaults ({@link #paper()}); {@link #forProfile}
 * gives the quick profile's smaller classifier. Immutable: change a copy with {@link #with(String, Object)}.
 * Prints as a table ({@link #toTable()}) and round-trips through JSON ({@link #toJson()}, {@link #fromJson}), whose
 * first field is {@code "method" : "c2fpl"}; fields by name, JSON and the table go through
 * {@link ConfigFields}, as GCL's config does.
 *
 * <p>Where the value comes from is said in each field's description: "paper" (Al-lahham et al.,
 * WACV 2024), "code" (the authors' public code, where the paper's value could not be read), "ours"
 * (neither says). The package comment lists where paper and code differ.
 */
public record C2fplConfig(
        @Doc("master seed: GMM initialisation, classifier weights, batch order, dropout") long seed,
        @Doc("coarse stage: split until |anomalous| / |normal| videos ≥ η (code: 1.0)") double eta,
        @Doc("coarse stage: which GMM cluster of a split is anomalous: higher-magnitude (the method's assumption) or smaller (ours)") AnomalousCluster anomalousCluster,
        @Doc("both stages: magnitudes as they are, none (paper), or each video's centred on its median, video-median (ours, lesson 08)") MagnitudeCentring magnitudeCentring,
        @Doc("coarse stage: EM restarts per split, the best log-likelihood kept (ours)") int gmmInits,
        @Doc("coarse stage: EM iterations at most per restart (code: 150)") int gmmMaxIterations,
        @Doc("fine stage: window length as a share α of the video's segments (code: 0.09)") double windowShare,
        @Doc("classifier: hidden layer sizes of FC[d, ..., 1] (paper: 512, 32)") List<Integer> hidden,
        @Doc("classifier: dropout probability after each hidden layer (paper: 0.6)") double dropout,
        @Doc("classifier: SGD learning rate (code: 0.01)") double learningRate,
        @Doc("classifier: Nesterov momentum (code: 0.9)") double momentum,
        @Doc("classifier: weight decay, an L2 term on weights and biases (code: 5e-4)") double weightDecay,
        @Doc("classifier: epochs (counted from 0) from which the learning rate is multiplied by lrDropFactor (code: 15, 25)") List<Integer> lrDropEpochs,
        @Doc("classifier: factor of each learning-rate drop (code: 0.1)") double lrDropFactor,
        @Doc("classifier: segments per batch, shuffled across all videos (code: 128)") int batchSize,
        @Doc("classifier: epochs over all training segments (code: 20)") int epochs) implements RunConfig {

    /** The method's name in JSON, run directories and the run cache. */
    public static final String METHOD = "c2fpl";

    private static final ConfigFields<C2fplConfig> FIELDS = new ConfigFields<>(C2fplConfig.class, "C2FPL config", METHOD,
            C2fplConfig::paper);

    public C2fplConfig {
        Objects.requireNonNull(anomalousCluster, "anomalousCluster");
        Objects.requireNonNull(magnitudeCentring, "magnitudeCentring");
        hidden = List.copyOf(Objects.requireNonNull(hidden, "hidden"));
        lrDropEpochs = List.copyOf(Objects.requireNonNull(lrDropEpochs, "lrDropEpochs"));
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("eta (the ratio of anomalous to normal videos the coarse stage splits to) must be a positive number, got " + eta);
        }
        if (!(windowShare > 0 && windowShare <= 1)) {
            throw new IllegalArgumentException("windowShare (the fine stage's window as a share of a video) must be in (0, 1], got " + windowShare);
        }
        if (gmmInits < 1 || gmmMaxIterations < 1) {
            throw new IllegalArgumentException("gmmInits and gmmMaxIterations must be at least 1, got " + gmmInits + ", " + gmmMaxIterations);
        }
        if (hidden.stream().anyMatch(h -> h == null || h <= 0)) {
            throw new IllegalArgumentException("hidden layer sizes must be positive, got " + hidden);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(learningRate > 0) || !(momentum >= 0 && momentum < 1) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("SGD needs learningRate > 0, 0 <= momentum < 1, weightDecay >= 0; got "
                    + learningRate + ", " + momentum + ", " + weightDecay);
        }
        if (lrDropEpochs.stream().anyMatch(e -> e == null || e < 0) || !(lrDropFactor > 0 && lrDropFactor <= 1)) {
            throw new IllegalArgumentException("lrDropEpochs must be epochs >= 0 and lrDropFactor in (0, 1], got "
                    + lrDropEpochs + ", " + lrDropFactor);
        }
        if (batchSize <= 0 || epochs < 0) {
            throw new IllegalArgumentException("batchSize must be positive and epochs >= 0, got " + batchSize + ", " + epochs);
        }
    }

    /**
     * The paper's settings with seed 1: classifier FC[d, 512, 32, 1] with dropout 0.6 trained by BCE
     * (paper); η, α and the optimiser as the authors' public code sets them (see the field descriptions).
     */
    public static C2fplConfig paper() {
        return new C2fplConfig(1, 1.0, AnomalousCluster.HIGHER_MAGNITUDE, MagnitudeCentring.NONE, 5, 150, 0.09, List.of(512, 32), 0.6,
                0.01, 0.9, 5e-4, List.of(15, 25), 0.1, 128, 20);
    }

    /**
     * The settings of a profile. {@code full} is {@link #paper()}. {@code quick} keeps every rule, the
     * classifier's sizes (small at d = 64), the optimiser and the schedule, with batches of
     * {@value #QUICK_BATCH} segments instead of 128: the quick set's few thousand training segments then
     * give about 1,400 SGD steps over the 20 epochs instead of 360 (a UCF-Crime epoch alone has about
     * 6,000 batches of 128).
     */
    public static C2fplConfig forProfile(Profile profile) {
        C2fplConfig paper = paper();
        return profile == Profile.FULL ? paper : paper.with("batchSize", QUICK_BATCH);
    }

    /** The quick profile's batch size. */
    public static final int QUICK_BATCH = 32;

    /** The learning rate of an epoch (counted from 0): the base rate times lrDropFactor once per drop epoch reached. */
    public double learningRateAt(int epoch) {
        double lr = learningRate;
        for (int e : lrDropEpochs) {
            if (epoch >= e) {
                lr *= lrDropFactor;
            }
        }
        return lr;
    }

    @Override
    public C2fplConfig withSeed(long s) {
        return with("seed", s);
    }

    /** {@value #METHOD}. */
    @Override
    public String method() {
        return METHOD;
    }

    /**
     * {@code paper}: the recipe of C2FPL's paper and its authors' code (the field descriptions say which
     * value comes from where); C2FPL has no other recipe.
     */
    @Override
    public String presetId() {
        return "paper";
    }

    /**
     * A copy with one field changed, by name, e.g. {@code with("windowShare", 0.2)} or
     * {@code with("hidden", List.of(64, 16))}; values are given as their JSON form.
     */
    public C2fplConfig with(String field, Object value) {
        return FIELDS.with(this, field, value);
    }

    /** The field names, in order. */
    public static List<String> fieldNames() {
        return FIELDS.names();
    }

    /** Returns each field's one-line description, in order. */
    public static Map<String, String> fieldDocs() {
        return FIELDS.docs();
    }

    /** The config as a table: field, value, description. */
    @Override
    public Table toTable() {
        return FIELDS.table(this, "C2FPL configuration");
    }

    /** The config as indented JSON, {@code "method" : "c2fpl"} first. */
    @Override
    public String toJson() {
        return FIELDS.toJson(this);
    }

    /**
     * Reads a config from JSON; fields it lacks take their {@link #paper()} value, an unknown field or
     * another method's name is an error.
     */
    public static C2fplConfig fromJson(String json) {
        return FIELDS.fromJson(json, "C2FPL config JSON");
    }

    /** As {@link #fromJson}, from a tree; {@code where} names the source in messages. */
    public static C2fplConfig fromJsonTree(JsonNode node, String where) {
        return FIELDS.fromJsonTree(node, where);
    }

    @Override
    public String toString() {
        return "C2fplConfig" + FIELDS.tree(this);
    }
}
