package gcl.cli;

import gcl.Profile;
import gcl.data.Dataset;
import gcl.synth.SyntheticFeatures;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcl synth features}: writes the embedded synthetic feature dataset. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Write the embedded synthetic feature dataset (a teaching proxy, not real video) as a dataset directory.",
            "The same seed and profile write byte-identical files."})
public final class SynthFeaturesCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Dataset directory to write.")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Master seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--profile", description = "quick (d = 64, seconds to train) or full (d = 2048); default: GCL_PROFILE, else quick.")
    String profile;

    @Override
    public Integer call() throws Exception {
        Profile p = profile == null ? Profile.current() : Profile.parse(profile);
        Dataset ds = SyntheticFeatures.write(p, seed, out);
        System.out.println("wrote " + out + ": " + ds.info().name() + " seed " + seed + ", train " + ds.train()
                + ", test " + ds.test() + ", fingerprint " + ds.fingerprint());
        return 0;
    }
}
