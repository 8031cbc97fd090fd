package gcl.live;

/**
 * How a {@link Watch} reads its source.
 *
 * @param fast                a file as fast as it decodes (false: at its own frame rate, as a camera would give it)
 * @param reconnect           whether a live source that drops is reopened (a file is never reopened: its end is the end)
 * @param readTimeoutSeconds  how long one read of a network stream may wait for data before the stream counts as dropped
 * @param stallTimeoutSeconds how long the watch waits for a frame (through reconnection attempts) before it stops as stalled
 * @param backoffSeconds      the wait before the first reconnection attempt; it doubles after each failed attempt
 * @param maxBackoffSeconds   the longest wait between two attempts
 * @param maxSeconds          stop after this many seconds of video (0: no limit)
 * @param alertFrames         keep two frames of each alert (its first segment's and its peak's) in the result
 */
public record WatchOptions(boolean fast, boolean reconnect, double readTimeoutSeconds, double stallTimeoutSeconds,
                           double backoffSeconds, double maxBackoffSeconds, double maxSeconds, boolean alertFrames) {
    public WatchOptions {
        positive("read timeout", readTimeoutSeconds);
        positive("stall timeout", stallTimeoutSeconds);
        positive("backoff", backoffSeconds);
        if (!(maxBackoffSeconds >= backoffSeconds) || !Double.isFinite(maxBackoffSeconds)) {
            throw new IllegalArgumentException("the longest backoff must be at least the first, got " + maxBackoffSeconds
                    + " s < " + backoffSeconds + " s");
        }
        if (!(maxSeconds >= 0) || !Double.isFinite(maxSeconds)) {
            throw new IllegalArgumentException("the video limit must be 0 (none) or positive seconds, got " + maxSeconds);
        }
    }

    private static void positive(String what, double seconds) {
        if (!(seconds > 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("the " + what + " must be a positive number of seconds, got " + seconds);
        }
    }

    /**
     * A file at its own frame rate; live sources reopened after a drop (first wait 0.5 s, doubling to
     * 8 s); a read waits 5 s for data; the watch stops when no frame came for 30 s; no video limit;
     * no alert frames kept.
     */
    public static WatchOptions defaults() {
        return new WatchOptions(false, true, 5, 30, 0.5, 8, 0, false);
    }

    public WatchOptions withFast(boolean f) {
        return new WatchOptions(f, reconnect, readTimeoutSeconds, stallTimeoutSeconds, backoffSeconds, maxBackoffSeconds,
                maxSeconds, alertFrames);
    }

    public WatchOptions withReconnect(boolean r) {
        return new WatchOptions(fast, r, readTimeoutSeconds, stallTimeoutSeconds, backoffSeconds, maxBackoffSeconds,
                maxSeconds, alertFrames);
    }

    public WatchOptions withTimeouts(double readSeconds, double stallSeconds) {
        return new WatchOptions(fast, reconnect, readSeconds, stallSeconds, backoffSeconds, maxBackoffSeconds, maxSeconds,
                alertFrames);
    }

    public WatchOptions withBackoff(double firstSeconds, double maxSecondsBetween) {
        return new WatchOptions(fast, reconnect, readTimeoutSeconds, stallTimeoutSeconds, firstSeconds, maxSecondsBetween,
                maxSeconds, alertFrames);
    }

    public WatchOptions withMaxSeconds(double seconds) {
        return new WatchOptions(fast, reconnect, readTimeoutSeconds, stallTimeoutSeconds, backoffSeconds, maxBackoffSeconds,
                seconds, alertFrames);
    }

    public WatchOptions withAlertFrames(boolean keep) {
        return new WatchOptions(fast, reconnect, readTimeoutSeconds, stallTimeoutSeconds, backoffSeconds, maxBackoffSeconds,
                maxSeconds, keep);
    }
}
