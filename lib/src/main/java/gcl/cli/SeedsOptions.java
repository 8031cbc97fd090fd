package gcl.cli;

import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code gcl seeds} that the spark module's {@code seeds} takes too: {@link ExperimentOptions}
 * and seeds 1 to 10 by default. A picocli mixin.
 */
public final class SeedsOptions {
    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--seeds", defaultValue = "1-10", description = "Seeds: a list or a range (default ${DEFAULT-VALUE}).")
    String seeds;

    /** Data, config, methods, cache and output. */
    public ExperimentOptions experiment() {
        return experiment;
    }

    /** {@code --seeds}, parsed. */
    public List<Long> seeds() {
        return ExperimentOptions.seeds(seeds);
    }
}
