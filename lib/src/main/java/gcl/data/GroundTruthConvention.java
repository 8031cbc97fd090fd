package gcl.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import gcl.EnumIds;

/**
 * How a dataset counts each video's frames for frame-level evaluation, as {@code dataset.json}
 * says in {@code "groundTruthConvention"}.
 */
public enum GroundTruthConvention {
    /**
     * T·p frames from the feature file's T segments, the ground truth cut or padded (with normal
     * frames) to that: the convention of the published evaluations, and the default.
     */
    SEGMENTS,
    /** The videos' real frame counts. */
    FRAMES;

    /** {@code segments} or {@code frames}, as written in files and on the command line. */
    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    /** Parses {@code segments} or {@code frames}, ignoring case. */
    @JsonCreator
    public static GroundTruthConvention parse(String text) {
        return EnumIds.parse(GroundTruthConvention.class, text, "ground-truth convention");

    }

    @Override
    public String toString() {
        return id();
    }
}
