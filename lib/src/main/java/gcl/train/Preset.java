package gcl.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * A named recipe for the settings of a run ({@link GclConfig#of(Preset)}). Every run directory and
 * result table names the preset it used.
 *
 * <ul>
 *   <li>{@link #PAPER}: the paper's recipe exactly (section 4): features as they are, D's output bias
 *       at 0, D's threshold μ + 0.1σ.</li>
 *   <li>{@link #ROBUST}: ours, from the diagnosis in lesson 03: each video centred on its median
 *       ({@link gcl.clean.VideoCentring}), D's output bias started at the share G labels, D's threshold
 *       matched to G's share ({@link Threshold#MATCH_G}), TD cleaning by a percentile
 *       ({@link GclConfig#ROBUST_TD}). Sizes, optimiser and schedule are the paper's.</li>
 * </ul>
 */
public enum Preset {
    PAPER,
    ROBUST;

    /** The preset the library uses when none is named. */
    public static final Preset DEFAULT = ROBUST;

    /** The config fields a preset decides (the rest are sizes, schedule and run settings). */
    public static final List<String> RECIPE_FIELDS = List.of("preset", "videoCentring", "discriminatorPrior",
            "discriminatorThreshold", "tdThreshold");

    /** The command-line form: {@code paper}, {@code robust}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code paper} or {@code robust} (any case). */
    @JsonCreator
    public static Preset parse(String text) {
        for (Preset p : values()) {
            if (p.id().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + text + "': use paper or robust");
    }
}
