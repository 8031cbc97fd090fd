package gcl.cli;

import gcl.data.Dataset;
import gcl.experiment.PaperTrials;
import gcl.experiment.Trial;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gcl seeds}: GCL_B and GCL_PT over several seeds (the paper's Fig. 10). */
@Command(name = "seeds", mixinStandardHelpOptions = true,
        description = {"Run GCL_B and GCL_PT over several seeds (the paper's Fig. 10).",
            "Writes one row per (method, seed) with its frame-level AUC and prints mean ± std per method.",
            "Shares the run cache with the notebooks."})
public final class SeedsCommand implements Callable<Integer> {
    @Mixin
    SeedsOptions options;

    @Override
    public Integer call() throws Exception {
        ExperimentOptions o = options.experiment();
        o.checkOptions();
        List<Long> seeds = options.seeds();
        List<Trial> trials = o.select(PaperTrials.convergence(o.baseConfig()));
        Dataset ds = o.dataset();
        return ExperimentCommands.runAndReport(o.experiment(ds), trials, seeds, o.out());
    }
}
