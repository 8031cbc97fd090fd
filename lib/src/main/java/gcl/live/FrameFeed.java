package gcl.live;

import gcl.video.VideoFrame;
import gcl.video.VideoReader;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Decodes a {@link StreamSource} on a thread of its own and hands its frames, and what happens to
 * the stream, to the watch through a short queue, in order:
 * <ul>
 *   <li>a file is played at its own frame rate (frame k released k / fps after the first), or as
 *       fast as it decodes; its end is {@link Ended};</li>
 *   <li>a live source that ends or fails is {@link Dropped}, then reopened with backoff (a wait
 *       that doubles after each failed attempt) until it is {@link Reopened} or the feed is closed;
 *       without reconnection its end is {@link Ended}.</li>
 * </ul>
 * Each frame carries the time it arrived (for a paced file: the time it was due), from which the
 * watch measures its delay. The first open happens in {@link #start}, so a source that cannot be
 * opened is an exception there, not an item.
 */
final class FrameFeed implements AutoCloseable {
    /** What the feed hands over. */
    sealed interface Item permits Picture, Dropped, Reopened, Ended, Failed {
    }

    /** A decoded frame and when it arrived ({@link System#nanoTime()}). */
    record Picture(VideoFrame frame, long arrivalNanos) implements Item {
    }

    /** A live source stopped giving frames: it ended or failed. */
    record Dropped(String reason, long atNanos) implements Item {
    }

    /** A dropped source is back after {@code attempts} reconnection attempts, {@code gapSeconds} after its last frame. */
    record Reopened(double gapSeconds, int attempts, double fps) implements Item {
    }

    /** The source ended (a file's end, or a live source's end without reconnection). */
    record Ended(String reason) implements Item {
    }

    /** Decoding a file failed. */
    record Failed(String message) implements Item {
    }

    /** Frames the queue holds: four segments of 16. */
    private static final int QUEUE = 64;

    private final StreamSource source;
    private final WatchOptions options;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean closed;
    private Thread thread;
    private FFmpegFrameGrabber grabber;
    private double fps;
    /** The last reconnection attempt's error, for the stall message. */
    private volatile String lastError = "";
    private volatile int failedAttempts;

    FrameFeed(StreamSource source, WatchOptions options) {
        this.source = source;
        this.options = options;
    }

    /**
     * Opens the source and starts decoding.
     *
     * @throws IOException naming the source when it cannot be opened
     */
    void start() throws IOException {
        grabber = source.open(options.readTimeoutSeconds());
        fps = rate(grabber);
        thread = new Thread(this::run, "gcl-watch-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Frames per second of the source as opened (25 when it declares none). */
    double fps() {
        return fps;
    }

    /** Width of the source's pictures as opened. */
    int width() {
        return grabber.getImageWidth();
    }

    /** Height of the source's pictures as opened. */
    int height() {
        return grabber.getImageHeight();
    }

    /** The next item, waiting at most {@code millis}; null when none came. */
    Item poll(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The error of the last failed reconnection attempt ("" when none failed). */
    String lastError() {
        return lastError;
    }

    /** Reconnection attempts that failed since the last drop. */
    int failedAttempts() {
        return failedAttempts;
    }

    private void run() {
        FFmpegFrameGrabber g = grabber;
        try {
            long released = 0;
            long firstDue = 0;
            while (!closed) {
                Frame f;
                String failure = null;
                try {
                    f = g.grabImage();
                } catch (FFmpegFrameGrabber.Exception | RuntimeException e) {
                    f = null;
                    failure = StreamSource.describe(e);
                }
                if (f != null && f.image != null) {
                    VideoFrame frame = VideoReader.copy(f);
                    long arrival = System.nanoTime();
                    if (!source.live() && !options.fast()) {
                        if (released == 0) {
                            firstDue = arrival;
                        }
                        long due = firstDue + Math.round(released * 1e9 / fps);
                        sleepUntil(due);
                        arrival = Math.max(due, arrival);
                    }
                    released++;
                    if (!put(new Picture(frame, arrival))) {
                        return;
                    }
                    continue;
                }
                if (!source.live()) {
                    put(failure == null ? new Ended("end of file") : new Failed("cannot decode " + source + " after "
                            + released + " frames: " + failure));
                    return;
                }
                String reason = failure == null ? "the stream ended" : failure;
                if (!options.reconnect()) {
                    put(new Ended(reason));
                    return;
                }
                long droppedAt = System.nanoTime();
                StreamSource.closeQuietly(g);
                g = null;
                if (!put(new Dropped(reason, droppedAt))) {
                    return;
                }
                g = reopen(droppedAt);
                if (g == null) {
                    return;
                }
            }
        } finally {
            if (g != null) {
                StreamSource.closeQuietly(g);
            }
        }
    }

    /** Reopens a dropped live source with backoff; null when the feed was closed first. */
    private FFmpegFrameGrabber reopen(long droppedAt) {
        double wait = options.backoffSeconds();
        failedAttempts = 0;
        for (int attempt = 1; !closed; attempt++) {
            if (!sleepUntil(System.nanoTime() + Math.round(wait * 1e9))) {
                return null;
            }
            try {
                FFmpegFrameGrabber g = source.open(options.readTimeoutSeconds());
                fps = rate(g);
                if (!put(new Reopened((System.nanoTime() - droppedAt) / 1e9, attempt, fps))) {
                    StreamSource.closeQuietly(g);
                    return null;
                }
                grabber = g;
                return g;
            } catch (IOException e) {
                failedAttempts = attempt;
                String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                lastError = m.startsWith("cannot open " + source + ": ") ? m.substring(("cannot open " + source + ": ").length()) : m;
                wait = Math.min(options.maxBackoffSeconds(), 2 * wait);
            }
        }
        return null;
    }

    private static double rate(FFmpegFrameGrabber g) {
        double r = g.getFrameRate();
        return Double.isFinite(r) && r >= 1 && r <= 240 ? r : 25.0;
    }

    /** Hands an item over, waiting while the queue is full; false when the feed was closed meanwhile. */
    private boolean put(Item item) {
        try {
            while (!closed) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Sleeps until a {@link System#nanoTime()}; false when the feed was closed or interrupted first. */
    private boolean sleepUntil(long nanos) {
        try {
            for (long left = nanos - System.nanoTime(); left > 0 && !closed; left = nanos - System.nanoTime()) {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, 100_000_000L));
            }
        } catch (InterruptedException e) {
            return false;
        }
        return !closed;
    }

    /**
     * Stops decoding. The thread closes its grabber as soon as it returns from FFmpeg (a read ends
     * within the read timeout); this waits for it that long.
     */
    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t == null) {
            if (grabber != null) {
                StreamSource.closeQuietly(grabber);
            }
            return;
        }
        t.interrupt();
        try {
            t.join(Math.round(options.readTimeoutSeconds() * 1000) + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
