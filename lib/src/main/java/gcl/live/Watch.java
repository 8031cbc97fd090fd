package gcl.live;

import gcl.video.Segment;
import gcl.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Scores a stream as it plays: frames from a {@link StreamSource} are cut into segments of p frames
 * as they arrive, each segment is described by the run's extractor, centred as the run was trained
 * and scored by its model ({@link LiveScorer}), and an {@link AlertTracker} turns the scores into
 * alerts. Each scored segment goes to the listeners and, when a CSV is given, into it at once
 * ({@link ScoreLog}).
 *
 * <pre>{@code
 * LiveScorer scorer = LiveScorer.of(run.model(), data);
 * WatchResult r = Watch.of(StreamSource.parse("rtsp://camera/stream"), scorer)
 *         .csv(Path.of("watch.csv")).listener(myListener).run();
 * }</pre>
 *
 * <p><b>What happens to the stream.</b>
 * <ul>
 *   <li>A segment cut short (the source ends, drops, stalls or changes its frame size inside it,
 *       or the watch is stopped) is filled by repeating its last frame and scored, as extraction
 *       pads a video's last segment.</li>
 *   <li>A live source that drops is reopened with backoff; the gap is recorded (the next segment's
 *       {@code gap_s} and event, {@link WatchResult#gaps()}), the smoothing starts afresh after it,
 *       and the streaming median goes on (the same camera).</li>
 *   <li>No frame for the stall timeout, through any reconnection attempts: the watch ends as
 *       {@link WatchResult.Ending#STALLED}, with a message that names the source.</li>
 *   <li>{@link #stop()} (another thread, Ctrl-C) or an interrupt of the watching thread (a
 *       notebook's Kernel → Interrupt) ends it cleanly: every scored segment is in the CSV.</li>
 * </ul>
 */
public final class Watch {
    private final StreamSource source;
    private final LiveScorer scorer;
    private final List<WatchListener> listeners = new ArrayList<>();
    private WatchOptions options = WatchOptions.defaults();
    private Path csv;
    private volatile boolean stopRequested;

    private Watch(StreamSource source, LiveScorer scorer) {
        this.source = Objects.requireNonNull(source, "source");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
    }

    /** A watch of a source with a run's scorer, with {@link WatchOptions#defaults()}. */
    public static Watch of(StreamSource source, LiveScorer scorer) {
        return new Watch(source, scorer);
    }

    public Watch options(WatchOptions o) {
        this.options = Objects.requireNonNull(o, "options");
        return this;
    }

    /** Appends every scored segment to this CSV ({@link SegmentScore#CSV_HEADER}), created when missing. */
    public Watch csv(Path file) {
        this.csv = file;
        return this;
    }

    public Watch listener(WatchListener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
        return this;
    }

    /** Asks a running watch to end after the segment in hand (any thread). */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Watches until the source ends, stalls or fails, the video limit is reached, or the watch is
     * stopped.
     *
     * @throws IOException naming the source when it cannot be opened, or the CSV when it cannot be written
     */
    public WatchResult run() throws IOException {
        try (ScoreLog log = csv == null ? null : ScoreLog.open(csv, SegmentScore.CSV_HEADER);
             FrameFeed feed = new FrameFeed(source, options)) {
            scorer.warmUp();
            feed.start();
            return new Session(feed, log).run();
        }
    }

    /** The state of one run of the watch. */
    private final class Session {
        private final FrameFeed feed;
        private final ScoreLog log;
        private final int p = scorer.segmentSize();
        private final StreamCentring centring = scorer.newCentring();
        private final AlertTracker tracker = new AlertTracker(scorer.rule());
        private final List<VideoFrame> pending = new ArrayList<>();
        private final StringBuilder events = new StringBuilder();
        private final List<Alert> alerts = new ArrayList<>();
        private final List<Gap> gaps = new ArrayList<>();
        private final List<Double> delays = new ArrayList<>();
        private long firstArrival = -1;
        private long lastScored = -1;
        private long lastArrival;
        private long lastFrameSeen;
        private double frameSeconds;
        private double videoSeconds;
        private double pendingStart;
        private long framesReceived;
        private long pendingFirstFrame;
        private int segments;
        private int width;
        private int height;
        private int resolutionChanges;
        private double gapBefore;
        private double extractNanos;
        private double scoreNanos;
        // the alert in progress
        private int alertFirst;
        private double alertStart;
        private float alertPeak;
        private int alertPeakSegment;
        private VideoFrame alertStartFrame;
        private VideoFrame alertPeakFrame;
        private int lastSegment = -1;
        private double lastSegmentEnd;
        /** Why the source last dropped ("" when it has not). */
        private String lastDrop = "";

        Session(FrameFeed feed, ScoreLog log) {
            this.feed = feed;
            this.log = log;
            this.width = feed.width();
            this.height = feed.height();
            this.frameSeconds = 1 / feed.fps();
        }

        WatchResult run() throws IOException {
            lastFrameSeen = System.nanoTime();
            String kind = switch (source.kind()) {
                case FILE -> options.fast() ? "a file, as fast as it decodes" : "a file, at its own frame rate";
                case NETWORK -> "a network stream";
                case CAMERA -> "a camera";
            };
            event(WatchEvent.Kind.OPENED, String.format(Locale.ROOT, "opened %s (%s): %dx%d at %.4g fps", source, kind, width,
                    height, feed.fps()));
            double trained = scorer.datasetFps();
            if (trained > 0 && Math.abs(feed.fps() - trained) > 0.1 * trained) {
                event(WatchEvent.Kind.WARNING, String.format(Locale.ROOT, "the source gives %.4g fps but the run was trained on"
                        + " %.4g fps video: a segment of %d frames spans %.2f s instead of %.2f s", feed.fps(), trained, p,
                        p / feed.fps(), p / trained));
            }
            WatchResult.Ending ending = null;
            String message = "";
            boolean interrupted = false;
            while (ending == null) {
                if (stopRequested) {
                    flush();
                    ending = WatchResult.Ending.STOPPED;
                    message = "stopped";
                    break;
                }
                long silentNanos = System.nanoTime() - lastFrameSeen;
                long leftMillis = Math.round(options.stallTimeoutSeconds() * 1000 - silentNanos / 1e6);
                if (leftMillis <= 0) {
                    flush();
                    ending = WatchResult.Ending.STALLED;
                    message = stallMessage();
                    break;
                }
                FrameFeed.Item item;
                try {
                    item = feed.poll(Math.min(200, leftMillis));
                } catch (InterruptedException e) {
                    interrupted = true;
                    flush();
                    ending = WatchResult.Ending.STOPPED;
                    message = "interrupted";
                    break;
                }
                if (item == null) {
                    continue;
                }
                if (item instanceof FrameFeed.Picture pic) {
                    frame(pic);
                    if (options.maxSeconds() > 0 && videoSeconds >= options.maxSeconds() - 1e-9) {
                        flush();
                        ending = WatchResult.Ending.LIMIT;
                        message = String.format(Locale.ROOT, "%.4g s of video watched", videoSeconds);
                    }
                } else if (item instanceof FrameFeed.Dropped d) {
                    flush();
                    tracker.gap();
                    lastDrop = d.reason();
                    event(WatchEvent.Kind.DROPPED, "the stream dropped (" + d.reason() + "); reconnecting");
                } else if (item instanceof FrameFeed.Reopened r) {
                    frameSeconds = 1 / r.fps();
                    lastFrameSeen = System.nanoTime();
                    gaps.add(new Gap(videoSeconds, r.gapSeconds(), r.attempts(), lastDrop));
                    gapBefore += r.gapSeconds();
                    event(WatchEvent.Kind.RECONNECTED, String.format(Locale.ROOT, "reconnected after a %.1f s gap (%d attempt%s)",
                            r.gapSeconds(), r.attempts(), r.attempts() == 1 ? "" : "s"));
                } else if (item instanceof FrameFeed.Ended e) {
                    flush();
                    ending = WatchResult.Ending.END;
                    message = e.reason();
                } else if (item instanceof FrameFeed.Failed f) {
                    flush();
                    ending = WatchResult.Ending.FAILED;
                    message = f.message();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return result(ending, message);
        }

        private String stallMessage() {
            double silent = (System.nanoTime() - lastFrameSeen) / 1e9;
            String s = String.format(Locale.ROOT, "no frame from %s for %.0f s", source, Math.max(silent,
                    options.stallTimeoutSeconds()));
            if (!lastDrop.isEmpty()) {
                s += "; it dropped (" + lastDrop + ")";
                int attempts = feed.failedAttempts();
                if (attempts > 0) {
                    s += " and " + attempts + " reconnection attempt" + (attempts == 1 ? "" : "s") + " failed, the last: "
                            + feed.lastError();
                }
            }
            return s;
        }

        private void frame(FrameFeed.Picture pic) throws IOException {
            VideoFrame f = pic.frame();
            if (f.width() != width || f.height() != height) {
                flush();
                resolutionChanges++;
                event(WatchEvent.Kind.RESOLUTION, String.format(Locale.ROOT, "the frame size changed from %dx%d to %dx%d",
                        width, height, f.width(), f.height()));
                width = f.width();
                height = f.height();
            }
            if (firstArrival < 0) {
                firstArrival = pic.arrivalNanos();
            }
            if (pending.isEmpty()) {
                pendingStart = videoSeconds;
                pendingFirstFrame = framesReceived;
            }
            pending.add(f);
            lastArrival = pic.arrivalNanos();
            lastFrameSeen = Math.max(System.nanoTime(), lastArrival);
            framesReceived++;
            videoSeconds += frameSeconds;
            if (pending.size() == p) {
                score();
            }
        }

        /** Scores a segment cut short (its last frame repeated), if frames are pending. */
        private void flush() throws IOException {
            if (!pending.isEmpty()) {
                score();
            }
        }

        private void score() throws IOException {
            int real = pending.size();
            List<VideoFrame> frames = new ArrayList<>(pending);
            while (frames.size() < p) {
                frames.add(pending.get(real - 1));
            }
            pending.clear();
            Segment segment = new Segment(segments, (int) Math.min(Integer.MAX_VALUE, pendingFirstFrame), frames, real);
            long t0 = System.nanoTime();
            float[] feature = scorer.extractor().extract(segment);
            long t1 = System.nanoTime();
            float s = scorer.score(centring == null ? feature : centring.centre(feature));
            long t2 = System.nanoTime();
            extractNanos += t1 - t0;
            scoreNanos += t2 - t1;
            double delay = (t2 - lastArrival) / 1e6;
            lastScored = t2;
            delays.add(delay);
            AlertTracker.Step step = tracker.add(s);
            List<WatchEvent> alertEvents = new ArrayList<>(1);
            if (step.started()) {
                alertFirst = segments;
                alertStart = pendingStart;
                alertPeak = Float.NEGATIVE_INFINITY;
                alertStartFrame = frames.get(real / 2);
                alertEvents.add(new WatchEvent(Instant.now(), pendingStart, WatchEvent.Kind.ALERT_START, String.format(Locale.ROOT,
                        "ALERT %d starts: smoothed score %.4f >= %.4f", alerts.size() + 1, step.smoothed(), scorer.rule().enter())));
            }
            if (step.ended()) {
                closeAlert(false);
                alertEvents.add(new WatchEvent(Instant.now(), pendingStart, WatchEvent.Kind.ALERT_END, String.format(Locale.ROOT,
                        "alert %d ends: smoothed score %.4f < %.4f", alerts.size(), step.smoothed(), scorer.rule().leave())));
            }
            if (tracker.inAlert() && s > alertPeak) {
                alertPeak = s;
                alertPeakSegment = segments;
                alertPeakFrame = frames.get(real / 2);
            }
            for (WatchEvent e : alertEvents) {
                note(e.text());
            }
            SegmentScore row = new SegmentScore(segments, pendingFirstFrame, pendingStart, real, width, height, s, step.smoothed(),
                    step.state(), delay, gapBefore, Instant.now(), events.toString());
            events.setLength(0);
            gapBefore = 0;
            lastSegment = segments;
            lastSegmentEnd = pendingStart + real * frameSeconds;
            segments++;
            if (log != null) {
                log.append(row.csv());
            }
            for (WatchListener l : listeners) {
                l.segment(row);
                alertEvents.forEach(l::event);
            }
        }

        /** Records the alert in progress: it ended before the segment in hand, or {@code open} at the watch's end. */
        private void closeAlert(boolean open) {
            List<VideoFrame> frames = !options.alertFrames() ? List.of()
                    : alertPeakSegment == alertFirst ? List.of(alertStartFrame) : List.of(alertStartFrame, alertPeakFrame);
            alerts.add(new Alert(alerts.size() + 1, alertFirst, lastSegment, alertStart, lastSegmentEnd, alertPeak,
                    alertPeakSegment, open, frames));
            alertStartFrame = null;
            alertPeakFrame = null;
        }

        /** Adds to the event text of the next CSV row. */
        private void note(String text) {
            if (events.length() > 0) {
                events.append("; ");
            }
            events.append(text);
        }

        /** Something happened between segments: noted for the next row and told to the listeners now. */
        private void event(WatchEvent.Kind kind, String text) {
            note(text);
            WatchEvent e = new WatchEvent(Instant.now(), videoSeconds, kind, text);
            for (WatchListener l : listeners) {
                l.event(e);
            }
        }

        private WatchResult result(WatchResult.Ending ending, String message) {
            if (tracker.inAlert()) {
                closeAlert(true);
            }
            double wall = firstArrival < 0 || lastScored < 0 ? 0 : (lastScored - firstArrival) / 1e9;
            double[] d = delays.stream().mapToDouble(Double::doubleValue).toArray();
            int n = Math.max(1, segments);
            return new WatchResult(source.toString(), ending, message, segments, videoSeconds, wall, d, extractNanos / n / 1e6,
                    scoreNanos / n / 1e6, p * frameSeconds, alerts, gaps, resolutionChanges, log == null ? null : log.file());
        }
    }
}
