package gcl.live;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Something that happened to a watched stream, other than a scored segment.
 *
 * @param at           when
 * @param videoSeconds where in the stream's video (gaps left out)
 * @param kind         what
 * @param text         in words
 */
public record WatchEvent(Instant at, double videoSeconds, Kind kind, String text) {
    /** What happened. */
    public enum Kind {
        /** The source was opened. */
        OPENED,
        /** A warning about the source (its frame rate differs from the training videos', ...). */
        WARNING,
        /** A live source stopped giving frames. */
        DROPPED,
        /** A dropped source is back. */
        RECONNECTED,
        /** The frame size changed. */
        RESOLUTION,
        /** An alert started. */
        ALERT_START,
        /** An alert ended. */
        ALERT_END
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** The line printed for people. */
    public String line() {
        return String.format(Locale.ROOT, "%s  t=%8.2f s  %s", CLOCK.format(at), videoSeconds, text);
    }
}
