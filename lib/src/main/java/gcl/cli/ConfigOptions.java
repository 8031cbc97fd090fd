package gcl.cli;

import gcl.Profile;
import gcl.c2fpl.C2fplConfig;
import gcl.train.GclConfig;
import gcl.train.Preset;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that make a run's config, shared by {@code train}, {@code ablate} and {@code seeds}
 * (and the spark module's): {@code --profile} and {@code --preset} choose the base config, and
 * {@link FieldOverrides} ({@code --set} and its typed flags) change its fields; {@code --set c2fpl.FIELD=VALUE}
 * changes a field of C2FPL's config instead ({@link #c2fplConfig}, the C2FPL trial of {@code ablate}). A picocli mixin.
 */
public final class ConfigOptions {
    @Option(names = "--profile", description = "quick or full (default: GCL_PROFILE, else quick): the base config and the default data.")
    String profile;

    @Option(names = "--preset", defaultValue = "robust",
            description = "paper (the paper's recipe exactly) or robust (ours: the paper's recipe plus the remedies of lesson 03b); default: ${DEFAULT-VALUE}.")
    String preset;

    @Mixin
    FieldOverrides fields;

    /** Returns {@code --profile}, else {@code GCL_PROFILE}, else quick. */
    public Profile profile() {
        return profile == null ? Profile.current() : Profile.parse(profile);
    }

    /** Returns the {@code --preset}. */
    public Preset preset() {
        return Preset.parse(preset);
    }

    /** Returns the profile's config of the {@code --preset}, with every override applied. */
    public GclConfig config() {
        return fields.apply(GclConfig.forProfile(preset(), profile()));
    }

    /**
     * Returns C2FPL's config of the profile ({@link C2fplConfig#forProfile}) with every {@code --set c2fpl.FIELD=VALUE}
     * applied, in command-line order ({@code --preset} and the typed flags are GCL's).
     */
    public C2fplConfig c2fplConfig() {
        return fields.applyC2fpl(C2fplConfig.forProfile(profile()));
    }

    /** Returns {@code base} with every override applied ({@link FieldOverrides#apply}). */
    public GclConfig apply(GclConfig base) {
        return fields.apply(base);
    }

    /** Adds the override of a command's own typed flag (train's {@code --seed}, {@code --variant}). */
    void add(String field, Object value) {
        fields.add(field, value);
    }
}
