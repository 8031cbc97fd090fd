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
            "Local by default (--master local[*]); on a cluster, spark-submit the module's cluster jar (README)."},
        subcommands = {
            ExtractCommand.class,
            AblateCommand.class,
            SeedsCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("gcl-spark " + commandLine.getCommandName() + ": " + messageOf(ex));
            if (System.getenv("GCL_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    /** The message of the first cause that has one: Spark wraps a task's exception in its own. */
    static String messageOf(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t instanceof org.apache.spark.SparkException) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
