package gcl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gcl data ...}: Check and import dataset directories. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Check and import dataset directories.",
        subcommands = {
            DataCheckCommand.class,
            DataImportCommand.class,
        })
public final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
