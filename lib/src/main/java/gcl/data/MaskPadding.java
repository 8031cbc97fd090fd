package gcl.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import gcl.EnumIds;

/**
 * How a frame mask shorter than the frames a video is evaluated on (T·p under the
 * {@link GroundTruthConvention#SEGMENTS segments} convention) is lengthened. ShanghaiTech's
 * {@code test_frame_mask} files have the videos' real lengths, often a few frames short of T·16;
 * the choice changes the frame-level AUC, so {@code dataset.json} records it ({@code "maskPadding"}).
 */
public enum MaskPadding {
    /**
     * Repeat the last frame's label: what the field's reference script does (RTFM's
     * {@code make_gt_sh.py}, followed by the methods that compare on ShanghaiTech), and the default.
     */
    LAST,
    /** Pad with normal frames. */
    NORMAL;

    /** {@code last} or {@code normal}, as written in files and on the command line. */
    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    /** Parses {@code last} or {@code normal}, ignoring case. */
    @JsonCreator
    public static MaskPadding parse(String text) {
        return EnumIds.parse(MaskPadding.class, text, "mask padding");

    }

    @Override
    public String toString() {
        return id();
    }
}
