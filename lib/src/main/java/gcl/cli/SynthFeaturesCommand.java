package gcl.cli;

import gcl.Profile;
import gcl.data.Dataset;
import gcl.synth.SyntheticFeatures;
import java.nio.file.Path;
import java.util.Locale;
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

    @Option(names = "--size", defaultValue = "profile",
            description = "profile (the profile's set) or ucf-crime (UCF-Crime's size: 1,610 + 290 videos, about 730,000 training segments; 5.6 GB at d = 2048), for speed and memory measurements. Default: ${DEFAULT-VALUE}.")
    String size;

    @Override
    public Integer call() throws Exception {
        Profile p = profile == null ? Profile.current() : Profile.parse(profile);
        switch (size.trim().toLowerCase(Locale.ROOT)) {
            case "profile" -> { }
            case "ucf-crime" -> {
                SyntheticFeatures.Config config = SyntheticFeatures.Config.ucfCrimeSized(p);
                SyntheticFeatures.write(config, seed, out);
                System.out.println("wrote " + out + ": " + config.name() + " seed " + seed + ", " + config.trainVideos()
                        + " training and " + config.testVideos() + " test videos, d = " + config.dim());
                return 0;
            }
            default -> throw new IllegalArgumentException("--size takes profile or ucf-crime (how many videos, not a frame size), got '" + size + "'");
        }
        Dataset ds = SyntheticFeatures.write(p, seed, out);
        System.out.println("wrote " + out + ": " + ds.info().name() + " seed " + seed + ", train " + ds.train()
                + ", test " + ds.test() + ", fingerprint " + ds.fingerprint());
        return 0;
    }
}
