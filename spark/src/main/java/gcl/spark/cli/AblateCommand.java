package gcl.spark.cli;

import gcl.cli.ExperimentOptions;
import gcl.experiment.PaperTrials;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gcl-spark ablate}: {@code gcl ablate} with one Spark task per (method, seed) run. */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = {"Run the component ablation of the paper's Table 2 (AE_AllData, AE_OCC, AE_TD, GCL w/o NL, GCL_B, GCL_PT, GCL_OCC)",
            "over seeds, one Spark task per (method, seed) run, into the run cache shared with the notebooks; write the same",
            "rows as 'gcl ablate'. The data and the cache must be at the same path on every node."})
public final class AblateCommand implements Callable<Integer> {
    @Mixin
    SparkOptions spark;

    @Mixin
    ExperimentOptions options;

    @Option(names = "--seeds", defaultValue = "1,2,3", description = "Seeds: a list or a range, e.g. 1,2,3 or 1-10 (default ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--out", required = true, description = "CSV file for the per-run rows.")
    Path out;

    @Option(names = "--nl-targets", description = "Instead of Table 2, run Fig. 5's negative-learning targets (ones, random normal, gaussian 1.5 and 6.0, none).")
    boolean nlTargets;

    @Override
    public Integer call() throws Exception {
        return GridCommands.runAndReport(spark, options, nlTargets ? PaperTrials::negativeTargets : PaperTrials::table2,
                seeds, out, "gcl ablate");
    }
}
