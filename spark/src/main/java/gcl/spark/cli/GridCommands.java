package gcl.spark.cli;

import gcl.TableText;
import gcl.cli.ExperimentOptions;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.experiment.Experiment;
import gcl.experiment.RunCache;
import gcl.experiment.Summaries;
import gcl.experiment.Trial;
import gcl.spark.DistributedGrid;
import gcl.spark.GclSpark;
import gcl.spark.TaskProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import gcl.train.GclConfig;
import org.apache.spark.api.java.JavaSparkContext;
import tech.tablesaw.api.Table;

/** What {@code ablate} and {@code seeds} share: the grid on Spark, then the rows and the summary as {@code gcl} writes them. */
final class GridCommands {
    private GridCommands() {
    }

    /**
     * Runs the command's paper trials on Spark and writes {@code --out}; the options are checked and the
     * seeds parsed before the data is loaded, as {@code gcl} does.
     */
    static int runAndReport(SparkOptions spark, ExperimentOptions options, Function<GclConfig, List<Trial>> paperTrials,
                            Supplier<List<Long>> seeds, String appName) throws Exception {
        options.checkOptions();
        List<Long> seedList = seeds.get();
        List<Trial> trials = options.select(paperTrials.apply(options.baseConfig()));
        Path dataDir = options.dataDir();
        Dataset data = DatasetDirectory.load(dataDir);
        Path out = options.out();
        RunCache cache = options.cache();
        System.out.println("data: " + data.info().name() + " (" + data.fingerprint() + ")"
                + (data.info().synthetic() ? " — synthetic teaching proxy: results are not the paper's" : ""));
        Table runs;
        try (JavaSparkContext sc = spark.start(appName)) {
            System.out.println("spark: " + GclSpark.awaitExecutors(sc) + "; " + trials.size() * seedList.size() + " runs");
            runs = DistributedGrid.run(sc, dataDir, data, cache, trials, seedList, options.fresh(), options.quiet(), TaskProbe.NONE);
        }
        Experiment.writeCsv(runs, out);
        Table summary = Summaries.summary(runs);
        System.out.println();
        System.out.print(TableText.text(Summaries.compare(summary, data.info().name()), 100));
        System.out.println("wrote " + out + " (" + runs.rowCount() + " runs; run directories in " + cache.root() + ")");
        return 0;
    }
}
