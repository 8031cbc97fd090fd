package gcl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

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
            WatchCommand.class,
            SynthCommand.class,
            DataCommand.class,
            BenchCommand.class,
            AblateCommand.class,
            SeedsCommand.class,
            PremiseCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main extends TopCommand {
    /** Runs a command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        return execute(new Main(), UnaryOperator.identity(), args);
    }

    /**
     * Runs a command line of a top command ({@code gcl}'s, or the spark module's {@code gcl-spark}) and
     * returns its exit code. A command that throws prints one line on stderr, "TOP COMMAND: message"
     * (the whole command, e.g. "gcl synth videos: ..."),
     * with the message of the exception that {@code cause} picks (its class name where it has none),
     * the whole stack trace too where GCL_DEBUG is set, and exits with 1.
     */
    public static int execute(TopCommand top, UnaryOperator<Throwable> cause, String... args) {
        CommandLine cli = new CommandLine(top);
        listConfigFields(cli);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": "
                    + messageOf(cause.apply(ex)));
            if (System.getenv("GCL_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    private static final String CONFIG_FIELDS = "configFields";

    /** Ends the help of every command that takes {@link FieldOverrides} with the config's fields. */
    private static void listConfigFields(CommandLine command) {
        if (takesConfig(command.getCommandSpec())) {
            command.getHelpSectionMap().put(CONFIG_FIELDS, FieldOverrides::fieldsHelp);
            List<String> keys = new ArrayList<>(command.getHelpSectionKeys());
            keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER), CONFIG_FIELDS);
            command.setHelpSectionKeys(keys);
        }
        command.getSubcommands().values().forEach(Main::listConfigFields);
    }

    private static boolean takesConfig(CommandSpec spec) {
        return spec.userObject() instanceof FieldOverrides
                || spec.mixins().values().stream().anyMatch(Main::takesConfig);
    }

    private static String messageOf(Throwable ex) {

        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
