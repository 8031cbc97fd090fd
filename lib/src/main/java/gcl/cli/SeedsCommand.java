package gcl.cli;

import gcl.data.Dataset;
import gcl.experiment.PaperTrials;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gcl seeds}: GCL_B and GCL_PT over several seeds (the paper's Fig. 10). */
@Command(name = "seeds", mixinStandardHelpOptions = true,
        description = {"Run GCL_B and GCL_PT over several seeds (the paper's Fig. 10) and write one row per (method, seed)",
            "with its frame-level AUC; prints mean ± std per method. Shares the run cache with the notebooks."})
public final class SeedsCommand implements Callable<Integer> {
    @Mixin
    ExperimentOptions options;

    @Option(names = "--seeds", defaultValue = "1-10", description = "Seeds: a list or a range (default ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--out", required = true, description = "CSV file for the per-run rows.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Dataset ds = options.dataset();
        return ExperimentCommands.runAndReport(options.experiment(ds), options.select(PaperTrials.convergence(options.baseConfig())),
                ExperimentOptions.seeds(seeds), out);
    }
}
