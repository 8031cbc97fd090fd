package gcl.nb;

import gcl.c2fpl.C2fplConfig;
import gcl.c2fpl.C2fplLabels;
import gcl.c2fpl.CoarseLabels;
import gcl.c2fpl.FeatureMagnitude;
import gcl.c2fpl.FineLabels;
import gcl.c2fpl.PseudoLabelQuality;
import gcl.data.Dataset;
import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.data.VideoLabel;
import gcl.eval.FrameScores;
import gcl.eval.RocAuc;
import gcl.experiment.PaperNumbers;
import gcl.experiment.Run;
import gcl.experiment.Summaries;
import gcl.viz.Histograms;
import gcl.viz.LineCharts;
import gcl.viz.ScatterPlots;
import gcl.viz.Timelines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Lesson 08's views of C2FPL ({@code gcl.c2fpl}) on a dataset: the coarse clusters, the normal model, one
 * video's p-values and window, the scores of the trained classifier, what feature size alone scores, and
 * C2FPL beside GCL in the recorded results. Where a view shows the truth (a video's label or frame ground
 * truth) it is for reading: the method never reads it, and nothing here chooses a setting by it.
 */
public final class CoarseToFine {
    private CoarseToFine() {
    }

    /** A video's truth for reading: anomalous when its frame ground truth marks a frame, else its label; null when unknown. */
    public static Boolean truth(Video v) {
        if (v.hasGroundTruth()) {
            return v.hasAnomalousFrames();
        }
        return v.label() == VideoLabel.UNKNOWN ? null : v.label() == VideoLabel.ANOMALOUS;
    }

    /**
     * The coarse stage's input and output: each training video as its point x_i = (μ_i, σ_i) (Eq. C2),
     * grouped by its pseudo-label (C_0 or C_1) and, for reading, its truth.
     */
    public static XYChart clusters(String title, FeatureSet train, CoarseLabels coarse) {
        String[] groups = new String[train.videos().size()];
        for (int i = 0; i < groups.length; i++) {
            Boolean t = truth(train.videos().get(i));
            groups[i] = (coarse.isAnomalous(i) ? "C_1 (pseudo-anomalous), " : "C_0 (pseudo-normal), ")
                    + (t == null ? "truth unknown" : t ? "truly anomalous" : "truly normal");
        }
        return ScatterPlots.scatter(title, "μ_i: mean magnitude", "σ_i: spread of magnitudes", points(coarse.statistics()), groups);
    }

    /** The same points x_i grouped by any label per video, e.g. the camera of a rendered clip ({@link #camera}). */
    public static XYChart points(String title, double[][] statistics, String[] groups) {
        return ScatterPlots.scatter(title, "μ_i: mean magnitude", "σ_i: spread of magnitudes", points(statistics), groups);
    }

    private static double[][] points(double[][] statistics) {
        return Arrays.stream(statistics).map(x -> new double[] {x[0], x[1]}).toArray(double[][]::new);
    }

    /**
     * The fine stage's normal model (Eq. C4): the magnitudes of the pseudo-normal videos' segments, which
     * N(Γ, Σ) is fitted to, beside those of the pseudo-anomalous videos, with Γ and Γ ± 2√Σ marked.
     */
    public static XYChart normalModel(String title, FeatureSet train, C2fplLabels labels) {
        FineLabels fine = labels.fine();
        List<Double> normal = new ArrayList<>();
        List<Double> anomalous = new ArrayList<>();
        for (int i = 0; i < train.videos().size(); i++) {
            Video v = train.videos().get(i);
            for (int r = v.firstRow(); r < v.endRow(); r++) {
                (labels.coarse().isAnomalous(i) ? anomalous : normal).add(fine.magnitudes()[r]);
            }
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("segments of C_0 (the normal model's data)", normal.stream().mapToDouble(Double::doubleValue).toArray());
        if (!anomalous.isEmpty()) {
            series.put("segments of C_1", anomalous.stream().mapToDouble(Double::doubleValue).toArray());
        }
        XYChart chart = Histograms.histogram(title, "a_ij = ‖f_ij‖₂", series, 40);
        double g = fine.normal().mean();
        double s = fine.normal().std();
        LineCharts.addVerticalLine(chart, g, "Γ");
        LineCharts.addVerticalLine(chart, g - 2 * s, "Γ − 2√Σ");
        LineCharts.addVerticalLine(chart, g + 2 * s, "Γ + 2√Σ");
        return chart;
    }

    /** The first video of a set (in its order) that the coarse stage labelled anomalous; chosen without any truth. */
    public static Video firstPseudoAnomalous(FeatureSet train, CoarseLabels coarse) {
        for (int i = 0; i < train.videos().size(); i++) {
            if (coarse.isAnomalous(i)) {
                return train.videos().get(i);
            }
        }
        throw new IllegalArgumentException("no video of " + train + " is pseudo-anomalous");
    }

    /**
     * One training video through the fine stage, frame by frame: its segments' p-values under N(Γ, Σ)
     * (Eq. C5) and its window, the segment pseudo-labels ŷ (Eq. C6), with its ground truth shaded for reading.
     */
    public static XYChart window(FeatureSet train, C2fplLabels labels, Video video, int segmentSize) {
        FineLabels fine = labels.fine();
        int index = train.videos().indexOf(video);
        if (index < 0) {
            throw new IllegalArgumentException(video.id() + " is not a video of " + train);
        }
        float[] p = new float[video.segments()];
        float[] y = new float[video.segments()];
        for (int j = 0; j < p.length; j++) {
            p[j] = (float) fine.pValues()[video.firstRow() + j];
            y[j] = fine.labels()[video.firstRow() + j];
        }
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("p-value of a_ij under N(Γ, Σ) (C5)", FrameScores.ofVideo(p, video.frames(), segmentSize));
        curves.put("pseudo-label ŷ: the window (C6)", FrameScores.ofVideo(y, video.frames(), segmentSize));
        String where = fine.windowStart()[index] < 0 ? "no window (pseudo-normal)"
                : "window: segments " + fine.windowStart()[index] + "–" + (fine.windowStart()[index] + fine.windowLength()[index] - 1);
        return Timelines.scoreTimeline(video.id() + ": p-values and the window (" + where + "); shaded: ground truth, for reading",
                "p-value / label", curves, video.groundTruth());
    }

    /** A test video's frame scores by a trained C2FPL run's classifier, its ground truth shaded. */
    public static XYChart scores(Run c2fpl, Dataset data, Video video) {
        float[] s = c2fpl.classifier().scores(data.test().segmentsOf(video));
        return Timelines.scoreTimeline(video.id() + ": C2FPL's classifier Ã_θ(f)",
                Map.of("Ã_θ(f), probability anomalous", FrameScores.ofVideo(s, video.frames(), data.info().segmentSize())),
                video.groundTruth());
    }

    /**
     * What feature size alone scores on a dataset, the measure of C2FPL's assumption: the ROC AUC (%) of
     * μ_i and of σ_i as scores of the training videos against their truth, and of the segment magnitude
     * a_ij as a frame score on the training and the test split (frame ground truth; NaN where a split
     * has none or one class only). Rows: data, measure, AUC %.
     */
    public static Table magnitudeAlone(Dataset... datasets) {
        StringColumn data = StringColumn.create("data");
        StringColumn measure = StringColumn.create("feature size alone as a score");
        DoubleColumn auc = DoubleColumn.create("AUC %");
        for (Dataset d : datasets) {
            double[] norms = FeatureMagnitude.norms(d.train());
            double[][] x = FeatureMagnitude.videoStatistics(d.train(), norms);
            List<Double> mu = new ArrayList<>();
            List<Double> sigma = new ArrayList<>();
            List<Boolean> truth = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                Boolean t = truth(d.train().videos().get(i));
                if (t != null && d.train().videos().get(i).segments() > 0) {
                    mu.add(x[i][0]);
                    sigma.add(x[i][1]);
                    truth.add(t);
                }
            }
            String name = d.info().name();
            add(data, measure, auc, name, "videos (train): mean magnitude μ_i", 100 * videoAuc(mu, truth));
            add(data, measure, auc, name, "videos (train): spread σ_i", 100 * videoAuc(sigma, truth));
            add(data, measure, auc, name, "frames (train): segment magnitude a_ij", 100 * frameAuc(d.train(), norms, d.info().segmentSize()));
            add(data, measure, auc, name, "frames (test): segment magnitude a_ij",
                    100 * frameAuc(d.test(), FeatureMagnitude.norms(d.test()), d.info().segmentSize()));
        }
        return Table.create("What feature size alone scores (50 % = chance): C2FPL's assumption, measured", data, measure, auc);
    }

    /** One value of {@link #magnitudeAlone}'s table: the AUC % of a data set's measure (NaN when absent). */
    public static double value(Table magnitudeAlone, String data, String measureStartsWith) {
        for (int r = 0; r < magnitudeAlone.rowCount(); r++) {
            if (magnitudeAlone.stringColumn("data").get(r).equals(data)
                    && magnitudeAlone.stringColumn(1).get(r).startsWith(measureStartsWith)) {
                return magnitudeAlone.doubleColumn("AUC %").get(r);
            }
        }
        return Double.NaN;
    }

    private static void add(StringColumn data, StringColumn measure, DoubleColumn auc, String d, String m, double v) {
        data.append(d);
        measure.append(m);
        auc.append(Double.isNaN(v) ? v : Math.round(v * 100) / 100.0);
    }

    private static double videoAuc(List<Double> scores, List<Boolean> truth) {
        boolean[] t = new boolean[truth.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = truth.get(i);
        }
        return RocAuc.auc(scores.stream().mapToDouble(Double::doubleValue).toArray(), t);
    }

    private static double frameAuc(FeatureSet set, double[] norms, int segmentSize) {
        float[] s = new float[norms.length];
        for (int r = 0; r < s.length; r++) {
            s[r] = (float) norms[r];
        }
        FrameScores.FrameLevel f = FrameScores.of(set, s, segmentSize);
        return f.frames() == 0 ? Double.NaN : f.auc();
    }

    /**
     * The camera of a rendered clip, from its id ({@code gcl synth videos} names them {@code camC_NNNN}):
     * {@code "camera C"}; {@code "?"} for an id without that form.
     */
    public static String camera(Video v) {
        String id = v.id();
        int bar = id.indexOf('_');
        return id.startsWith("cam") && bar > 3 ? "camera " + id.substring(3, bar) : "?";
    }

    /**
     * The coarse stage per camera of a set of rendered clips: camera, videos, truly anomalous (for reading),
     * mean μ_i and σ_i, videos pseudo-labelled anomalous, and how many of those are truly anomalous.
     */
    public static Table byCamera(FeatureSet train, CoarseLabels coarse) {
        Map<String, List<Integer>> videos = new TreeMap<>();
        for (int i = 0; i < train.videos().size(); i++) {
            videos.computeIfAbsent(camera(train.videos().get(i)), c -> new ArrayList<>()).add(i);
        }
        StringColumn camera = StringColumn.create("camera");
        IntColumn count = IntColumn.create("videos");
        IntColumn anomalous = IntColumn.create("truly anomalous (reading only)");
        DoubleColumn mu = DoubleColumn.create("mean μ_i");
        DoubleColumn sigma = DoubleColumn.create("mean σ_i");
        IntColumn pseudo = IntColumn.create("in C_1 (pseudo-anomalous)");
        IntColumn right = IntColumn.create("of them truly anomalous");
        videos.forEach((c, rows) -> {
            int a = 0;
            int p = 0;
            int tp = 0;
            double m = 0;
            double s = 0;
            for (int i : rows) {
                boolean t = Boolean.TRUE.equals(truth(train.videos().get(i)));
                a += t ? 1 : 0;
                p += coarse.isAnomalous(i) ? 1 : 0;
                tp += coarse.isAnomalous(i) && t ? 1 : 0;
                m += coarse.statistics()[i][0];
                s += coarse.statistics()[i][1];
            }
            camera.append(c);
            count.append(rows.size());
            anomalous.append(a);
            mu.append(Math.round(m / rows.size() * 1000) / 1000.0);
            sigma.append(Math.round(s / rows.size() * 1000) / 1000.0);
            pseudo.append(p);
            right.append(tp);
        });
        return Table.create("The coarse stage per camera", camera, count, anomalous, mu, sigma, pseudo, right);
    }

    /**
     * How much of the spread of μ_i and of σ_i over the training videos lies between the groups of a
     * grouping (the between-group share of the variance, η²): by camera, and by truth (for reading).
     * Rows: grouping, share of var(μ_i), share of var(σ_i).
     */
    public static Table varianceExplained(FeatureSet train, double[][] statistics) {
        StringColumn grouping = StringColumn.create("videos grouped by");
        DoubleColumn mu = DoubleColumn.create("share of var(μ_i) between groups");
        DoubleColumn sigma = DoubleColumn.create("share of var(σ_i) between groups");
        String[] byCamera = new String[statistics.length];
        String[] byTruth = new String[statistics.length];
        for (int i = 0; i < statistics.length; i++) {
            Video v = train.videos().get(i);
            byCamera[i] = camera(v);
            Boolean t = truth(v);
            byTruth[i] = t == null ? "unknown" : t.toString();
        }
        grouping.append("camera");
        mu.append(betweenShare(statistics, 0, byCamera));
        sigma.append(betweenShare(statistics, 1, byCamera));
        grouping.append("truth: anomalous or normal (reading only)");
        mu.append(betweenShare(statistics, 0, byTruth));
        sigma.append(betweenShare(statistics, 1, byTruth));
        return Table.create("What decides a video's magnitude statistics (η²: 1 = all of it, 0 = none)", grouping, mu, sigma);
    }

    /** The between-group share of the variance of column {@code k} of {@code x} (η² of a one-way ANOVA), 3 decimals. */
    static double betweenShare(double[][] x, int k, String[] groups) {
        double mean = Arrays.stream(x).mapToDouble(r -> r[k]).average().orElse(Double.NaN);
        Map<String, double[]> sums = new LinkedHashMap<>();
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double[] s = sums.computeIfAbsent(groups[i], g -> new double[2]);
            s[0] += x[i][k];
            s[1]++;
            total += (x[i][k] - mean) * (x[i][k] - mean);
        }
        double between = 0;
        for (double[] s : sums.values()) {
            double m = s[0] / s[1];
            between += s[1] * (m - mean) * (m - mean);
        }
        return total == 0 ? Double.NaN : Math.round(between / total * 1000) / 1000.0;
    }

    /**
     * What the coarse stage did, in words: its splits, the videos it moved to C_1 and the ratio it stopped
     * at, then (for reading) how many of them are truly anomalous and how many truly anomalous videos it found.
     */
    public static String coarseReading(FeatureSet train, CoarseLabels coarse, C2fplConfig config) {
        int n = coarse.anomalous().length;
        int c1 = coarse.anomalousCount();
        int known = 0;
        int anomalous = 0;
        int found = 0;
        for (int i = 0; i < n; i++) {
            Boolean t = truth(train.videos().get(i));
            if (t != null) {
                known++;
                anomalous += t ? 1 : 0;
                found += t && coarse.isAnomalous(i) ? 1 : 0;
            }
        }
        int inC1Known = 0;
        for (int i = 0; i < n; i++) {
            inC1Known += coarse.isAnomalous(i) && truth(train.videos().get(i)) != null ? 1 : 0;
        }
        String text = String.format(Locale.ROOT, "The coarse stage split C_0 **%d** times and moved **%d of %d** training videos"
                + " to C_1, stopping at |C_1| / |C_0| = %.2f ≥ η = %s.", coarse.splits().size(), c1, n, c1 / (double) (n - c1),
                trim(config.eta()));
        if (known == 0) {
            return text + " The videos' truth is unknown here, so the labels cannot be read against it.";
        }
        return text + String.format(Locale.ROOT, " Read against the truth, which the method never sees: %d of the %d videos of C_1"
                + " with a known truth are anomalous (%.0f %%), and C_1 holds %d of the %d anomalous videos (%.0f %%).",
                found, inC1Known, 100.0 * found / Math.max(1, inC1Known), found, anomalous, 100.0 * found / Math.max(1, anomalous));
    }

    /** The fine stage in words: the normal model's Γ and √Σ, the share of C_1's segments it rejects, the share labelled 1. */
    public static String fineReading(C2fplLabels labels) {
        FineLabels f = labels.fine();
        return String.format(Locale.ROOT, "The normal model has Γ = %.3f and √Σ = %.3f. In the videos of C_1, %.0f %% of the"
                + " segments lie so far from it that p < %s: near 100 %% a whole video is unusual and its window has no"
                + " change to find. The windows label **%.1f %%** of all training segments anomalous.", f.normal().mean(),
                f.normal().std(), 100 * f.rejectedShare(), trim(FineLabels.REJECTED), 100 * f.anomalousShare());
    }

    /** The pseudo-labels against the training truth, in words (for reading: the method never sees it). */
    public static String qualityReading(PseudoLabelQuality q) {
        return String.format(Locale.ROOT, "Of the training frames the fine labels call anomalous, **%.0f %%** are (precision), and"
                + " they cover **%.0f %%** of the anomalous frames (recall); %.0f %% of the frames are anomalous, so a label drawn"
                + " at random would be right that often. As a frame score, the p-value's surprise 1 − p ranks the frames with AUC"
                + " %.1f %% and the magnitude a_ij alone with %.1f %%.", 100 * q.framePrecision(), 100 * q.frameRecall(),
                100.0 * q.anomalousFrames() / Math.max(1, q.frames()), 100 * q.pValueFrameAuc(), 100 * q.magnitudeFrameAuc());
    }

    /**
     * The camera's part in the coarse stage, in words, from {@link #varianceExplained} and {@link #byCamera}: how
     * much of var(μ_i) the camera and the truth explain, and how C_1 is made up by camera.
     */
    public static String cameraReading(Table variance, Table byCamera) {
        StringBuilder cameras = new StringBuilder();
        for (int r = 0; r < byCamera.rowCount(); r++) {
            cameras.append(r == 0 ? "" : r == byCamera.rowCount() - 1 ? " and " : ", ")
                    .append(byCamera.intColumn(5).get(r)).append(" of ").append(byCamera.intColumn(1).get(r))
                    .append(" (").append(byCamera.stringColumn(0).get(r)).append(")");
        }
        return String.format(Locale.ROOT, "The camera explains **%.0f %%** of the variance of the videos' mean magnitude μ_i, the"
                + " truth %.0f %%; of σ_i the camera explains %.0f %%, the truth %.0f %%. C_1 takes %s of each camera's videos.",
                100 * variance.doubleColumn(1).get(0), 100 * variance.doubleColumn(1).get(1),
                100 * variance.doubleColumn(2).get(0), 100 * variance.doubleColumn(2).get(1), cameras);
    }

    /** One row of {@link #magnitudeAlone} in words: "the mean magnitude μ_i scores 73.1 %" style, for a data set. */
    public static String assumptionReading(Table sizes, String data) {
        return String.format(Locale.ROOT, "On **%s**, feature size alone ranks the anomalous training videos above the normal ones"
                + " with AUC %.1f %% by their mean magnitude μ_i and %.1f %% by their spread σ_i; as a frame score the magnitude"
                + " of a segment gives %.1f %% on the training split and **%.1f %%** on the test split (50 %% is chance).", data,
                value(sizes, data, "videos (train): mean"), value(sizes, data, "videos (train): spread"),
                value(sizes, data, "frames (train)"), value(sizes, data, "frames (test)"));
    }

    /**
     * The mean ± std of the AUC % of one method under one preset in a runs table, in words: {@code 61.8 ± 2.7 (5 seeds)};
     * "not recorded" when the table has no such run.
     */
    public static String meanStd(Table runs, String method, String preset) {
        Table sel = runs.where(runs.stringColumn("method").isEqualTo(method).and(runs.stringColumn("preset").isEqualTo(preset)));
        if (sel.rowCount() == 0) {
            return "not recorded";
        }
        Table s = Summaries.summary(sel);
        int seeds = s.intColumn("seeds").get(0);
        return seeds > 1 ? String.format(Locale.ROOT, "%.1f ± %.1f (%d seeds)", s.doubleColumn(2).get(0), s.doubleColumn("std").get(0), seeds)
                : String.format(Locale.ROOT, "%.1f (1 seed)", s.doubleColumn(2).get(0));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * The recorded runs on a dataset: Table 2's ({@code notebooks/results/table2-DATA.csv}) and C2FPL's
     * ({@code c2fpl-DATA.csv}, where recorded) in one runs table.
     */
    public static Table recorded(String data) {
        Table t = Recorded.table("table2-" + data + ".csv");
        if (Recorded.exists("c2fpl-" + data + ".csv")) {
            Table c2fpl = Recorded.table("c2fpl-" + data + ".csv");
            Table aligned = Table.create(c2fpl.name());
            for (Column<?> column : t.columns()) {
                Column<?> mine = c2fpl.column(column.name());
                if (mine.type() != column.type()) {
                    // a column C2FPL leaves empty (GCL's networks, its diagnostics) reads as text: empty in Table 2's type
                    if (mine.countMissing() != mine.size()) {
                        throw new IllegalStateException("c2fpl-" + data + ".csv: column " + column.name() + " is "
                                + mine.type().name() + ", in table2-" + data + ".csv " + column.type().name());
                    }
                    Column<?> empty = column.emptyCopy();
                    for (int r = 0; r < mine.size(); r++) {
                        empty.appendMissing();
                    }
                    mine = empty;
                }
                aligned.addColumns(mine);
            }
            t = t.append(aligned);
        }
        return t.setName("recorded: " + data);
    }

    /**
     * What feature size alone scores on the datasets of the recorded C2FPL measurement
     * ({@code notebooks/results/c2fpl-phase-a.csv}, columns {@code video_mean_auc}, {@code video_spread_auc},
     * {@code *_magnitude_frame_auc}), in the form of {@link #magnitudeAlone}: data, measure, AUC %.
     */
    public static Table recordedMagnitudeAlone() {
        Table phaseA = Recorded.table("c2fpl-phase-a.csv");
        StringColumn data = StringColumn.create("data");
        StringColumn measure = StringColumn.create("feature size alone as a score");
        DoubleColumn auc = DoubleColumn.create("AUC %");
        List<String> seen = new ArrayList<>();
        for (int r = 0; r < phaseA.rowCount(); r++) {
            String name = phaseA.stringColumn("data").get(r);
            if (seen.contains(name)) {
                continue; // the measures are the data's, the same in every row of it
            }
            seen.add(name);
            add(data, measure, auc, name, "videos (train): mean magnitude μ_i", 100 * phaseA.numberColumn("video_mean_auc").getDouble(r));
            add(data, measure, auc, name, "videos (train): spread σ_i", 100 * phaseA.numberColumn("video_spread_auc").getDouble(r));
            add(data, measure, auc, name, "frames (train): segment magnitude a_ij",
                    100 * phaseA.numberColumn("train_magnitude_frame_auc").getDouble(r));
            add(data, measure, auc, name, "frames (test): segment magnitude a_ij",
                    100 * phaseA.numberColumn("test_magnitude_frame_auc").getDouble(r));
        }
        return Table.create("What feature size alone scores, recorded (notebooks/results/c2fpl-phase-a.csv)", data, measure, auc);
    }

    /**
     * What centring each video's magnitudes on its own median ({@code magnitudeCentring = video-median}) did to
     * C2FPL, in words, from the recorded runs ({@code c2fpl-DATA.csv} and {@code c2fpl-centred-DATA.csv}): per
     * dataset, C2FPL's AUC % without and with it, and whether the difference of the means is larger than twice
     * its standard error, √(s₁²/n₁ + s₂²/n₂) over the seeds (then "higher" or "lower", else "level").
     */
    public static String centringReading(String... data) {
        StringBuilder text = new StringBuilder();
        for (String d : data) {
            String plainFile = "c2fpl-" + d + ".csv";
            String centredFile = "c2fpl-centred-" + d + ".csv";
            if (!Recorded.exists(plainFile) || !Recorded.exists(centredFile)) {
                text.append(String.format(Locale.ROOT, "- %s: not recorded with and without centring.%n", d));
                continue;
            }
            Table plain = Summaries.summary(Recorded.table(plainFile));
            Table centred = Summaries.summary(Recorded.table(centredFile));
            double a = plain.doubleColumn(2).get(0);
            double b = centred.doubleColumn(2).get(0);
            double sa = plain.doubleColumn("std").get(0);
            double sb = centred.doubleColumn("std").get(0);
            double se = Math.sqrt(sa * sa / plain.intColumn("seeds").get(0) + sb * sb / centred.intColumn("seeds").get(0));
            String verdict = b - a > 2 * se ? "**higher** with centring" : a - b > 2 * se ? "**lower** with centring"
                    : "level (the difference is within twice its standard error)";
            text.append(String.format(Locale.ROOT, "- %s: C2FPL %s without centring, %s with it: %s.%n", d,
                    meanStd(Recorded.table(plainFile), "C2FPL", "paper"), meanStd(Recorded.table(centredFile), "C2FPL", "paper"),
                    verdict));
        }
        return text.toString();
    }

    /**
     * The recorded results of AE_AllData and GCL_PT under both presets and of C2FPL, on each recorded
     * dataset ({@code notebooks/results/table2-DATA.csv} and {@code c2fpl-DATA.csv}), with this session's runs
     * of the same methods as the first column when given, then the papers' numbers on real data, labelled.
     * Cells: AUC % as mean ± std (seeds).
     *
     * @param live     this session's runs table ({@link gcl.experiment.Experiment#table}), or null
     * @param liveData the dataset the live runs were made on
     * @param recorded the recorded datasets, e.g. {@code synthetic-quick}, {@code synthetic-videos-quick}
     */
    public static Table comparison(Table live, String liveData, String... recorded) {
        List<Table> tables = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        if (live != null) {
            tables.add(live);
            headers.add("this session: " + liveData);
        }
        for (String data : recorded) {
            tables.add(recorded(data));
            headers.add(data + " (recorded)");
        }
        List<String[]> rows = List.of(new String[] {"AE_AllData", "paper"}, new String[] {"AE_AllData", "robust"},
                new String[] {"GCL_PT", "paper"}, new String[] {"GCL_PT", "robust"}, new String[] {"C2FPL", "paper"});
        StringColumn method = StringColumn.create("method");
        StringColumn preset = StringColumn.create("preset");
        rows.forEach(r -> {
            method.append(r[0]);
            preset.append(r[0].equals("C2FPL") ? "its paper's" : r[1]);
        });
        Table out = Table.create("AUC % (mean ± std over seeds): ours on synthetic data, then the papers' on real data", method, preset);
        for (int k = 0; k < tables.size(); k++) {
            Table t = tables.get(k);
            StringColumn cells = StringColumn.create(headers.get(k));
            for (String[] r : rows) {
                Table sel = t.where(t.stringColumn("method").isEqualTo(r[0]).and(t.stringColumn("preset").isEqualTo(r[1])));
                if (sel.rowCount() == 0) {
                    cells.append("—");
                    continue;
                }
                Table s = Summaries.summary(sel);
                double mu = s.doubleColumn(2).get(0);
                int seeds = s.intColumn("seeds").get(0);
                cells.append(seeds > 1 ? String.format(Locale.ROOT, "%.1f ± %.1f (%d)", mu, s.doubleColumn("std").get(0), seeds)
                        : String.format(Locale.ROOT, "%.1f (1)", mu));
            }
            out.addColumns(cells);
        }
        DoubleColumn ucf = DoubleColumn.create("paper: UCF-Crime AUC %");
        DoubleColumn sht = DoubleColumn.create("paper: ShanghaiTech AUC %");
        DoubleColumn xd = DoubleColumn.create("paper: XD-Violence AP %");
        for (String[] r : rows) {
            ucf.append(PaperNumbers.ucfCrime(r[0]));
            sht.append(PaperNumbers.shanghaiTech(r[0]));
            xd.append(PaperNumbers.xdViolenceAp(r[0].equals("GCL_PT") ? "GCL" : r[0]));
        }
        return out.addColumns(ucf, sht, xd);
    }
}
