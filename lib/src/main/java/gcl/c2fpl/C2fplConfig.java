package gcl.c2fpl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gcl.Profile;
import gcl.train.Doc;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every setting of a C2FPL run, the paper's values as defaults ({@link #paper()}); {@link #forProfile}
 * gives the quick profile's smaller classifier. Immutable: change a copy with {@link #with(String, Object)}.
 * Prints as a table ({@link #toTable()}) and round-trips through JSON ({@link #toJson()}, {@link #fromJson}).
 *
 * <p>Where the value comes from is said in each field's description: "paper" (Al-lahham et al.,
 * WACV 2024), "code" (the authors' public code, where the paper's value could not be read), "ours"
 * (neither says). The package comment lists where paper and code differ.
 */
public record C2fplConfig(
        @Doc("master seed: GMM initialisation, classifier weights, batch order, dropout") long seed,
        @Doc("coarse stage: split until |anomalous| / |normal| videos ≥ η (code: 1.0)") double eta,
        @Doc("coarse stage: which GMM cluster of a split is anomalous: higher-magnitude (the method's assumption) or smaller (ours)") AnomalousCluster anomalousCluster,
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
        @Doc("classifier: epochs over all training segments (code: 20)") int epochs) {

    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    public C2fplConfig {
        Objects.requireNonNull(anomalousCluster, "anomalousCluster");
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
        return new C2fplConfig(1, 1.0, AnomalousCluster.HIGHER_MAGNITUDE, 5, 150, 0.09, List.of(512, 32), 0.6,
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

    public C2fplConfig withSeed(long s) {
        return with("seed", s);
    }

    /**
     * A copy with one field changed, by name, e.g. {@code with("windowShare", 0.2)} or
     * {@code with("hidden", List.of(64, 16))}; values are given as their JSON form.
     */
    public C2fplConfig with(String field, Object value) {
        ObjectNode tree = JSON.valueToTree(this);
        if (!tree.has(field)) {
            throw new IllegalArgumentException("no C2FPL config field '" + field + "'; fields: " + fieldNames());
        }
        JsonNode v = JSON.valueToTree(value);
        Class<?> type = java.util.Arrays.stream(C2fplConfig.class.getRecordComponents())
                .filter(c -> c.getName().equals(field)).findFirst().orElseThrow().getType();
        if ((type == int.class || type == long.class) && v.isFloatingPointNumber()) {
            throw new IllegalArgumentException("field " + field + " takes a whole number, got " + v);
        }
        tree.set(field, v);
        return fromTree(tree, "field " + field);
    }

    /** The field names, in order. */
    public static List<String> fieldNames() {
        return java.util.Arrays.stream(C2fplConfig.class.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** The config as a table: field, value, description. */
    public Table toTable() {
        StringColumn field = StringColumn.create("field");
        StringColumn value = StringColumn.create("value");
        StringColumn description = StringColumn.create("description");
        ObjectNode tree = JSON.valueToTree(this);
        for (RecordComponent c : C2fplConfig.class.getRecordComponents()) {
            field.append(c.getName());
            JsonNode v = tree.get(c.getName());
            value.append(v.isTextual() ? v.asText() : v.toString());
            Doc doc = c.getAnnotation(Doc.class);
            description.append(doc == null ? "" : doc.value());
        }
        return Table.create("C2FPL configuration", field, value, description);
    }

    /** The config as indented JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a config from JSON; fields it lacks take their {@link #paper()} value, an unknown field is an error. */
    public static C2fplConfig fromJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("C2FPL config JSON is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a C2FPL config must be a JSON object");
        }
        ObjectNode merged = JSON.valueToTree(paper());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!merged.has(name)) {
                throw new IllegalArgumentException("unknown C2FPL config field '" + name + "'; fields: " + fieldNames());
            }
            merged.set(name, node.get(name));
        }
        return fromTree(merged, "C2FPL config JSON");
    }

    private static C2fplConfig fromTree(ObjectNode tree, String where) {
        try {
            return JSON.treeToValue(tree, C2fplConfig.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
            throw new IllegalArgumentException(where + ": " + message);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "C2fplConfig" + JSON.valueToTree(this).toString();
    }
}
