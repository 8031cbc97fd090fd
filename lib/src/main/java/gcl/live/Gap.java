package gcl.live;

import java.util.Locale;

/**
 * A stretch without frames: a live source dropped and was reopened.
 *
 * @param videoSeconds where in the stream's video it happened (gaps left out)
 * @param seconds      from the drop to the reconnection
 * @param attempts     reconnection attempts it took
 * @param reason       why the stream dropped
 */
public record Gap(double videoSeconds, double seconds, int attempts, String reason) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f s gap at t=%.2f s (%s; back after %d attempt%s)", seconds, videoSeconds, reason,
                attempts, attempts == 1 ? "" : "s");
    }
}
