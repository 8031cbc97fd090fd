package gcl.nb;

import gcl.Profile;
import gcl.Seeds;
import gcl.clean.CleaningQuality;
import gcl.clean.TemporalDifferenceFilter;
import gcl.data.Dataset;
import gcl.data.FeatureSet;
import gcl.data.GroundTruth;
import gcl.data.Video;
import gcl.eval.FrameScores;
import gcl.experiment.Run;
import gcl.train.GclModel;
import gcl.train.ScoreSource;
import gcl.viz.DotCharts;
import gcl.viz.Histograms;
import gcl.viz.ImageGrids;
import gcl.viz.LineCharts;
import gcl.viz.Pca;
import gcl.viz.ScatterPlots;
import gcl.viz.Timelines;
import gcl.viz.Tsne;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

/**
 * The lessons' figures: a run's numbers put into the charts of the paper (Figs. 4–10) and the
 * pictures that go with them. Each method gathers what its chart needs from the stage packages and
 * hands it to a chart family of {@code gcl.viz}.
 */
public final class Figures {
    private Figures() {
    }

    /**
     * A few frames of a clip around its event, captioned with their number and whether they are
     * anomalous: the first frame, a second before the event, its start, middle and end, and a
     * second after (lesson 01).
     */
    public static BufferedImage eventFrames(Clips.Clip clip) {
        int n = clip.frames().size();
        int first = clip.intervals().isEmpty() ? n / 3 : clip.intervals().get(0).start();
        int end = clip.intervals().isEmpty() ? 2 * n / 3 : clip.intervals().get(0).end();
        List<BufferedImage> shown = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int f : new int[] {0, Math.max(0, first - 16), first, (first + end) / 2, Math.max(first, end - 4), Math.min(n - 1, end + 16)}) {
            shown.add(atLeast(Clips.image(clip.frames().get(f)), 360));
            captions.add("frame " + f + (clip.truth()[f] ? " (anomalous)" : ""));
        }
        return ImageGrids.grid(shown, 3, captions);
    }

    /** The image scaled up (bilinear) to at least {@code width} pixels wide, so a student sees the event. */
    static BufferedImage atLeast(BufferedImage image, int width) {
        if (image.getWidth() >= width) {
            return image;
        }
        double f = width / (double) image.getWidth();
        int h = (int) Math.round(image.getHeight() * f);
        BufferedImage out = new BufferedImage(width, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A histogram of values with a vertical line at a threshold (Eq. 2 and 4 in lesson 03). */
    public static XYChart thresholdHistogram(String title, String xLabel, INDArray values, double threshold, String thresholdLabel) {
        XYChart chart = Histograms.histogram(title, xLabel, Map.of("batch", values.toDoubleVector()), 40, false);
        return LineCharts.addVerticalLine(chart, threshold, thresholdLabel);
    }

    /**
     * The temporal differences of the training split, normal and anomalous segments apart, with
     * the TD threshold D_th (section 3.3, lesson 02).
     */
    public static XYChart differenceHistogram(Dataset data, TemporalDifferenceFilter.Result td) {
        XYChart chart = Histograms.histogram("Temporal differences ‖f(t+1) − f(t)‖₂ of the training split", "temporal difference",
                CleaningQuality.differencesByTruth(td, data.info().segmentSize()), 50, true);
        return LineCharts.addVerticalLine(chart, td.threshold(), "D_th = " + String.format(Locale.ROOT, "%.2f", td.threshold()));
    }

    /**
     * The distribution of a model's test segment scores, normal vs anomalous segments (the
     * paper's Fig. 4): how well a score separates the two classes.
     */
    public static XYChart scoreHistogram(String title, GclModel model, Dataset data, ScoreSource source) {
        float[] scores = model.scores(data.test(), source);
        boolean[] anomalous = CleaningQuality.anomalousRows(data.test(), data.info().segmentSize());
        Map<String, double[]> split = new LinkedHashMap<>();
        split.put("normal segments", select(scores, anomalous, false));
        split.put("anomalous segments", select(scores, anomalous, true));
        String x = source.description();
        return Histograms.histogram(title, x, split, 40, true);
    }

    private static double[] select(float[] scores, boolean[] anomalous, boolean want) {
        double[] out = new double[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (anomalous[i] == want) {
                out[n++] = scores[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The test videos with the most anomalous frames, at most {@code n}. */
    public static List<Video> anomalousTestVideos(Dataset data, int n) {
        List<Video> videos = new ArrayList<>(data.test().videos().stream().filter(Video::hasAnomalousFrames).toList());
        videos.sort((a, b) -> Integer.compare(GroundTruth.count(b.groundTruth()), GroundTruth.count(a.groundTruth())));
        return videos.subList(0, Math.min(n, videos.size()));
    }

    /** A run's frame scores on one test video, with its ground truth shaded (the paper's Fig. 8). */
    public static XYChart timeline(Run run, GclModel model, Dataset data, Video video) {
        float[] s = model.videoScores(data.test().segmentsOf(video), model.config().effectiveScoreBy()).toFloatVector();
        double[] frames = FrameScores.ofVideo(s, video.frames(), data.info().segmentSize());
        return Timelines.scoreTimeline(run.name() + " on " + video.id(), Map.of(run.name() + " score", frames), video.groundTruth());
    }

    /**
     * What {@link #timeline} shows, in words and computed: the run's score on the video averaged
     * outside and inside the ground-truth event, the frame AUC on this video alone, whether the
     * event stands out (AUC ≥ 80 %: clearly; 60–80 %: weakly; below: not), and G's and D's frame AUC
     * over the whole test split for comparison.
     */
    public static String timelineReading(Run run, GclModel model, Dataset data, Video video) {
        float[] s = model.videoScores(data.test().segmentsOf(video), model.config().effectiveScoreBy()).toFloatVector();
        double[] frames = FrameScores.ofVideo(s, video.frames(), data.info().segmentSize());
        boolean[] truth = video.groundTruth();
        double in = 0;
        double out = 0;
        int nIn = 0;
        for (int f = 0; f < frames.length; f++) {
            if (truth[f]) {
                in += frames[f];
                nIn++;
            } else {
                out += frames[f];
            }
        }
        if (nIn == 0 || nIn == frames.length) {
            return "Video " + video.id() + " is " + (nIn == 0 ? "all normal" : "all anomalous") + ": no contrast to read.";
        }
        in /= nIn;
        out /= frames.length - nIn;
        double auc = gcl.eval.RocAuc.auc(frames, truth);
        String stands = auc >= 0.8 ? "the event **stands out clearly**" : auc >= 0.6 ? "the event **stands out weakly**"
                : "the event **does not stand out**";
        var m = run.metrics();
        String ratio = out <= 0 || in <= 0 ? "" : in >= out ? String.format(Locale.ROOT, " (%.1f× higher inside)", in / out)
                : String.format(Locale.ROOT, " (%.1f× lower inside)", out / in);
        return String.format(Locale.ROOT, "On %s the score (%s) averages %.3g outside the event and %.3g inside it%s; "
                        + "on this video alone its frame AUC is %.1f %%: %s. Over the whole test split: G %.1f %%, D %.1f %% frame AUC.",
                video.id(), model.config().effectiveScoreBy().description(),
                out, in, ratio, 100 * auc, stands, 100 * m.aucGenerator(), 100 * m.aucDiscriminator());
    }

    /**
     * A history column of several runs against the cooperative epochs, one series per run (the
     * paper's Fig. 5 with {@code test_auc_d}). Rows of pre-training phases are left out.
     */
    public static XYChart overTraining(String title, String yLabel, List<Run> runs, String column) {
        Map<String, double[]> series = new LinkedHashMap<>();
        double[] x = null;
        for (Run r : runs) {
            Table loop = loopEpochs(r);
            double[] y = percent(loop, column);
            series.put(r.name(), y);
            if (x == null || y.length > x.length) {
                x = loop.numberColumn("epoch").asDoubleArray();
            }
        }
        return LineCharts.line(title, "epoch", yLabel, series, x);
    }

    /** The rows of a run's history from its cooperative loop (or its autoencoder's epochs): no pre-training. */
    private static Table loopEpochs(Run run) {
        Table h = run.history();
        return h.where(h.stringColumn("phase").isIn("gcl", "ae"));
    }

    /** A history column (a fraction) in %. */
    private static double[] percent(Table history, String column) {
        double[] y = history.numberColumn(column).asDoubleArray();
        for (int i = 0; i < y.length; i++) {
            y[i] = 100 * y[i];
        }
        return y;
    }

    /**
     * A history column against the cooperative epochs over seeds: per trial name the mean over its
     * runs (one per seed) with a ± std band ({@link LineCharts#band}), in % — the paper's Fig. 5 with
     * {@code test_auc_g} or {@code test_auc_d}, drawn over seeds. Rows of pre-training phases are
     * left out; runs of the same name must have the same number of epochs.
     */
    public static XYChart overTrainingOverSeeds(String title, String yLabel, List<Run> runs, String column) {
        Map<String, List<double[]>> byName = new LinkedHashMap<>();
        double[] x = null;
        for (Run r : runs) {
            Table loop = loopEpochs(r);
            byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(percent(loop, column));
            if (x == null) {
                x = loop.numberColumn("epoch").asDoubleArray();
            }
        }
        Map<String, double[][]> series = new LinkedHashMap<>();
        byName.forEach((name, ys) -> series.put(name, ys.toArray(new double[0][])));
        return LineCharts.band(title, "epoch", yLabel, series, x);
    }

    /**
     * The paper's Fig. 9 over seeds: G's and D's frame AUC after training against the share of
     * weakly labelled videos, mean ± std band, from a runs table of {@link
     * gcl.experiment.PaperTrials#weakSupervision} (methods "GCL_WS 0 %" … "GCL_WS 100 %").
     */
    public static XYChart weakSupervision(String title, Table runs) {
        List<String> methods = new ArrayList<>(new LinkedHashSet<>(runs.stringColumn("method").asList()));
        double[] percent = new double[methods.size()];
        Map<String, double[][]> series = new LinkedHashMap<>();
        double[][] g = new double[0][];
        double[][] d = new double[0][];
        for (int m = 0; m < methods.size(); m++) {
            String name = methods.get(m);
            percent[m] = Double.parseDouble(name.replaceAll("[^0-9.]", ""));
            Table rows = runs.where(runs.stringColumn("method").isEqualTo(name));
            double[] ag = rows.numberColumn("AUC_G %").asDoubleArray();
            double[] ad = rows.numberColumn("AUC_D %").asDoubleArray();
            if (m == 0) {
                g = new double[ag.length][methods.size()];
                d = new double[ad.length][methods.size()];
            }
            if (ag.length != g.length) {
                throw new IllegalArgumentException("weak supervision runs: " + name + " has " + ag.length + " seeds, "
                        + methods.get(0) + " has " + g.length);
            }
            for (int s = 0; s < ag.length; s++) {
                g[s][m] = ag[s];
                d[s][m] = ad[s];
            }
        }
        series.put("G (reconstruction error)", g);
        series.put("D (probability)", d);
        return LineCharts.band(title, "videos with a video-level label (%)", "frame AUC %", series, percent);
    }

    /**
     * Our mean AUC ± std per method (dots with error bars, {@link DotCharts}) beside the paper's
     * UCF-Crime number as a second marker, from a runs table ({@link gcl.experiment.Experiment#table});
     * the value axis does not start at 0. Methods in order of first appearance.
     */
    public static CategoryChart oursVsPaper(String title, Table runs, String dataName) {
        OursAndPaper o = OursAndPaper.of(runs);
        String ours = o.seeds() > 1 ? "ours on " + dataName + ": mean ± std over " + o.seeds() + " seeds" : "ours on " + dataName + " (1 seed)";
        return DotCharts.oursVsPaper(title, "frame AUC %", o.methods(), o.mean(), o.std(), ours, o.paper(), "paper, UCF-Crime (other data)");
    }

    /**
     * D's test AUC over its first steps on an untrained G's labels ({@link
     * gcl.experiment.DiscriminatorFirstSteps#track}), one series per recipe, with the 50 % chance line.
     */
    public static XYChart firstSteps(String title, List<String> names, List<Table> tracks) {
        if (names.size() != tracks.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + tracks.size() + " tracks");
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        double[] x = null;
        for (int i = 0; i < names.size(); i++) {
            series.put(names.get(i), tracks.get(i).numberColumn("D test AUC %").asDoubleArray());
            double[] steps = tracks.get(i).numberColumn("step").asDoubleArray();
            if (x == null || steps.length > x.length) {
                x = steps;
            }
        }
        return LineCharts.addHorizontalLine(LineCharts.line(title, "step of D", "D's frame AUC % (test, for watching)", series, x),
                50, "chance");
    }

    /**
     * A t-SNE of G's reconstructions of test segments, anomalous in red and normal in green (the
     * paper's Fig. 6). Takes up to {@code points} segments, half of them anomalous where possible,
     * the same segments for every run with the same seed; {@code iterations} of t-SNE.
     */
    public static XYChart reconstructionTsne(Run run, Dataset data, int points, long seed, int iterations) {
        Reconstructions r = reconstructions(run, data, points, seed);
        Tsne.Embedding e = Tsne.embed(r.rows(), Tsne.Options.defaults().withSeed(seed).withIterations(iterations),
                gcl.Progress.silent("t-SNE", "iterations", iterations));
        return ScatterPlots.scatter("t-SNE of G's reconstructions: " + run.name(), e.xy(), r.anomalous());
    }

    /** G's reconstructions of a sample of test segments and whether each is anomalous (ground truth). */
    private record Reconstructions(INDArray rows, boolean[] anomalous) {
    }

    /**
     * Up to {@code points} test segments, half anomalous where possible, drawn from {@code seed} (the
     * same segments for every run), reconstructed by the run's G: what Fig. 6's t-SNE and its PCA show.
     */
    private static Reconstructions reconstructions(Run run, Dataset data, int points, long seed) {
        FeatureSet test = data.test();
        boolean[] anomalous = CleaningQuality.anomalousRows(test, data.info().segmentSize());
        int[] rows = balancedSample(anomalous, points, new Seeds(seed).random("lesson.tsne-sample"));
        boolean[] labels = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = anomalous[rows[i]];
        }
        return new Reconstructions(run.model().generator().reconstruct(run.model().inputs(test).rows(rows)), labels);
    }

    /** As {@link #reconstructionTsne(Run, Dataset, int, long, int)}, with the lessons' iterations: 1000 in full, 750 in quick. */
    public static XYChart reconstructionTsne(Run run, Dataset data, int points, long seed) {
        return reconstructionTsne(run, data, points, seed, Course.profile() == Profile.FULL ? 1000 : 750);
    }

    /**
     * The same test segments as {@link #reconstructionTsne} with the same {@code points} and
     * {@code seed} (half anomalous where possible), reconstructed by a run's G and projected on their
     * two principal components ({@link Pca}), anomalous in red and normal in green: the linear view
     * beside the t-SNE of Fig. 6, on the same points.
     */
    public static XYChart reconstructionPca(String title, Run run, Dataset data, int points, long seed) {
        Reconstructions r = reconstructions(run, data, points, seed);
        XYChart chart = ScatterPlots.scatter(title, Pca.project(r.rows(), 2).toDoubleMatrix(), r.anomalous());
        chart.setXAxisTitle("first principal component");
        chart.setYAxisTitle("second principal component");
        return chart;
    }

    static int[] balancedSample(boolean[] anomalous, int points, Random rng) {
        List<Integer> pos = new ArrayList<>();
        List<Integer> neg = new ArrayList<>();
        for (int i = 0; i < anomalous.length; i++) {
            (anomalous[i] ? pos : neg).add(i);
        }
        Collections.shuffle(pos, rng);
        Collections.shuffle(neg, rng);
        int takePos = Math.min(pos.size(), points / 2);
        int takeNeg = Math.min(neg.size(), points - takePos);
        List<Integer> rows = new ArrayList<>(pos.subList(0, takePos));
        rows.addAll(neg.subList(0, takeNeg));
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
