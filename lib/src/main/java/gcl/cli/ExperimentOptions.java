package gcl.cli;

import gcl.Outputs;
import gcl.Profile;
import gcl.c2fpl.C2fplConfig;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.experiment.Experiment;
import gcl.experiment.PaperTrials;
import gcl.experiment.RunCache;
import gcl.experiment.Trial;
import gcl.synth.SyntheticFeatures;
import gcl.train.GclConfig;
import gcl.train.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code gcl ablate} and {@code gcl seeds}: data, the config ({@link ConfigOptions}), methods,
 * cache and the CSV to write; {@link AblateOptions} and {@link SeedsOptions} add each command's seeds.
 * Public so that the spark module's {@code ablate} and {@code seeds} take the same options.
 */
public final class ExperimentOptions {
    @Option(names = "--data", description = "Dataset directory (default: the embedded synthetic features of the profile, seed 0, generated on first use).")
    Path data;

    @Mixin
    ConfigOptions config;

    @Option(names = "--methods", split = ",", paramLabel = "METHOD", description = "Run only these of the command's methods, e.g. gcl-pt,gcl-occ or GCL_PT (default: all of them); ablate also takes c2fpl, run only when named.")
    List<String> methods = List.of();

    @Option(names = "--fresh", description = "Train every run anew, even when the cache holds it.")
    boolean fresh;

    @Option(names = "--cache", description = "Run cache folder (default: the runs folder of the cache shared with the notebooks, $GCL_CACHE/runs).")
    Path cache;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Option(names = "--out", required = true, description = "CSV file for the per-run rows.")
    Path out;

    /** {@code --profile}, else {@code GCL_PROFILE}, else quick. */
    public Profile profile() {
        return config.profile();
    }

    /** The dataset directory: {@code --data}, else the embedded synthetic set of the profile (generated on first use). */
    public Path dataDir() throws IOException {
        if (data != null) {
            return data;
        }
        Path dir = SyntheticFeatures.cacheDir(profile(), 0);
        if (!Files.exists(dir.resolve(DatasetDirectory.DATASET_JSON))) {
            SyntheticFeatures.cached(profile(), 0);
        }
        return dir;
    }

    /**
     * Checks, before any data is loaded or any run trains, what would otherwise fail only at the end:
     * {@code --out} is a file that can be written, not inside {@code --data}, a dataset directory or a
     * run directory; {@code --cache} is a folder.
     *
     * @throws IllegalArgumentException naming the option
     */
    public void checkOptions() {
        Outputs.checkFile("--out", out);
        Outputs.refuseOverlap("--out", out, Outputs.inputs("--data", data));
        Outputs.refuseInsideManaged("--out", out);
        if (cache != null) {
            Outputs.checkFolder("--cache", cache);
        }
    }

    /** {@code --out}: the CSV file for the per-run rows. */
    public Path out() {
        return out;
    }

    /** Whether {@code --fresh} was given. */
    public boolean fresh() {
        return fresh;
    }

    /** Whether {@code --quiet} was given. */
    public boolean quiet() {
        return quiet;
    }

    /** The run cache: {@code --cache}, else the one shared with the notebooks. */
    public RunCache cache() {
        return cache == null ? RunCache.defaultCache() : new RunCache(cache);
    }

    /** The dataset, loaded ({@code --data}, else the embedded synthetic set of the profile). */
    public Dataset dataset() throws IOException {
        return data == null ? SyntheticFeatures.cached(profile(), 0) : DatasetDirectory.load(data);
    }

    /** The profile's config of the {@code --preset}, with every override applied ({@link ConfigOptions}). */
    public GclConfig baseConfig() {
        return config.config();
    }

    /** C2FPL's config of the profile, with every {@code --set c2fpl.FIELD=VALUE} applied ({@link ConfigOptions#c2fplConfig}). */
    public C2fplConfig c2fplConfig() {
        return config.c2fplConfig();
    }

    /** Whether {@code --methods} names this method (in any spelling: {@code c2fpl}, {@code C2FPL}). */
    public boolean names(String method) {
        return methods.stream().anyMatch(m -> normalise(m).equals(normalise(method)));
    }

    /**
     * The trials named by {@code --methods} (by trial name or variant, in any spelling
     * {@link Variant#parse} takes), in the command's order; all of them without {@code --methods}.
     */
    public List<Trial> select(List<Trial> trials) {
        if (methods.isEmpty()) {
            return trials;
        }
        List<Trial> kept = new ArrayList<>();
        for (String m : methods) {
            if (trials.stream().noneMatch(t -> matches(t, m))) {
                throw new IllegalArgumentException("--methods: '" + m + "' is not one of "
                        + trials.stream().map(Trial::name).toList());
            }
        }
        for (Trial t : trials) {
            if (methods.stream().anyMatch(m -> matches(t, m))) {
                kept.add(t);
            }
        }
        return kept;
    }

    private static boolean matches(Trial trial, String method) {
        if (normalise(trial.name()).equals(normalise(method))) {
            return true;
        }
        try {
            Variant v = Variant.parse(method);
            return trial.config() instanceof GclConfig g && g.variant() == v && trial.name().equals(v.paperName());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** An experiment on the dataset with these options' cache, {@code --fresh} and {@code --quiet}. */
    public Experiment experiment(Dataset ds) {
        Experiment e = Experiment.on(ds).fresh(fresh).quiet(quiet).epochProgress(profile() == Profile.FULL);
        return cache == null ? e : e.cache(new RunCache(cache));
    }

    /** Parses a {@code --seeds} value ({@link PaperTrials#parseSeeds}). */
    public static List<Long> seeds(String text) {
        return PaperTrials.parseSeeds(text);
    }
}
