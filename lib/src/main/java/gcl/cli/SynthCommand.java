package gcl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gcl synth ...}: Make the embedded synthetic datasets (features or videos). */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Make the embedded synthetic datasets (features or videos).",
        subcommands = {
            SynthFeaturesCommand.class,
            SynthVideosCommand.class,
        })
public final class SynthCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
