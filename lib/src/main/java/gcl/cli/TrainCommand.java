package gcl.cli;

import gcl.Outputs;
import gcl.Profile;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.experiment.Run;
import gcl.synth.SyntheticFeatures;
import gcl.train.GclConfig;
import gcl.train.GclTrainer;
import gcl.train.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gcl train}: one GCL (or AE) run on a dataset directory, kept in a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train one configuration of the paper and evaluate it on the test split.",
            "Trains on a dataset's training split and evaluates the model after the last epoch on its test split.",
            "RUN_DIR receives run.json (config, seed, data fingerprint, versions),",
            "checkpoint/ (G, D and optimiser state, replaced after every epoch),",
            "history.csv and metrics.csv.",
            "Variants: ae-all-data, ae-occ, ae-td, gcl-wo-nl, gcl-b, gcl-pt, gcl-occ,",
            "gcl-ws, gcl-own-labels, gcl-soft."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--data", paramLabel = "DIR", description = "Dataset directory (default: the embedded synthetic features of the profile, seed 0).")
    Path data;

    @Option(names = "--out", paramLabel = "RUN_DIR", required = true, description = "Run directory to create (or to continue with --resume).")
    Path out;

    @Option(names = "--variant", description = "Which configuration of the paper (default: gcl-pt): --set variant=VARIANT.")
    void variant(String variant) {
        config.add("variant", variant);
    }

    @Option(names = "--seed", description = "Master seed (default: 1): --set seed=SEED.")
    void seed(long seed) {
        config.add("seed", seed);
    }

    @Option(names = "--resume", description = "Continue the interrupted run in RUN_DIR with its own config (options that would change it are refused).")
    boolean resume;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Outputs.checkFolder("--out", out);
        Outputs.refuseOverlap("--out", out, Outputs.inputs("--data", data));
        if (!resume) {
            checkNewRunDirectory(out);
        }
        Profile p = config.profile();
        Dataset ds = data == null ? SyntheticFeatures.cached(p, 0) : DatasetDirectory.load(data);
        Run r;
        if (resume) {
            checkResumeOptions(new RunDirectory(out).readManifest().config(), ds);
            r = Run.resume("resumed", out, ds, quiet);
        } else {
            GclConfig c = config.config();
            if (!quiet) {
                System.out.println("gcl train: " + c.variant().paperName() + " on " + ds.info().name()
                        + " (" + ds.train().size() + " training segments, d = " + ds.train().dim() + "), seed " + c.seed());
            }
            r = Run.train(c.variant().paperName(), ds, c, out, quiet);
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
    static void checkNewRunDirectory(Path out) throws IOException {
        if (Files.isRegularFile(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file; give a new folder for the run");
        }
        if (Files.isDirectory(out)) {
            try (var entries = Files.list(out)) {
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
        GclConfig asked = config.apply(presetGiven ? saved.withPreset(config.preset()) : saved);
        asked = new GclTrainer(asked, ds.train()).config();
        List<String> changes = new ArrayList<>();
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
}
