package gcl.cli;

import picocli.CommandLine;

/**
 * What a command line's top command ({@code gcl}, the spark module's {@code gcl-spark}) does without a
 * subcommand: print its usage. Run through {@link Main#execute}.
 */
public abstract class TopCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
