package gcl.cli;

import gcl.Profile;
import gcl.clean.VideoCentring;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.data.FeatureSet;
import gcl.synth.SyntheticFeatures;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.GclTrainer;
import gcl.train.Preset;
import gcl.train.TrainingResult;
import gcl.train.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcl bench memory}: peak resident memory of full-profile training on a dataset directory. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"Peak resident memory (VmHWM) of loading a dataset and training on it with the full profile,",
            "next to the features' size and the bound 1.25 x feature bytes + 2 GB.",
            "--make-ucf-scale DIR first writes a synthetic set of UCF-Crime's size (1,610 training videos,",
            "about 725,000 segments, d = 2048, ~6 GB) into DIR."})
public final class BenchMemoryCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Dataset directory to load and train on.")
    Path data;

    @Option(names = "--make-ucf-scale", paramLabel = "DIR", description = "Write the UCF-Crime-sized synthetic set into DIR (once) and exit.")
    Path make;

    @Option(names = "--variants", split = ",", defaultValue = "ae-alldata,gcl-b",
            description = "Configurations to train, one after the other (default: ${DEFAULT-VALUE}).")
    List<String> variants;

    @Option(names = "--epochs", defaultValue = "1", description = "Epochs per run (pre-training epochs too; default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--runs", defaultValue = "1", description = "Times the list of variants is trained in this JVM (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--preset", defaultValue = "robust", description = "paper or robust (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--centring", description = "Video centring instead of the preset's: none, median, streaming or auto.")
    String centring;

    @Option(names = "--max-batches", defaultValue = "0",
            description = "Stop each run after this many batches (0: whole epochs through the trainer; default: ${DEFAULT-VALUE}).")
    int maxBatches;

    @Override
    public Integer call() throws IOException {
        if (make != null) {
            SyntheticFeatures.Config c = SyntheticFeatures.Config.ucfCrimeSized(Profile.FULL);
            long start = System.nanoTime();
            SyntheticFeatures.write(c, 1, make);
            System.out.println(String.format(Locale.ROOT, "wrote %s: %d training and %d test videos in %.0f s", make,
                    c.trainVideos(), c.testVideos(), (System.nanoTime() - start) / 1e9));
            return 0;
        }
        if (data == null) {
            System.err.println("bench memory: give --data DIR (or --make-ucf-scale DIR)");
            return 2;
        }
        report("JVM started");
        long start = System.nanoTime();
        Dataset ds = DatasetDirectory.load(data);
        FeatureSet train = ds.train();
        long featureBytes = 4L * ds.info().featureDim() * (train.size() + ds.test().size());
        report(String.format(Locale.ROOT, "loaded %s in %.0f s: %d training + %d test segments, d = %d, features %.2f GiB",
                data, (System.nanoTime() - start) / 1e9, train.size(), ds.test().size(), ds.info().featureDim(), featureBytes / GIB));
        double bound = 1.25 * featureBytes + 2 * GIB;
        for (int run = 1; run <= runs; run++) {
            for (String name : variants) {
                Variant v = Variant.parse(name);
                GclConfig asked = GclConfig.forProfile(Preset.parse(preset), Profile.FULL).withVariant(v).withEpochs(epochs)
                        .with("pretrainEpochs", epochs);
                if (centring != null) {
                    asked = asked.with("videoCentring", VideoCentring.parse(centring));
                }
                long t = System.nanoTime();
                GclTrainer trainer = new GclTrainer(asked, train).quiet();
                if (maxBatches > 0) {
                    try (GclModel model = trainer.newModel()) {
                        partialEpoch(model, train, trainer.config());
                    }
                } else {
                    TrainingResult r = trainer.train();

                    r.model().close();
                }
                report(String.format(Locale.ROOT, "run %d, %s, %s: %.0f s", run, v.paperName(),
                        maxBatches > 0 ? maxBatches + " batches" : epochs + " epoch(s)", (System.nanoTime() - t) / 1e9));
            }
        }
        long peak = status("VmHWM");
        System.out.println(String.format(Locale.ROOT,
                "peak RSS %.2f GiB = %.0f bytes per training segment (feature row: %d bytes); bound 1.25 x features + 2 GiB = %.2f GiB: %s",
                peak / GIB, (double) peak / train.size(), 4 * ds.info().featureDim(), bound / GIB, peak <= bound ? "within" : "OVER"));
        return 0;
    }

    private static final double GIB = 1024.0 * 1024 * 1024;

    /** A cooperative (or autoencoder) epoch cut after {@code maxBatches} batches, through the same steps as the trainer. */
    private void partialEpoch(GclModel model, FeatureSet train, GclConfig config) {
        Random rng = new Random(1);
        List<int[]> batches = new ArrayList<>(train.shuffledBatches(config.batchSize(), rng));
        for (int[] b : batches.subList(0, Math.min(maxBatches, batches.size()))) {
            try (INDArray x = train.rows(b)) {
                if (config.variant().cooperative()) {
                    model.iterate(x, rng);
                } else {
                    model.trainGenerator(x, x, null);
                }
            }
        }
    }

    private static void report(String what) throws IOException {
        System.out.println(String.format(Locale.ROOT, "%-90s RSS %6.2f GiB, peak %6.2f GiB", what, status("VmRSS") / GIB,
                status("VmHWM") / GIB));
    }

    /** A field of /proc/self/status in bytes (0 where there is no /proc). */
    static long status(String field) throws IOException {
        Path p = Path.of("/proc/self/status");
        if (!Files.exists(p)) {
            return 0;
        }
        for (String line : Files.readAllLines(p)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
