package gcl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gcl bench ...}: Benchmarks: speed of the method's steps on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: speed of the method's steps on this machine.",
        subcommands = {
            BenchExtractCommand.class,
            BenchEpochCommand.class,
            BenchMemoryCommand.class,
            BenchLiveCommand.class,
        })
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
