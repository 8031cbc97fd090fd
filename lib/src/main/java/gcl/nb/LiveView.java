package gcl.nb;

import gcl.live.Alert;
import gcl.live.AlertRule;
import gcl.live.AlertTracker;
import gcl.live.SegmentScore;
import gcl.live.WatchEvent;
import gcl.live.WatchListener;
import gcl.live.WatchResult;
import gcl.viz.ImageGrids;
import gcl.viz.LiveCharts;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import java.util.UUID;

/**
 * A watch shown live in a notebook cell: a chart of the scores that is redrawn after every segment,
 * and the events under it (alerts, drops), both updated in place through the kernel's display
 * updates (JJava's {@code display} / {@code updateDisplay}, which send Jupyter's
 * {@code update_display_data}), so the cell's output shows the stream as it plays and keeps the
 * last picture once it has ended, in the saved notebook and its HTML copy too.
 *
 * <pre>{@code
 * var view = LiveView.open("Live: " + clip, scorer.rule(), 0.64);
 * var result = Watch.of(source, scorer).listener(view).run();
 * }</pre>
 * Outside a kernel (tests, the command line) it only collects the segments.
 */
public final class LiveView implements WatchListener {
    /** Events listed under the chart: the most recent ones. */
    static final int EVENTS_SHOWN = 8;

    private final String title;
    private final AlertRule rule;
    private final double segmentSeconds;
    private final List<SegmentScore> segments = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final String chartId;
    private final String eventsId;

    private LiveView(String title, AlertRule rule, double segmentSeconds) {
        this.title = title;
        this.rule = rule;
        this.segmentSeconds = segmentSeconds;
        this.chartId = show(Show.chart(chart()));
        this.eventsId = show(Show.markdown(eventText()));
    }

    /**
     * Shows an empty chart (and an empty event list) in the running cell now.
     *
     * @param segmentSeconds seconds of video in one segment (16 frames at 25 fps: 0.64)
     */
    public static LiveView open(String title, AlertRule rule, double segmentSeconds) {
        return new LiveView(title, rule, segmentSeconds);
    }

    @Override
    public void segment(SegmentScore s) {
        segments.add(s);
        if (chartId != null) {
            update(chartId, Show.chart(chart()));
        }
    }

    @Override
    public void event(WatchEvent e) {
        events.add(String.format(Locale.ROOT, "t = %.2f s: %s", e.videoSeconds(), e.text()));
        if (eventsId != null) {
            update(eventsId, Show.markdown(eventText()));
        }
    }

    /** The segments seen so far. */
    public List<SegmentScore> segments() {
        return List.copyOf(segments);
    }

    /** The segments' scores so far, in order. */
    public float[] scores() {
        float[] s = new float[segments.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = segments.get(i).score();
        }
        return s;
    }

    /** The chart as it is now. */
    public XYChart chart() {
        int n = segments.size();
        double[] t = new double[n];
        double[] s = new double[n];
        double[] m = new double[n];
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) {
            SegmentScore x = segments.get(i);
            t[i] = x.videoSeconds();
            s[i] = x.score();
            m[i] = x.smoothed();
            a[i] = x.state() == AlertTracker.State.ALERT;
        }
        return LiveCharts.scores(title, t, s, m, a, segmentSeconds, rule.enter(), rule.leave());
    }

    /** The segments as a table: segment, seconds, score, smoothed, state, delay in ms. */
    public Table table() {
        IntColumn seg = IntColumn.create("segment");
        DoubleColumn t = DoubleColumn.create("video_s");
        DoubleColumn s = DoubleColumn.create("score");
        DoubleColumn m = DoubleColumn.create("smoothed");
        StringColumn state = StringColumn.create("state");
        DoubleColumn delay = DoubleColumn.create("delay_ms");
        for (SegmentScore x : segments) {
            seg.append(x.segment());
            t.append(x.videoSeconds());
            s.append(x.score());
            m.append(x.smoothed());
            state.append(x.state().word());
            delay.append(x.delayMillis());
        }
        return Table.create("Live scores", seg, t, s, m, state, delay);
    }

    /**
     * The live scores next to offline ones of the same video, segment by segment: segment, live,
     * offline, |difference|.
     *
     * @param offline the offline scores in segment order (e.g. the {@code score} column of
     *                {@code gcl.eval.Evaluation.segmentScores} for the video, what {@code gcl score} writes)
     */
    public Table compare(double[] offline) {
        IntColumn seg = IntColumn.create("segment");
        DoubleColumn live = DoubleColumn.create("live");
        DoubleColumn off = DoubleColumn.create("offline");
        DoubleColumn diff = DoubleColumn.create("|difference|");
        for (int i = 0; i < Math.min(offline.length, segments.size()); i++) {
            float x = segments.get(i).score();
            seg.append(segments.get(i).segment());
            live.append(x);
            off.append(offline[i]);
            diff.append(Math.abs(x - offline[i]));
        }
        return Table.create("Live and offline scores", seg, live, off, diff);
    }

    /**
     * What the watch found, in words, as a display object: its alerts (when, how high), or, when it
     * raised none, how far below the entering threshold its highest smoothed score stayed.
     */
    public Object reading(WatchResult result) {
        double highest = segments.stream().mapToDouble(SegmentScore::smoothed).max().orElse(Double.NaN);
        StringBuilder s = new StringBuilder();
        if (result.alerts().isEmpty()) {
            s.append(String.format(Locale.ROOT, "**No alert.** The highest smoothed score, %.4g, stayed below the entering"
                    + " threshold %.4g", highest, rule.enter()));
            if (rule.fromTraining()) {
                s.append(String.format(Locale.ROOT, " (the %.0fth percentile of the run's smoothed training scores)",
                        100 * rule.enterQuantile()));
            }
            s.append('.');
        } else {
            s.append(String.format(Locale.ROOT, "**%d alert%s.**", result.alerts().size(), result.alerts().size() == 1 ? "" : "s"));
            for (Alert a : result.alerts()) {
                s.append(String.format(Locale.ROOT, " Alert %d from t = %.2f s to %.2f s, peak score %.4g;", a.number(),
                        a.startSeconds(), a.endSeconds(), a.peakScore()));
            }
            s.setLength(s.length() - 1);
            s.append(String.format(Locale.ROOT, ". The highest smoothed score was %.4g (entering threshold %.4g).", highest,
                    rule.enter()));
        }
        return Show.markdown(s.toString());
    }

    /** {@link #alertFrames} as a display object, or a line saying there was no alert. */
    public static Object alerts(WatchResult result) {
        BufferedImage grid = alertFrames(result);
        return grid == null ? Show.markdown("*No alert: the smoothed score never reached the entering threshold.*")
                : Show.image(grid);
    }

    /**
     * The frames a watch kept of each alert (its first segment's and its peak segment's middle
     * frame; the watch must keep them: {@code WatchOptions.withAlertFrames(true)}), captioned, in a
     * grid; null when there was no alert.
     */
    public static BufferedImage alertFrames(WatchResult result) {
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (Alert a : result.alerts()) {
            for (int i = 0; i < a.frames().size(); i++) {
                images.add(Figures.atLeast(Clips.image(a.frames().get(i)), 320));
                captions.add(String.format(Locale.ROOT, "alert %d, %s", a.number(), i == 0
                        ? String.format(Locale.ROOT, "start (t = %.2f s)", a.startSeconds())
                        : String.format(Locale.ROOT, "peak %.3f (segment %d)", a.peakScore(), a.peakSegment())));
            }
        }
        return images.isEmpty() ? null : ImageGrids.grid(images, 2, captions);
    }

    private String eventText() {
        if (events.isEmpty()) {
            return "*waiting for the stream…*";
        }
        List<String> last = events.subList(Math.max(0, events.size() - EVENTS_SHOWN), events.size());
        return "- " + String.join("\n- ", last);
    }

    // ---- the kernel's display and display updates, found by name (no kernel jar at build time) ----

    private static final String[][] KERNELS = {
        {"org.dflib.jjava.kernel.JavaNotebookStatics", "kernel"},
        {"io.github.spencerpark.ijava.IJava", "getKernelInstance"},
    };

    /** Displays a kernel display object (from {@link Show}) in the running cell under a new display id; the id, or null outside a kernel. */
    private static String show(Object item) {
        Object kernel = kernel();
        if (kernel == null || item instanceof Show.Rendered) {
            return null;
        }
        try {
            String id = UUID.randomUUID().toString();
            item.getClass().getMethod("setDisplayId", String.class).invoke(item, id);
            kernel.getClass().getMethod("display", item.getClass()).invoke(kernel, item);
            return id;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Replaces the output with this display id by the item ({@code update_display_data}). */
    private static void update(String id, Object item) {
        Object kernel = kernel();
        if (kernel == null) {
            return;
        }
        try {
            Object io = kernel.getClass().getMethod("getIO").invoke(kernel);
            Object stream = io.getClass().getField("display").get(io);
            stream.getClass().getMethod("updateDisplay", String.class, item.getClass()).invoke(stream, id, item);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a kernel that cannot update a display: the first picture stays
        }
    }

    private static Object kernel() {
        for (String[] k : KERNELS) {
            for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(), LiveView.class.getClassLoader()}) {
                if (loader == null) {
                    continue;
                }
                try {
                    Object kernel = Class.forName(k[0], false, loader).getMethod(k[1]).invoke(null);
                    if (kernel != null) {
                        return kernel;
                    }
                } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                    // not this kernel
                }
            }
        }
        return null;
    }
}
