package gcl.spark.cli;

import gcl.cli.SeedsOptions;
import gcl.experiment.PaperTrials;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gcl-spark seeds}: {@code gcl seeds} (GCL_B and GCL_PT over seeds, Fig. 10) with one Spark task per run. */
@Command(name = "seeds", mixinStandardHelpOptions = true,
        description = {"Run GCL_B and GCL_PT over several seeds (the paper's Fig. 10), one Spark task per (method, seed) run,",
            "into the run cache shared with the notebooks; write the same rows as 'gcl seeds'."})
public final class SeedsCommand implements Callable<Integer> {
    @Mixin
    SparkOptions spark;

    @Mixin
    SeedsOptions options;

    @Override
    public Integer call() throws Exception {
        return GridCommands.runAndReport(spark, options.experiment(), PaperTrials::convergence, options::seeds, "gcl seeds");
    }
}
