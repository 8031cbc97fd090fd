package gcl.spark.cli;

import gcl.cli.ExperimentOptions;
import gcl.experiment.PaperTrials;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gcl-spark seeds}: {@code gcl seeds} (GCL_B and GCL_PT over seeds, Fig. 10) with one Spark task per run. */
@Command(name = "seeds", mixinStandardHelpOptions = true,
        description = {"Run GCL_B and GCL_PT over several seeds (the paper's Fig. 10), one Spark task per (method, seed) run,",
            "into the run cache shared with the notebooks; write the same rows as 'gcl seeds'."})
public final class SeedsCommand implements Callable<Integer> {
    @Mixin
    SparkOptions spark;

    @Mixin
    ExperimentOptions options;

    @Option(names = "--seeds", defaultValue = "1-10", description = "Seeds: a list or a range (default ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--out", required = true, description = "CSV file for the per-run rows.")
    Path out;

    @Override
    public Integer call() throws Exception {
        return GridCommands.runAndReport(spark, options, PaperTrials::convergence, seeds, out, "gcl seeds");
    }
}
