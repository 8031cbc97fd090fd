package gcl.data;

import gcl.EnumIds;

/** The two splits of a dataset directory ({@code splits/train.txt}, {@code splits/test.txt}). */
public enum Split {
    /** Training videos: unlabelled for GCL (labels kept apart, read only by the OCC and WS variants). */
    TRAIN,
    /** Test videos: frame-level ground truth for evaluation. */
    TEST;

    /** {@code train} or {@code test}, as in file names. */
    public String id() {
        return EnumIds.id(this);
    }

    /** Parses {@code train} or {@code test}. */
    public static Split parse(String s) {
        String text = s == null ? "" : s.trim();
        return EnumIds.parse(Split.class, text.replaceFirst("(?i)ing$", ""), "split");

    }
}
