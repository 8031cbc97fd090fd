package gcl.cli;

import gcl.experiment.PaperTrials;
import gcl.experiment.Trial;
import gcl.train.GclConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code gcl ablate} that the spark module's {@code ablate} takes too: {@link ExperimentOptions},
 * seeds 1, 2 and 3 by default, Fig. 5's negative-learning targets instead of Table 2, and C2FPL beside Table 2's
 * methods when {@code --methods} names it. A picocli mixin.
 */
public final class AblateOptions {
    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--seeds", defaultValue = "1,2,3", description = "Seeds: a list or a range, e.g. 1,2,3 or 1-10 (default ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--nl-targets", description = "Instead of Table 2, run Fig. 5's negative-learning targets (ones, random normal, gaussian 1.5 and 6.0, none).")
    boolean nlTargets;

    /** Data, config, methods, cache and output. */
    public ExperimentOptions experiment() {
        return experiment;
    }

    /** Whether {@code --nl-targets} was given. */
    public boolean nlTargets() {
        return nlTargets;
    }

    /**
     * Table 2's trials on a base config, then C2FPL's ({@link PaperTrials#c2fpl}, on {@link ExperimentOptions#c2fplConfig})
     * when {@code --methods} names it; with {@code --nl-targets} Fig. 5's.
     */
    public List<Trial> paperTrials(GclConfig base) {
        if (nlTargets) {
            return PaperTrials.negativeTargets(base);
        }
        List<Trial> trials = new ArrayList<>(PaperTrials.table2(base));
        if (experiment.names(PaperTrials.C2FPL)) {
            trials.add(PaperTrials.c2fpl(experiment.c2fplConfig()));
        }
        return trials;
    }

    /** {@code --seeds}, parsed. */
    public List<Long> seeds() {
        return ExperimentOptions.seeds(seeds);
    }
}
