package gcl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code environment/gcl <command>}: the library's command-line entry point.
 *
 * <p>Each command is a small class in this package; containers ({@code synth}, {@code data},
 * {@code bench}) group related ones. Exit codes: 0 success, 1 the work found a problem (a bad
 * dataset, failed videos), 2 a usage error.
 */
@Command(name = "gcl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Generative Cooperative Learning (Zaheer et al., CVPR 2022): data, training and evaluation from the command line.",
        subcommands = {
            VersionCommand.class,
            ExtractCommand.class,
            TrainCommand.class,
            ScoreCommand.class,
            SynthCommand.class,
            DataCommand.class,
            BenchCommand.class,
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
            commandLine.getErr().println("gcl " + commandLine.getCommandName() + ": " + messageOf(ex));
            if (System.getenv("GCL_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    private static String messageOf(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
