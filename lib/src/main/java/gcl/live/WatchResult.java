package gcl.live;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a watch did, from its start to its end.
 *
 * @param source          the source, as given
 * @param ending          how it ended
 * @param message         why, in words
 * @param segments        segments scored
 * @param videoSeconds    seconds of video scored (gaps left out)
 * @param wallSeconds     seconds from the arrival of the source's first frame to the last score
 * @param delaysMillis    each segment's delay from its last frame's arrival to its score, in order
 * @param extractMillis   mean time to extract one segment's feature
 * @param scoreMillis     mean time to centre and score one segment
 * @param segmentSeconds  seconds of video in one segment (p over the frame rate)
 * @param alerts          the alerts, in order
 * @param gaps            the gaps, in order
 * @param resolutionChanges how often the frame size changed
 * @param csv             the CSV written, or null
 */
public record WatchResult(String source, Ending ending, String message, int segments, double videoSeconds, double wallSeconds,
                          double[] delaysMillis, double extractMillis, double scoreMillis, double segmentSeconds,
                          List<Alert> alerts, List<Gap> gaps, int resolutionChanges, Path csv) {
    /** How a watch ended. */
    public enum Ending {
        /** The file or stream ended. */
        END,
        /** It was stopped (Ctrl-C, a notebook's interrupt, {@link Watch#stop()}). */
        STOPPED,
        /** The video limit was reached. */
        LIMIT,
        /** No frame came within the stall timeout. */
        STALLED,
        /** Decoding failed. */
        FAILED
    }

    public WatchResult {
        delaysMillis = delaysMillis.clone();
        alerts = List.copyOf(alerts);
        gaps = List.copyOf(gaps);
    }

    /** Whether it ended as it should: the source's end, a stop or the limit (not a stall or a failure). */
    public boolean ok() {
        return ending == Ending.END || ending == Ending.STOPPED || ending == Ending.LIMIT;
    }

    /** Seconds of video scored per second of wall time: about 1 for a live source that keeps up, more for a file with --fast. */
    public double realTimeFactor() {
        return wallSeconds > 0 ? videoSeconds / wallSeconds : Double.NaN;
    }

    /** The share of real time that extracting and scoring a segment takes: below 1 keeps up with the source. */
    public double load() {
        return segmentSeconds > 0 ? (extractMillis + scoreMillis) / 1000 / segmentSeconds : Double.NaN;
    }

    /** The q-quantile of the segments' delays in milliseconds (NaN when none was scored). */
    public double delayMillis(double q) {
        if (delaysMillis.length == 0) {
            return Double.NaN;
        }
        double[] sorted = delaysMillis.clone();
        Arrays.sort(sorted);
        return AlertRule.quantile(sorted, q);
    }

    /** A few lines for people. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "watch %s: %s (%s)%n", source, ending.name().toLowerCase(Locale.ROOT), message));
        s.append(String.format(Locale.ROOT, "  %d segments, %.1f s of video in %.1f s: real-time factor %.2f%n", segments,
                videoSeconds, wallSeconds, realTimeFactor()));
        if (segments > 0) {
            s.append(String.format(Locale.ROOT, "  per segment: extraction %.1f ms, centring and score %.2f ms = %.1f %% of its"
                    + " %.2f s of video%n", extractMillis, scoreMillis, 100 * load(), segmentSeconds));
            s.append(String.format(Locale.ROOT, "  delay from a segment's last frame to its score: median %.1f ms, 95th percentile"
                    + " %.1f ms, max %.1f ms%n", delayMillis(0.5), delayMillis(0.95), delayMillis(1.0)));
        }
        s.append(String.format(Locale.ROOT, "  alerts: %d%n", alerts.size()));
        for (Alert a : alerts) {
            s.append("    ").append(a).append('\n');
        }
        s.append(String.format(Locale.ROOT, "  gaps: %d%s%n", gaps.size(), gaps.isEmpty() ? ""
                : String.format(Locale.ROOT, " (%.1f s in all)", gaps.stream().mapToDouble(Gap::seconds).sum())));
        for (Gap g : gaps) {
            s.append("    ").append(g).append('\n');
        }
        if (resolutionChanges > 0) {
            s.append("  frame size changes: ").append(resolutionChanges).append('\n');
        }
        if (csv != null) {
            s.append("  scores: ").append(csv).append('\n');
        }
        return s.toString().stripTrailing();
    }

    @Override
    public String toString() {
        return summary();
    }
}
