package gcl.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gcl.RunConfig;
import gcl.c2fpl.C2fplConfig;
import gcl.train.ConfigFields;
import gcl.train.GclConfig;
import java.util.Objects;

/**
 * One configuration of an experiment, with the name its tables and charts show
 * (e.g. {@code GCL_B}, {@code NL: gaussian σ=6} or {@code C2FPL}): a GCL config
 * ({@link GclConfig}) or a C2FPL one ({@link C2fplConfig}).
 */
public record Trial(String name, RunConfig config) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Trial {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
    }

    /** The same trial with another seed. */
    public Trial withSeed(long seed) {
        return new Trial(name, config.withSeed(seed));
    }

    /**
     * Reads a config of any method from its JSON ({@link RunConfig#toJson}): a C2FPL config when the JSON
     * names the method {@code c2fpl}, else a GCL config (whose JSON names none).
     *
     * @throws IllegalArgumentException for JSON that is not a config of a known method
     */
    public static RunConfig readConfig(String json) {
        JsonNode method;
        try {
            method = JSON.readTree(json).path(ConfigFields.METHOD);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("config JSON is not valid JSON: " + e.getOriginalMessage());
        }
        return C2fplConfig.METHOD.equals(method.asText()) ? C2fplConfig.fromJson(json) : GclConfig.fromJson(json);
    }
}
