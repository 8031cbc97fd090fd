package gcl.data;

import java.util.Locale;

/** The two splits of a dataset directory ({@code splits/train.txt}, {@code splits/test.txt}). */
public enum Split {
    /** Training videos: unlabelled for GCL (labels kept apart, read only by the OCC and WS variants). */
    TRAIN,
    /** Test videos: frame-level ground truth for evaluation. */
    TEST;

    /** {@code train} or {@code test}, as in file names. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code train} or {@code test}. */
    public static Split parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "train", "training" -> TRAIN;
            case "test", "testing" -> TEST;
            default -> throw new IllegalArgumentException("unknown split '" + s + "': use train or test");
        };
    }
}
