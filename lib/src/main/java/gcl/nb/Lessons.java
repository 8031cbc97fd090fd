package gcl.nb;

import gcl.Profile;
import gcl.Seeds;
import gcl.clean.CleaningQuality;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.experiment.Run;
import gcl.synth.SyntheticFeatures;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.ScoreSource;
import gcl.viz.Charts;
import gcl.viz.Tsne;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What the lessons share: their data, their base config, and the charts that put a run's numbers
 * in the paper's figures. Method code lives in the stage packages; this class only assembles.
 */
public final class Lessons {
    private Lessons() {
    }

    /**
     * The lesson's dataset: the dataset directory {@code realData} when it is not null, else the
     * embedded synthetic features of the current profile (seed 0), generated on first use and cached.
     */
    public static Dataset data(Path realData) {
        try {
            return realData == null ? SyntheticFeatures.cached(Profile.current(), 0) : DatasetDirectory.load(realData);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The base config of the lessons: the paper's settings in the full profile, smaller ones in quick. */
    public static GclConfig config() {
        return GclConfig.forProfile(Profile.current());
    }

    /** How many seeds a lesson averages over: 10 in full (the paper's Fig. 10), {@code quick} in quick. */
    public static int seeds(int quick) {
        return Profile.current() == Profile.FULL ? 10 : quick;
    }

    /**
     * The synthetic surveillance videos of lesson 01 (seed 1; 12 clips in quick, 40 in full),
     * rendered on first use into the cache and listed from there afterwards.
     */
    public static Path syntheticVideos() {
        int count = Profile.current() == Profile.FULL ? gcl.synth.SyntheticVideos.DEFAULT_COUNT : 12;
        Path dir = gcl.experiment.RunCache.cacheRoot().resolve("videos").resolve("synthetic-videos-seed1-" + count);
        try {
            if (!Files.exists(dir.resolve("videos.csv"))) {
                Path work = Files.createDirectories(dir.getParent()).resolve(dir.getFileName() + ".tmp");
                gcl.experiment.RunCache.deleteTree(work);
                System.out.println("rendering " + count + " synthetic videos into " + dir + " (first use; later calls reuse them)");
                gcl.synth.SyntheticVideos.render(work, new Seeds(1),
                        gcl.synth.SyntheticVideos.Config.defaults().withCount(count), System.out);
                Files.move(work, dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The dataset extracted from a folder of videos with an extractor, into the cache (resumable:
     * videos already extracted are skipped), then loaded.
     */
    public static Dataset extracted(Path videos, gcl.features.FeatureExtractor extractor) {
        Path out = gcl.experiment.RunCache.cacheRoot().resolve("datasets")
                .resolve(videos.getFileName() + "-" + extractor.kind() + "-d" + extractor.dimension());
        try {
            if (!Files.exists(out.resolve(DatasetDirectory.DATASET_JSON))) {
                var result = gcl.features.BatchExtraction.run(videos, out, extractor,
                        gcl.features.BatchExtraction.Options.defaults().withProgress(System.out));
                System.out.println(result.summary());
            }
            return DatasetDirectory.load(out);
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": " + e.getMessage(), e);
        }
    }

    /** A decoded frame as an image (its BGR bytes in a 3-byte BGR raster). */
    public static java.awt.image.BufferedImage image(gcl.video.VideoFrame frame) {
        var img = new java.awt.image.BufferedImage(frame.width(), frame.height(), java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        byte[] raster = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.bgr(), 0, raster, 0, raster.length);
        return img;
    }

    /**
     * A runs table recorded earlier and committed with the lessons in {@code notebooks/results/}
     * (found under {@code $GCL_HOME}, else above the working directory): results that take hours on
     * a CPU, such as Table 2 in the full profile. {@code notebooks/results/README.md} says how each
     * file was made.
     */
    public static Table recorded(String file) {
        return gcl.experiment.Experiment.readCsv(resultsFolder().resolve(file)).setName("recorded: " + file);
    }

    static Path resultsFolder() {
        return gcl.ProjectFiles.find("notebooks/results/README.md").map(Path::getParent)
                .orElseThrow(() -> new UncheckedIOException(new IOException("no notebooks/results folder under $GCL_HOME or above "
                        + gcl.ProjectFiles.workingDirectory())));
    }

    /** How many test segments the t-SNE of lesson 04 embeds: 2000 in full, 300 in quick. */
    public static int tsnePoints() {
        return Profile.current() == Profile.FULL ? 2000 : 300;
    }

    /** A dataset at a glance: name, kind, videos and segments per split, d, p, anomalous share, fingerprint. */
    public static Table describe(Dataset data) {
        StringColumn what = StringColumn.create("what");
        StringColumn value = StringColumn.create("value");
        String kind = data.info().synthetic() ? "synthetic teaching proxy (results are not the paper's)" : "real features";
        row(what, value, "dataset", data.info().name() + " — " + kind);
        row(what, value, "features", data.info().featureKind() + ", d = " + data.train().dim());
        row(what, value, "train", data.train().videos().size() + " videos, " + data.train().size() + " segments (labels unused by GCL)");
        row(what, value, "test", data.test().videos().size() + " videos, " + data.test().size() + " segments");
        row(what, value, "segment size p", data.info().segmentSize() + " frames");
        long frames = 0;
        long anomalous = 0;
        for (Video v : data.test().videos()) {
            if (v.hasGroundTruth()) {
                frames += v.frames();
                for (boolean b : v.groundTruth()) {
                    anomalous += b ? 1 : 0;
                }
            }
        }
        row(what, value, "test frames anomalous", frames == 0 ? "no ground truth"
                : String.format(java.util.Locale.ROOT, "%.1f %% of %d", 100.0 * anomalous / frames, frames));
        row(what, value, "fingerprint", data.fingerprint());
        return Table.create("Dataset", what, value);
    }

    private static void row(StringColumn what, StringColumn value, String w, String v) {
        what.append(w);
        value.append(v);
    }

    /** The first training batch of a config's first epoch (shuffled across videos, section 3.1). */
    public static INDArray firstBatch(Dataset data, GclConfig config) {
        Random rng = new Seeds(config.seed()).random("lesson.batch");
        return data.train().rows(data.train().shuffledBatches(config.batchSize(), rng).get(0));
    }

    /** A histogram of values with a vertical line at a threshold (Eq. 2 and 4 in lesson 03). */
    public static XYChart thresholdHistogram(String title, String xLabel, INDArray values, double threshold, String thresholdLabel) {
        XYChart chart = Charts.histogram(title, xLabel, Map.of("batch", values.toDoubleVector()), 40, false);
        return Charts.addVerticalLine(chart, threshold, thresholdLabel);
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
        String x = source == ScoreSource.DISCRIMINATOR ? "D's probability p̂ (anomalous)" : "G's reconstruction error ‖f − f̂‖₂";
        return Charts.histogram(title, x, split, 40, true);
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
        videos.sort((a, b) -> Integer.compare(anomalousFrames(b), anomalousFrames(a)));
        return videos.subList(0, Math.min(n, videos.size()));
    }

    private static int anomalousFrames(Video v) {
        int n = 0;
        for (boolean b : v.groundTruth()) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** A run's frame scores on one test video, with its ground truth shaded (the paper's Fig. 8). */
    public static XYChart timeline(Run run, GclModel model, Dataset data, Video video) {
        float[] s = model.videoScores(data.test().segmentsOf(video), model.config().effectiveScoreBy()).toFloatVector();
        double[] frames = gcl.eval.FrameScores.ofVideo(s, video.frames(), data.info().segmentSize());
        return Charts.scoreTimeline(run.name() + " on " + video.id(), Map.of(run.name() + " score", frames), video.groundTruth());
    }

    /**
     * A history column of several runs against the cooperative epochs, one series per run (the
     * paper's Fig. 5 with {@code test_auc_d}). Rows of pre-training phases are left out.
     */
    public static XYChart overTraining(String title, String yLabel, List<Run> runs, String column) {
        Map<String, double[]> series = new LinkedHashMap<>();
        double[] x = null;
        for (Run r : runs) {
            Table h = r.history();
            Table loop = h.where(h.stringColumn("phase").isIn("gcl", "ae"));
            double[] y = loop.numberColumn(column).asDoubleArray();
            for (int i = 0; i < y.length; i++) {
                y[i] = 100 * y[i];
            }
            series.put(r.name(), y);
            if (x == null || y.length > x.length) {
                x = loop.numberColumn("epoch").asDoubleArray();
            }
        }
        return Charts.line(title, "epoch", yLabel, series, x);
    }

    /**
     * A t-SNE of G's reconstructions of test segments, anomalous in red and normal in green (the
     * paper's Fig. 6). Takes up to {@code points} segments, half of them anomalous where possible,
     * the same segments for every run with the same seed.
     */
    public static XYChart reconstructionTsne(Run run, Dataset data, int points, long seed) {
        FeatureSet test = data.test();
        boolean[] anomalous = CleaningQuality.anomalousRows(test, data.info().segmentSize());
        int[] rows = balancedSample(anomalous, points, new Seeds(seed).random("lesson.tsne-sample"));
        INDArray reconstructions = run.model().generator().reconstruct(test.rows(rows));
        boolean[] labels = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = anomalous[rows[i]];
        }
        int iterations = Profile.current() == Profile.FULL ? 1000 : 750;
        Tsne.Embedding e = Tsne.embed(reconstructions, Tsne.Options.defaults().withSeed(seed).withIterations(iterations),
                gcl.Progress.silent("t-SNE", "iterations", iterations));
        return Charts.scatter("t-SNE of G's reconstructions: " + run.name(), e.xy(), labels);
    }

    static int[] balancedSample(boolean[] anomalous, int points, Random rng) {
        List<Integer> pos = new ArrayList<>();
        List<Integer> neg = new ArrayList<>();
        for (int i = 0; i < anomalous.length; i++) {
            (anomalous[i] ? pos : neg).add(i);
        }
        java.util.Collections.shuffle(pos, rng);
        java.util.Collections.shuffle(neg, rng);
        int takePos = Math.min(pos.size(), points / 2);
        int takeNeg = Math.min(neg.size(), points - takePos);
        List<Integer> rows = new ArrayList<>(pos.subList(0, takePos));
        rows.addAll(neg.subList(0, takeNeg));
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
