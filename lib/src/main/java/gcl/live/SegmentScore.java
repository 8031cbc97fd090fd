package gcl.live;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * One scored segment of a live stream: a line of the watch's output and of its CSV.
 *
 * @param segment       the segment's number in the stream (0-based, across reconnections)
 * @param firstFrame    the stream's frame its first frame was (0-based, frames received so far)
 * @param videoSeconds  the time of its first frame in the stream's video, gaps left out
 * @param frames        its real frames: p, fewer where the stream ended, dropped or changed size inside it (repeated to fill)
 * @param width         frame width
 * @param height        frame height
 * @param score         the run's anomaly score of the segment
 * @param smoothed      the smoothed score the alert rule reads
 * @param state         warm-up, normal or alert after it
 * @param delayMillis   from the arrival of its last frame to its score
 * @param gapSeconds    the gap in the stream just before it (0 when none)
 * @param scoredAt      when it was scored
 * @param event         what happened since the last segment and with this one, in words ("" when nothing)
 */
public record SegmentScore(int segment, long firstFrame, double videoSeconds, int frames, int width, int height, float score,
                           double smoothed, AlertTracker.State state, double delayMillis, double gapSeconds, Instant scoredAt,
                           String event) {
    /** The CSV's columns. */
    public static final String CSV_HEADER =
            "time,segment,first_frame,video_s,frames,width,height,score,smoothed,state,delay_ms,gap_s,event";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** The CSV line (time in UTC, ISO-8601 with milliseconds). */
    public String csv() {
        return String.format(Locale.ROOT, "%s,%d,%d,%.3f,%d,%d,%d,%s,%s,%s,%.1f,%.3f,%s",
                DateTimeFormatter.ISO_INSTANT.format(scoredAt.truncatedTo(ChronoUnit.MILLIS)),
                segment, firstFrame, videoSeconds, frames, width, height, Float.toString(score), Double.toString(smoothed),
                state.word(), delayMillis, gapSeconds, quoted(event));
    }

    /** The line printed for people: clock, video time, segment, score, smoothed score, state. */
    public String line() {
        return String.format(Locale.ROOT, "%s  t=%8.2f s  segment %5d  score %.4f  smoothed %.4f  %s", CLOCK.format(scoredAt),
                videoSeconds, segment, score, smoothed, state.word());
    }

    private static String quoted(String s) {
        if (s.isEmpty()) {
            return "";
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
