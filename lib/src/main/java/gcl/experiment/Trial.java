package gcl.experiment;

import gcl.train.GclConfig;
import java.util.Objects;

/**
 * One configuration of an experiment, with the name its tables and charts show
 * (e.g. {@code GCL_B} or {@code NL: gaussian σ=6}).
 */
public record Trial(String name, GclConfig config) {
    public Trial {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
    }

    /** The same trial with another seed. */
    public Trial withSeed(long seed) {
        return new Trial(name, config.withSeed(seed));
    }
}
