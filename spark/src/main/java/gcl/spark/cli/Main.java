package gcl.spark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code environment/gcl-spark <command>} (or {@code spark-submit ... gcl-spark-*-cluster.jar <command>}):
 * {@code extract}, {@code ablate} and {@code seeds} as Spark jobs. Exit codes as {@code gcl}'s:
 * 0 success, 1 the work found a problem (failed videos, a failed job), 2 a usage error.
 */
@Command(name = "gcl-spark",
        mixinStandardHelpOptions = true,
        versionProvider = gcl.cli.VersionCommand.Provider.class,
        description = {"Feature extraction and the paper's experiment grids on Apache Spark: the same outputs as",
            "'gcl extract', 'gcl ablate' and 'gcl seeds', one Spark task per video or per (method, seed) run.",
            "Local by default (--master local[*]); --master spark://HOST:PORT sends the executors of a standalone cluster",
            "this program's jars; on YARN or Kubernetes, spark-submit the module's cluster jar (README)."},
        subcommands = {
            ExtractCommand.class,
            AblateCommand.class,
            SeedsCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main extends gcl.cli.TopCommand {
    /** Runs a command line and returns its exit code (tests call this), as {@code gcl}'s {@link gcl.cli.Main#execute} does. */
    public static int run(String... args) {
        return gcl.cli.Main.execute(new Main(), Main::cause, args);
    }

    /** The first cause that is not Spark's: Spark wraps a task's exception in its own. */
    static Throwable cause(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t instanceof org.apache.spark.SparkException) {
            t = t.getCause();
        }
        return t;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
