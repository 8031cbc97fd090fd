package gcl.data;

import java.util.Locale;

/**
 * What to do with feature files in the published 10-crop form ([T, 10, d] or [10, T, d]): each
 * segment was encoded once per crop of the frame (four corners, centre, and their mirror images).
 */
public enum CropPolicy {
    /** Average the crops: one [T, d] matrix per video (the default). */
    MEAN,
    /**
     * Keep each crop as its own sample: crop c of video {@code id} becomes the video
     * {@code id#c} with the same frames, label and ground truth (so evaluation counts every
     * crop's frames once).
     */
    EACH;

    /** Parses {@code mean} or {@code each}. */
    public static CropPolicy parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "mean" -> MEAN;
            case "each" -> EACH;
            default -> throw new IllegalArgumentException("unknown crop policy '" + s + "': use mean or each");
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
