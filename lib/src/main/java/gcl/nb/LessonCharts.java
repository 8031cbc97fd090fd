package gcl.nb;

import gcl.data.Dataset;
import gcl.data.Video;
import gcl.eval.FrameScores;
import gcl.eval.RocAuc;
import gcl.experiment.Run;
import gcl.train.GclModel;
import gcl.train.ScoreSource;
import gcl.viz.ChartStyle;
import gcl.viz.DotCharts;
import gcl.viz.ImageGrids;
import gcl.viz.LineCharts;
import gcl.viz.Timelines;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Charts of lessons 01–03b drawn so that they show what their captions say: a video's scores as
 * ranks among all test segments (D's probabilities can be a thousandth apart), our mean ± std in
 * its own panel beside the paper's numbers, and the two shares of pseudo-labels drawn so that a
 * line lying exactly on the other stays visible. Each chart has a computed caption.
 */
public final class LessonCharts {
    private LessonCharts() {
    }

    /** A video's segment scores (the run's score source) and every test segment's, sorted. */
    private record Scores(double[] video, double[] sortedTest, double[] frames, double[] frameRanks) {
    }

    private static Scores scores(GclModel model, Dataset data, Video video) {
        ScoreSource source = model.config().effectiveScoreBy();
        float[] s = model.videoScores(data.test().segmentsOf(video), source).toFloatVector();
        float[] all = model.scores(data.test(), source);
        double[] sorted = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            sorted[i] = all[i];
        }
        Arrays.sort(sorted);
        double[] ranks = new double[s.length];
        double[] raw = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            raw[i] = s[i];
            ranks[i] = rank(sorted, s[i]);
        }
        int p = data.info().segmentSize();
        return new Scores(raw, sorted, FrameScores.ofVideo(toFloat(raw), video.frames(), p),
                FrameScores.ofVideo(toFloat(ranks), video.frames(), p));
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** The share of a sorted population below a value, ties counting one half: 0 lowest, 1 highest. */
    static double rank(double[] sorted, double value) {
        int lo = lowerBound(sorted, value);
        int hi = lowerBound(sorted, Math.nextUp(value));
        return (lo + 0.5 * (hi - lo)) / sorted.length;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A test video's timeline with the score of each frame shown as its rank among all test segments'
     * scores (0 = the lowest score of the test split, 1 = the highest): readable whatever the scale of
     * the score, and what the frame AUC compares.
     */
    public static XYChart rankedTimeline(Run run, GclModel model, Dataset data, Video video) {
        Scores s = scores(model, data, video);
        return Timelines.scoreTimeline(run.name() + " on " + video.id() + ": score as a rank among all test segments",
                "rank of the score (0 lowest, 1 highest)", Map.of(run.name() + " score, ranked", s.frameRanks()),
                video.groundTruth());
    }

    /**
     * The caption of {@link #rankedTimeline}, computed: the raw score's range on the video (why the chart
     * shows ranks), the mean rank inside and outside the event, the frame AUC on this video, and G's and
     * D's frame AUC over the whole test split, saying which of the two ranks better.
     */
    public static String rankedTimelineReading(Run run, GclModel model, Dataset data, Video video) {
        Scores s = scores(model, data, video);
        boolean[] truth = video.groundTruth();
        double rankIn = 0;
        double rankOut = 0;
        double in = 0;
        double out = 0;
        int nIn = 0;
        for (int f = 0; f < s.frames().length; f++) {
            if (truth[f]) {
                rankIn += s.frameRanks()[f];
                in += s.frames()[f];
                nIn++;
            } else {
                rankOut += s.frameRanks()[f];
                out += s.frames()[f];
            }
        }
        int nOut = s.frames().length - nIn;
        String source = model.config().effectiveScoreBy() == ScoreSource.DISCRIMINATOR ? "D's probability" : "G's error";
        double min = Arrays.stream(s.video()).min().orElse(Double.NaN);
        double max = Arrays.stream(s.video()).max().orElse(Double.NaN);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "**What to look at:** whether the line rises inside the red box. On %s the score (%s) runs from %.3g to %.3g; "
                        + "the chart shows each frame's **rank** among all test segments' scores (0 = lowest, 1 = highest): "
                        + "the order the frame AUC compares, readable whatever the score's scale.",
                video.id(), source, min, max));
        if (nIn > 0 && nOut > 0) {
            double auc = RocAuc.auc(s.frames(), truth);
            text.append(String.format(Locale.ROOT, " Inside the event the frames rank %.2f on average, outside %.2f "
                    + "(raw score %.3g inside, %.3g outside); on this video alone the frame AUC is %.1f %%: the event %s.",
                    rankIn / nIn, rankOut / nOut, in / nIn, out / nOut, 100 * auc,
                    auc >= 0.8 ? "**stands out clearly**" : auc >= 0.6 ? "**stands out weakly**" : "**does not stand out**"));
        }
        var m = run.metrics();
        if (!Double.isNaN(m.aucDiscriminator())) {
            double g = 100 * m.aucGenerator();
            double d = 100 * m.aucDiscriminator();
            text.append(String.format(Locale.ROOT, " Over the whole test split: G %.1f %%, D %.1f %% frame AUC — %s", g, d,
                    d > g ? "D, the student, ranks better than its teacher G, as the paper reports."
                            : "G ranks better than D here, the opposite of the paper's Fig. 4 (lesson 03b checks that claim over "
                                    + "seeds). Why is not known; a **hypothesis**, not tested: D learns only what G's high-error "
                                    + "segments have in common, a cruder ranking than G's own error on these data."));
        }
        return text.toString();
    }

    /**
     * Our mean AUC ± std per method in its own panel (its axis spans our values, so the error bars are
     * readable) beside a second panel with the paper's UCF-Crime numbers on theirs: other data, other scale.
     */
    public static BufferedImage oursAndPaper(String title, Table runs, String dataName) {
        OursAndPaper o = OursAndPaper.of(runs);
        String ours = "ours, " + dataName + ": mean ± std over " + o.seeds() + (o.seeds() == 1 ? " seed" : " seeds");
        CategoryChart left = DotCharts.dots(title + " — ours", "frame AUC %", o.methods(), Map.of(ours, o.mean()), Map.of(ours, o.std()));
        CategoryChart right = DotCharts.dots(title + " — the paper's", "frame AUC %", o.methods(),
                Map.of("paper, UCF-Crime (other data, not ours)", o.paper()), null);
        return ImageGrids.grid(List.of(BitmapEncoder.getBufferedImage(left), BitmapEncoder.getBufferedImage(right)), 2);
    }

    /** The caption of {@link #oursAndPaper}: what to compare (orders and gaps within a panel, not values across panels). */
    public static String oursAndPaperCaption(Table runs) {
        OursAndPaper o = OursAndPaper.of(runs);
        List<Integer> byMean = new ArrayList<>();
        for (int m = 0; m < o.methods().size(); m++) {
            byMean.add(m);
        }
        byMean.sort((a, b) -> Double.compare(o.mean()[a], o.mean()[b]));
        StringBuilder order = new StringBuilder();
        for (int m : byMean) {
            order.append(order.length() == 0 ? "" : " < ").append(o.methods().get(m)).append(String.format(Locale.ROOT, " (%.1f)", o.mean()[m]));
        }
        return "**What to look at:** the order of the methods and the gaps between them, each panel on its own axis: "
                + "the left panel is this session's runs on synthetic data (dots: mean; bars: ± one std over seeds), the right "
                + "one the paper's UCF-Crime numbers, printed for their order only — their values are not comparable with ours. "
                + "Ours, by mean: " + order + ".";
    }

    /**
     * The shares of a batch that G and D label anomalous over the epochs, G's as a wide light line with
     * markers under D's dashed one, so that both stay visible where they coincide.
     */
    public static XYChart pseudoLabelShares(String title, Run run) {
        Table h = run.history();
        XYChart chart = LineCharts.line(title, "fraction of segments", h, "epoch", "anomalous_by_g", "anomalous_by_d");
        XYSeries g = chart.getSeriesMap().get("anomalous_by_g");
        XYSeries d = chart.getSeriesMap().get("anomalous_by_d");
        if (g != null) {
            g.setLineStyle(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Color c = ChartStyle.PALETTE.get(0);
            g.setLineColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
            g.setMarker(SeriesMarkers.CIRCLE);
            g.setMarkerColor(ChartStyle.PALETTE.get(0));
        }
        if (d != null) {
            d.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f}, 0f));
            d.setLineColor(ChartStyle.PALETTE.get(1));
            d.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** The caption of {@link #pseudoLabelShares}: whether the lines coincide and why, computed from the history. */
    public static String pseudoLabelSharesCaption(Run run) {
        Table h = run.history();
        double[] g = h.numberColumn("anomalous_by_g").asDoubleArray();
        double[] d = h.numberColumn("anomalous_by_d").asDoubleArray();
        double gap = 0;
        for (int i = 0; i < g.length; i++) {
            gap = Math.max(gap, Math.abs(g[i] - d[i]));
        }
        String threshold = run.gclConfig().discriminatorThreshold().id();
        String last = String.format(Locale.ROOT, "in the last epoch G labels %.1f %% and D %.1f %% of a batch",
                100 * g[g.length - 1], 100 * d[d.length - 1]);
        if (gap < 0.005) {
            return "**What to look at:** the two lines lie on each other (at most " + String.format(Locale.ROOT, "%.2f", 100 * gap)
                    + " points apart; " + last + "): D's threshold here is `" + threshold + "`, which labels the share of "
                    + "each batch that G labelled, so they are equal by construction — G's line is drawn wide under D's dashed "
                    + "one. What moves is the share G's μ + σ gives; what would be a symptom is D's line leaving G's "
                    + "(under the paper's μ + 0.1σ it does: the diagnosis of the paper's recipe, lesson 03b).";
        }
        return "**What to look at:** how far D's dashed line is from G's wide one (up to "
                + String.format(Locale.ROOT, "%.1f", 100 * gap) + " points; " + last + ", threshold `" + threshold + "`): "
                + "D labelling far more than G is the over-labelling symptom of lesson 03b.";
    }

    /**
     * The caption of a video's scores over the epochs (the paper's Fig. 7, {@code ScoreTracker}), computed:
     * per curve, the frame AUC on this video and where the score peaks (inside or outside the event).
     */
    public static String epochsReading(Map<String, double[]> curves, boolean[] truth) {
        StringBuilder out = new StringBuilder("**What to look at:** whether the curves rise inside the red boxes, and "
                + "whether they do so more as training goes on.");
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            double[] y = e.getValue();
            int peak = 0;
            for (int f = 1; f < y.length; f++) {
                if (y[f] > y[peak]) {
                    peak = f;
                }
            }
            boolean any = false;
            boolean all = true;
            for (boolean t : truth) {
                any |= t;
                all &= t;
            }
            String auc = any && !all ? String.format(Locale.ROOT, "frame AUC on this video %.1f %%", 100 * RocAuc.auc(y, truth))
                    : "no contrast on this video";
            out.append(String.format(Locale.ROOT, " %s: %s, highest at frame %d (%s).", e.getKey(), auc, peak,
                    truth[peak] ? "inside the event" : "a normal frame"));
        }
        double[] last = curves.isEmpty() ? null : new ArrayList<>(curves.values()).get(curves.size() - 1);
        boolean any = false;
        boolean all = true;
        for (boolean t : truth) {
            any |= t;
            all &= t;
        }
        if (last != null && any && !all && RocAuc.auc(last, truth) < 0.5) {
            out.append(" At the last epoch D ranks this video's event *below* its normal frames: what D learned to call "
                    + "anomalous is not this event. Why is not known here; the video's own reading below Fig. 8 and the "
                    + "split's AUC say whether this is one video or the rule.");
        }
        return out.toString();
    }
}
