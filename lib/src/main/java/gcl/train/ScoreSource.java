package gcl.train;

import java.util.Locale;

/**
 * Where a segment's anomaly score comes from (section 3.4): D's probability (the paper's default,
 * "D remains efficient"), G's reconstruction error ‖f − f̂‖₂, or the larger of the two networks'
 * calibrated ranks ({@link ScoreCalibration}; not in the paper, the robust preset's default).
 */
public enum ScoreSource {
    DISCRIMINATOR,
    GENERATOR,
    /** max(u_G, u_D): G's error and D's probability, each as its rank among reference training segments. */
    EITHER;

    /** What the score is, in words (for axis labels and prose). */
    public String description() {
        return switch (this) {
            case DISCRIMINATOR -> "D's probability p̂ (anomalous)";
            case GENERATOR -> "G's reconstruction error ‖f − f̂‖₂";
            case EITHER -> "the larger of G's and D's calibrated ranks";
        };
    }

    /** Parses {@code d}/{@code discriminator}, {@code g}/{@code generator} or {@code either}. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ScoreSource parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "d", "discriminator" -> DISCRIMINATOR;
            case "g", "generator" -> GENERATOR;
            case "either", "g-or-d" -> EITHER;
            default -> throw new IllegalArgumentException("score source '" + s
                    + "': use d (discriminator), g (generator) or either (the larger of their calibrated ranks)");
        };
    }
}
