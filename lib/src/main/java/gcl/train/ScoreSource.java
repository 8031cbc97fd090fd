package gcl.train;

import java.util.Locale;

/**
 * Where a segment's anomaly score comes from (section 3.4): D's probability (the paper's default,
 * "D remains efficient") or G's reconstruction error ‖f − f̂‖₂.
 */
public enum ScoreSource {
    DISCRIMINATOR,
    GENERATOR;

    /** Parses {@code d}/{@code discriminator} or {@code g}/{@code generator}. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ScoreSource parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "d", "discriminator" -> DISCRIMINATOR;
            case "g", "generator" -> GENERATOR;
            default -> throw new IllegalArgumentException("score source '" + s + "': use d (discriminator) or g (generator)");
        };
    }
}
