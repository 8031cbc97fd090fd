package gcl.cli;

import gcl.Profile;
import gcl.clean.DifferenceThreshold;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.experiment.Run;
import gcl.synth.SyntheticFeatures;
import gcl.train.GclConfig;
import gcl.train.NegativeTarget;
import gcl.train.Preset;
import gcl.train.RunDirectory;
import gcl.train.ScoreSource;
import gcl.train.Threshold;
import gcl.train.Variant;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcl train}: one GCL (or AE) run on a dataset directory, kept in a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train one configuration of the paper on a dataset's training split and",
            "evaluate the model after the last epoch on its test split.",
            "RUN_DIR receives run.json (config, seed, data fingerprint, versions),",
            "checkpoint/ (G, D and optimiser state, replaced after every epoch),",
            "history.csv and metrics.csv.",
            "Variants: ae-all-data, ae-occ, ae-td, gcl-wo-nl, gcl-b, gcl-pt, gcl-occ,",
            "gcl-ws, gcl-own-labels, gcl-soft.",
            "Fields for --set: variant, seed, epochs, batchSize, pretrainEpochs,",
            "generatorHidden, discriminatorHidden, hiddenActivation, generatorLoss,",
            "learningRate, momentum, rmsAlpha, rmsEpsilon, generatorThreshold,",
            "discriminatorThreshold, negativeTarget, tdThreshold, tdKeepFirst,",
            "weakLabelFraction, scoreBy."})
public final class TrainCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Dataset directory (default: the embedded synthetic features of the profile, seed 0).")
    Path data;

    @Option(names = "--out", paramLabel = "RUN_DIR", required = true, description = "Run directory to create (or to continue with --resume).")
    Path out;

    @Option(names = "--preset", defaultValue = "robust",
            description = "paper (the paper's recipe exactly) or robust (ours: video centring, D's prior and threshold, TD percentile; lesson 03); default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--variant", description = "Which configuration of the paper (default: the profile's, gcl-pt).")
    String variant;

    @Option(names = "--nl", paramLabel = "TARGET", description = "Negative-learning pseudo target: ones, random-normal, gaussian:SIGMA, none.")
    String nl;

    @Option(names = "--seed", description = "Master seed (default: the config's, 1).")
    Long seed;

    @Option(names = "--profile", description = "quick or full (default: GCL_PROFILE, else quick): the base config.")
    String profile;

    @Option(names = "--epochs", description = "Epochs of the loop (AE variants: of the autoencoder).")
    Integer epochs;

    @Option(names = "--pretrain-epochs", description = "Epochs of each pre-training step.")
    Integer pretrainEpochs;

    @Option(names = "--batch", description = "Batch size.")
    Integer batch;

    @Option(names = "--g-threshold", description = "Threshold of G's pseudo-labels: mean+Kstd, top:P or otsu.")
    String gThreshold;

    @Option(names = "--d-threshold", description = "Threshold of D's pseudo-labels: mean+Kstd, top:P or otsu.")
    String dThreshold;

    @Option(names = "--td-threshold", description = "TD cleaning D_th: a distance (0.70) or a percentile (p60).")
    String tdThreshold;

    @Option(names = "--weak-labels", paramLabel = "PERCENT", description = "GCL_WS: percentage (0-100) of training videos whose label is used.")
    Double weakPercent;

    @Option(names = "--score-by", description = "Segment score: d (discriminator) or g (generator).")
    String scoreBy;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "Change any config field, e.g. --set generatorHidden=[256,64,256] (repeatable).")
    List<String> overrides = List.of();

    @Option(names = "--resume", description = "Continue the interrupted run in RUN_DIR with its own config (options that would change it are refused).")
    boolean resume;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (!resume) {
            checkNewRunDirectory(out);
        }
        Profile p = profile == null ? Profile.current() : Profile.parse(profile);
        GclConfig config = resume ? null : config(GclConfig.forProfile(Preset.parse(preset), p));
        Dataset ds = data == null ? SyntheticFeatures.cached(p, 0) : DatasetDirectory.load(data);
        if (resume) {
            checkResumeOptions(new RunDirectory(out).readManifest().config(), ds);
        }
        Run r;
        if (resume) {
            r = Run.resume("resumed", out, ds, quiet);
        } else {
            if (!quiet) {
                System.out.println("gcl train: " + config.variant().paperName() + " on " + ds.info().name()
                        + " (" + ds.train().size() + " training segments, d = " + ds.train().dim() + "), seed " + config.seed());
            }
            r = Run.train(config.variant().paperName(), ds, config, out, quiet);
        }
        if (r.metrics() != null) {
            System.out.println(r.metrics());
        } else {
            System.out.println("no test ground truth: no metrics");
        }
        System.out.println("run directory: " + out.toAbsolutePath() + " (history in " + RunDirectory.HISTORY + ")");
        return 0;
    }

    /** A new run goes into a new (or empty) folder: never among another run's or anyone's files. */
    static void checkNewRunDirectory(Path out) throws java.io.IOException {
        if (java.nio.file.Files.isRegularFile(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file; give a new folder for the run");
        }
        if (java.nio.file.Files.isDirectory(out)) {
            try (var entries = java.nio.file.Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out " + out + " already exists and is not empty; give a new folder,"
                            + " or add --resume to continue the run in it");
                }
            }
        }
    }

    /**
     * With {@code --resume} the run goes on with its saved config: options that would change it are
     * refused by name (silently keeping the old values would train something else than asked for);
     * options that repeat the saved values are fine.
     */
    void checkResumeOptions(GclConfig saved, Dataset ds) {
        boolean presetGiven = spec.commandLine().getParseResult().hasMatchedOption("--preset");
        GclConfig asked = config(presetGiven ? saved.withPreset(Preset.parse(preset)) : saved).resolvedFor(ds.train());
        List<String> changes = new java.util.ArrayList<>();
        var before = saved.toJsonTree();
        var after = asked.toJsonTree();
        for (String field : GclConfig.fieldNames()) {
            if (!before.get(field).equals(after.get(field))) {
                changes.add(field + " " + after.get(field) + " (saved: " + before.get(field) + ")");
            }
        }
        if (!changes.isEmpty()) {
            throw new IllegalArgumentException("--resume continues the run in " + out + " with its saved config, but the options"
                    + " change " + String.join(", ", changes) + "; drop those options to resume, or train a new run in another folder");
        }
    }

    /** The options applied to a base config. */
    GclConfig config(GclConfig base) {
        GclConfig c = base;
        if (variant != null) {
            c = c.withVariant(Variant.parse(variant));
        }
        if (nl != null) {
            c = c.withNegativeTarget(NegativeTarget.parse(nl));
        }
        if (seed != null) {
            c = c.withSeed(seed);
        }
        if (epochs != null) {
            c = c.withEpochs(epochs);
        }
        if (pretrainEpochs != null) {
            c = c.with("pretrainEpochs", pretrainEpochs);
        }
        if (batch != null) {
            c = c.with("batchSize", batch);
        }
        if (gThreshold != null) {
            c = c.with("generatorThreshold", Threshold.parse(gThreshold).id());
        }
        if (dThreshold != null) {
            c = c.with("discriminatorThreshold", Threshold.parse(dThreshold).id());
        }
        if (tdThreshold != null) {
            c = c.with("tdThreshold", DifferenceThreshold.parse(tdThreshold).id());
        }
        if (weakPercent != null) {
            if (weakPercent < 0 || weakPercent > 100) {
                throw new IllegalArgumentException("--weak-labels takes a percentage in [0, 100], got " + weakPercent);
            }
            c = c.with("weakLabelFraction", weakPercent / 100.0);
        }
        if (scoreBy != null) {
            c = c.with("scoreBy", ScoreSource.parse(scoreBy).name());
        }
        return ExperimentOptions.applyOverrides(c, overrides);
    }
}
