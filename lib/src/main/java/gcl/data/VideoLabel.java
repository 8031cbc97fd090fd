package gcl.data;

import gcl.EnumIds;
import java.util.Locale;

/**
 * A video-level label. GCL itself never reads it (it is unsupervised); only the OCC and WS
 * variants do, and the training split of a dataset keeps it apart from the features.
 */
public enum VideoLabel {
    NORMAL,
    ANOMALOUS,
    /** Not known, or withheld (unsupervised training). */
    UNKNOWN;

    /** Parses {@code normal}, {@code anomalous} (or {@code abnormal}, {@code 1}/{@code 0}), {@code unknown} or empty. */
    public static VideoLabel parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "normal", "0" -> NORMAL;
            case "anomalous", "abnormal", "anomaly", "1" -> ANOMALOUS;
            case "", "unknown", "-", "?" -> UNKNOWN;
            default -> throw new IllegalArgumentException("unknown video label '" + s + "': use normal, anomalous or unknown");
        };
    }

    /** The lower-case word written in files. */
    public String id() {
        return EnumIds.id(this);

    }
}
