package gcl.cli;

import gcl.data.Dataset;
import gcl.experiment.PaperTrials;
import gcl.experiment.Trial;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gcl ablate}: the paper's Table 2 configurations over seeds, one CSV row per (method, seed). */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = {"Run the component ablation of the paper's Table 2 over seeds.",
            "The methods are AE_AllData, AE_OCC, AE_TD, GCL w/o NL, GCL_B, GCL_PT and GCL_OCC; one row per (method, seed)",
            "with its frame-level AUC. Runs already made with the same config, seed and data are read from the cache",
            "shared with the notebooks. --methods c2fpl adds C2FPL (coarse-to-fine pseudo-labels, lesson 08) on the same",
            "data, seeds and cache."})
public final class AblateCommand implements Callable<Integer> {
    @Mixin
    AblateOptions options;

    @Option(names = "--remedies",
            description = "Instead of Table 2, run lesson 03b's remedy ablation: GCL w/o NL, GCL_B and GCL_PT under the paper's recipe, with each remedy of the robust preset added alone, removed alone, and all of them (--preset is ignored).")
    boolean remedies;

    @Override
    public Integer call() throws Exception {
        if (options.nlTargets() && remedies) {
            throw new IllegalArgumentException("--nl-targets and --remedies: choose one");
        }
        ExperimentOptions o = options.experiment();
        o.checkOptions();
        List<Long> seeds = options.seeds();
        List<Trial> trials = o.select(remedies ? PaperTrials.remedies(o.baseConfig()) : options.paperTrials(o.baseConfig()));
        Dataset ds = o.dataset();
        return ExperimentCommands.runAndReport(o.experiment(ds), trials, seeds, o.out());
    }
}
