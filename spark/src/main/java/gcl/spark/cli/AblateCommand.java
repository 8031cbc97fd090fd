package gcl.spark.cli;

import gcl.cli.AblateOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gcl-spark ablate}: {@code gcl ablate} with one Spark task per (method, seed) run. */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = {"Run the component ablation of the paper's Table 2 (AE_AllData, AE_OCC, AE_TD, GCL w/o NL, GCL_B, GCL_PT, GCL_OCC)",
            "over seeds, one Spark task per (method, seed) run, into the run cache shared with the notebooks; write the same",
            "rows as 'gcl ablate'. The data and the cache must be at the same path on every node."})
public final class AblateCommand implements Callable<Integer> {
    @Mixin
    SparkOptions spark;

    @Mixin
    AblateOptions options;

    @Override
    public Integer call() throws Exception {
        return GridCommands.runAndReport(spark, options.experiment(), options::paperTrials, options::seeds, "gcl ablate");
    }
}
