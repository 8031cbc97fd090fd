package gcl.cli;

import gcl.Profile;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.experiment.Experiment;
import gcl.experiment.PaperTrials;
import gcl.experiment.RunCache;
import gcl.experiment.Trial;
import gcl.synth.SyntheticFeatures;
import gcl.train.GclConfig;
import gcl.train.Preset;
import gcl.train.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code gcl ablate} and {@code gcl seeds}: data, profile, config overrides, methods,
 * cache and the CSV to write; {@link AblateOptions} and {@link SeedsOptions} add each command's seeds.
 * Public so that the spark module's {@code ablate} and {@code seeds} take the same options.
 */
public final class ExperimentOptions {
    @Option(names = "--data", description = "Dataset directory (default: the embedded synthetic features of the profile, seed 0, generated on first use).")
    Path data;

    @Option(names = "--profile", description = "quick or full (default: GCL_PROFILE, else quick): the base config and the default data.")
    String profile;

    @Option(names = "--preset", description = "paper (the paper's recipe exactly) or robust (ours: video centring, D's prior and threshold, TD percentile; lesson 03); default: ${DEFAULT-VALUE}.",
            defaultValue = "robust")
    String preset;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "Change a config field, e.g. --set epochs=20 --set negativeTarget=gaussian:6 (repeatable; see 'gcl train --help').")
    List<String> overrides = List.of();

    @Option(names = "--methods", split = ",", paramLabel = "METHOD", description = "Run only these of the command's methods, e.g. gcl-pt,gcl-occ or GCL_PT (default: all of them).")
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
        return profile == null ? Profile.current() : Profile.parse(profile);
    }

    /** The dataset directory: {@code --data}, else the embedded synthetic set of the profile (generated on first use). */
    public Path dataDir() throws IOException {
        if (data != null) {
            return data;
        }
        Path dir = SyntheticFeatures.cacheDir(profile(), 0);
        if (!java.nio.file.Files.exists(dir.resolve(DatasetDirectory.DATASET_JSON))) {
            SyntheticFeatures.cached(profile(), 0);
        }
        return dir;
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

    /** The profile's config of the {@code --preset}, with each {@code --set} applied. */
    public GclConfig baseConfig() {
        return applyOverrides(GclConfig.forProfile(Preset.parse(preset), profile()), overrides);
    }

    /** A config with each {@code FIELD=VALUE} of {@code --set} applied in order. */
    static GclConfig applyOverrides(GclConfig config, List<String> overrides) {
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set takes FIELD=VALUE, got '" + o + "'");
            }
            config = config.with(o.substring(0, eq).trim(), jsonValue(o.substring(eq + 1).trim()));
        }
        return config;
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
            return trial.config().variant() == v && trial.name().equals(v.paperName());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalise(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** An experiment on the dataset with these options' cache, {@code --fresh} and {@code --quiet}. */
    public Experiment experiment(Dataset ds) {
        Experiment e = Experiment.on(ds).fresh(fresh).quiet(quiet).epochProgress(profile() == Profile.FULL);
        return cache == null ? e : e.cache(new RunCache(cache));
    }

    /** A command-line value as JSON: numbers, booleans and lists as they are, anything else as a string. */
    static Object jsonValue(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (IOException e) {
            return text;
        }
    }

    /** Parses a {@code --seeds} value ({@link PaperTrials#parseSeeds}). */
    public static List<Long> seeds(String text) {
        return PaperTrials.parseSeeds(text);
    }
}
