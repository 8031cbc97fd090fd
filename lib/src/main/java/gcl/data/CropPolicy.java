package gcl.data;

import gcl.EnumIds;

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
        return EnumIds.parse(CropPolicy.class, s, "crop policy");
    }

    public String id() {
        return EnumIds.id(this);

    }
}
