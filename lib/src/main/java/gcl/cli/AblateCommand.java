package gcl.cli;

import gcl.data.Dataset;
import gcl.experiment.Experiment;
import gcl.experiment.PaperTrials;
import gcl.experiment.Trial;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gcl ablate}: the paper's Table 2 configurations over seeds, one CSV row per (method, seed). */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = {"Run the component ablation of the paper's Table 2 (AE_AllData, AE_OCC, AE_TD, GCL w/o NL, GCL_B, GCL_PT, GCL_OCC)",
            "over seeds and write one row per (method, seed) with its frame-level AUC. Runs already made with the same",
            "config, seed and data are read from the cache shared with the notebooks."})
public final class AblateCommand implements Callable<Integer> {
    @Mixin
    ExperimentOptions options;

    @Option(names = "--seeds", defaultValue = "1,2,3", description = "Seeds: a list or a range, e.g. 1,2,3 or 1-10 (default ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--out", required = true, description = "CSV file for the per-run rows.")
    Path out;

    @Option(names = "--nl-targets", description = "Instead of Table 2, run Fig. 5's negative-learning targets (ones, random normal, gaussian 1.5 and 6.0, none).")
    boolean nlTargets;

    @Option(names = "--remedies",
            description = "Instead of Table 2, run lesson 03's remedy ablation: GCL w/o NL, GCL_B and GCL_PT under the paper's recipe, with each remedy of the robust preset added alone, removed alone, and all of them (--preset is ignored).")
    boolean remedies;

    @Override
    public Integer call() throws Exception {
        if (nlTargets && remedies) {
            throw new IllegalArgumentException("--nl-targets and --remedies: choose one");
        }
        Dataset ds = options.dataset();
        List<Trial> trials = nlTargets ? PaperTrials.negativeTargets(options.baseConfig())
                : remedies ? PaperTrials.remedies(options.baseConfig())
                : PaperTrials.table2(options.baseConfig());
        return ExperimentCommands.runAndReport(options.experiment(ds), options.select(trials), ExperimentOptions.seeds(seeds), out);
    }
}
