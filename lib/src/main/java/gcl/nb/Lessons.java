package gcl.nb;

import gcl.AtomicFiles;
import gcl.Log;
import gcl.Paths;
import gcl.Profile;
import gcl.Seeds;
import gcl.data.Annotations;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.data.GroundTruth;
import gcl.data.Split;
import gcl.data.VideoFolder;
import gcl.experiment.Experiment;
import gcl.features.BatchExtraction;
import gcl.features.FeatureExtractor;
import gcl.synth.SyntheticFeatures;
import gcl.synth.SyntheticVideos;
import gcl.train.GclConfig;
import gcl.train.PseudoLabels;
import gcl.train.PseudoTargets;
import gcl.video.ReadOptions;
import gcl.video.VideoFrame;
import gcl.video.VideoInfo;
import gcl.video.VideoReader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What the lessons share: the profile they run in, their data, their base config and experiment,
 * and a few tables that look inside one step of the method. Method code lives in the stage
 * packages; this class only assembles. The charts of the paper's figures are in {@link Figures}.
 *
 * <p>This is where the lessons read {@code GCL_PROFILE} ({@link #profile()}); the library below
 * is handed the profile or the settings that follow from it.
 */
public final class Lessons {
    private Lessons() {
    }

    /** The profile the lessons run in: {@code GCL_PROFILE} (quick when unset). */
    public static Profile profile() {
        return Profile.current();
    }

    /**
     * The lesson's dataset: the dataset directory {@code realData} when it is not null, else the
     * embedded synthetic features of the current profile (seed 0), generated on first use and cached.
     */
    public static Dataset data(Path realData) {
        try {
            return realData == null ? SyntheticFeatures.cached(profile(), 0) : DatasetDirectory.load(realData);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The base config of the lessons: the paper's settings in the full profile, smaller ones in quick. */
    public static GclConfig config() {
        return GclConfig.forProfile(profile());
    }

    /**
     * The lessons' experiment on a dataset: the shared run cache, one line per run, and progress
     * within each run too in the full profile, where a run takes long.
     */
    public static Experiment experiment(Dataset data) {
        return Experiment.on(data).epochProgress(profile() == Profile.FULL);
    }

    /** How many seeds a lesson averages over: 10 in full (the paper's Fig. 10), {@code quick} in quick. */
    public static int seeds(int quick) {
        return profile() == Profile.FULL ? 10 : quick;
    }

    /**
     * How many seeds a curve over training or over a setting is averaged over (Fig. 5, Fig. 9): 3 in
     * both profiles — a band from three runs, where ten would make lesson 04 a day longer in full.
     */
    public static int curveSeeds() {
        return 3;
    }

    /** How many test segments the t-SNE of lesson 04 embeds: 2000 in full, 300 in quick. */
    public static int tsnePoints() {
        return profile() == Profile.FULL ? 2000 : 300;
    }

    /**
     * The synthetic surveillance videos of lesson 01 (seed 1; 12 clips in quick, 40 in full),
     * rendered on first use into the cache ({@link Paths#videos()}) and listed from there afterwards.
     */
    public static Path syntheticVideos() {
        int count = profile() == Profile.FULL ? SyntheticVideos.DEFAULT_COUNT : 12;
        Path dir = Paths.videos().resolve("synthetic-videos-seed1-" + count);
        try {
            if (!Files.exists(dir.resolve(Annotations.VIDEOS_CSV))) {
                Path work = Files.createDirectories(dir.getParent()).resolve(dir.getFileName() + ".tmp");
                AtomicFiles.deleteTree(work);
                Log.info("rendering " + count + " synthetic videos into " + dir + " (first use; later calls reuse them)");
                SyntheticVideos.render(work, new Seeds(1), SyntheticVideos.Config.defaults().withCount(count), Log.stream());
                Files.move(work, dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The dataset extracted from a folder of videos with an extractor, into the cache
     * ({@link Paths#datasets()}; resumable: videos already extracted are skipped), then loaded.
     */
    public static Dataset extracted(Path videos, FeatureExtractor extractor) {
        Path out = Paths.datasets().resolve(videos.getFileName() + "-" + extractor.kind() + "-d" + extractor.dimension());
        try {
            if (!Files.exists(out.resolve(DatasetDirectory.DATASET_JSON))) {
                var result = BatchExtraction.run(videos, out, extractor);
                Log.info(result.summary());
            }
            return DatasetDirectory.load(out);
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": " + e.getMessage(), e);
        }
    }

    /**
     * One decoded video of a folder with its ground truth.
     *
     * @param id        the video's id (its file name without the extension)
     * @param frames    every frame, decoded at the file's own rate and size
     * @param info      what decoding found (frame count, rate, size)
     * @param intervals its anomalous frame intervals from the folder's annotations
     * @param truth     one flag per decoded frame (true = anomalous)
     */
    public record Clip(String id, List<VideoFrame> frames, VideoInfo info, List<GroundTruth.Interval> intervals, boolean[] truth) {
        @Override
        public String toString() {
            return info + "; anomalous frames " + intervals;
        }
    }

    /**
     * The first test video of a folder (in {@code videos.csv} order) whose annotations mark an
     * event, decoded (the first video when none does): what lesson 01 looks at.
     */
    public static Clip anomalousClip(Path videos) {
        try {
            Annotations annotations = VideoFolder.read(videos).annotations();
            List<Path> files = BatchExtraction.videoFiles(videos);
            if (files.isEmpty()) {
                throw new IOException("no video files in " + videos);
            }
            String id = annotations.videos().keySet().stream()
                    .filter(v -> annotations.splitOf(v).orElse(Split.TRAIN) == Split.TEST && !annotations.intervals(v).isEmpty())
                    .findFirst().orElse(BatchExtraction.idOf(files.get(0)));
            Path file = files.stream().filter(f -> BatchExtraction.idOf(f).equals(id)).findFirst()
                    .orElseThrow(() -> new IOException("video " + id + " is annotated but has no file in " + videos));
            List<VideoFrame> frames = VideoReader.readAll(file, ReadOptions.original());
            VideoInfo info = VideoReader.probe(file, ReadOptions.original());
            return new Clip(id, frames, info, annotations.intervals(id), annotations.mask(id, frames.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(videos + ": " + e.getMessage(), e);
        }
    }

    /** A decoded frame as an image (its BGR bytes in a 3-byte BGR raster). */
    public static BufferedImage image(VideoFrame frame) {
        var img = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] raster = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.bgr(), 0, raster, 0, raster.length);
        return img;
    }

    /**
     * A runs table recorded earlier and committed with the lessons in {@code notebooks/results/}
     * (in the project folder, {@link Paths#projectHome()}): results that take hours on a CPU, such
     * as Table 2 in the full profile. {@code notebooks/results/README.md} says how each file was made.
     */
    public static Table recorded(String file) {
        return Experiment.readCsv(resultsFolder().resolve(file)).setName("recorded: " + file);
    }

    static Path resultsFolder() {
        return Paths.projectFile("notebooks/results/README.md").map(Path::getParent)
                .orElseThrow(() -> new UncheckedIOException(new IOException("no notebooks/results folder in the project folder "
                        + Paths.projectHome().map(Path::toString).orElse("(none: set GCL_HOME, or run inside the clone)"))));
    }

    /**
     * The quick and full profiles next to the paper's settings (section 4, "Implementation
     * Details"), with the reason for each difference: network sizes, d, batch, epochs, learning rate,
     * momentum, seeds, and the iterations one run gets on {@code data} in the current profile.
     */
    public static Table profileVsPaper(Dataset data) {
        GclConfig paper = GclConfig.paper();
        GclConfig quick = GclConfig.forProfile(Profile.QUICK);
        GclConfig full = GclConfig.forProfile(Profile.FULL);
        GclConfig here = config();
        long iterations = (long) Math.ceil(data.train().size() / (double) here.batchSize()) * here.epochs();
        StringColumn setting = StringColumn.create("setting");
        StringColumn p = StringColumn.create("paper (UCF-Crime)");
        StringColumn q = StringColumn.create("quick profile");
        StringColumn f = StringColumn.create("full profile");
        StringColumn why = StringColumn.create("why quick differs");
        profileRow(setting, p, q, f, why, "feature size d", "2048 (ResNeXt)", "64 (synthetic-quick)", "2048 (synthetic-full, or real features)",
                "seconds per run on a CPU; the method's rules do not depend on d");
        profileRow(setting, p, q, f, why, "G: FC[d, …, d]", layers(paper.generatorHidden()), layers(quick.generatorHidden()),
                layers(full.generatorHidden()), "layers scaled to d = 64: a 1,024-unit layer on 64 inputs would only add time");
        profileRow(setting, p, q, f, why, "D: FC[d, …, 1]", layers(paper.discriminatorHidden()), layers(quick.discriminatorHidden()),
                layers(full.discriminatorHidden()), "scaled with G");
        profileRow(setting, p, q, f, why, "batch size", String.valueOf(paper.batchSize()), String.valueOf(quick.batchSize()),
                String.valueOf(full.batchSize()), "the quick set has a few thousand segments: 8,192 would be one batch per epoch");
        profileRow(setting, p, q, f, why, "epochs", String.valueOf(paper.epochs()), String.valueOf(quick.epochs()),
                String.valueOf(full.epochs()), "time; pre-training " + quick.pretrainEpochs() + " epochs (the paper does not say)");
        profileRow(setting, p, q, f, why, "learning rate (RMSprop)", String.valueOf(paper.learningRate()), String.valueOf(quick.learningRate()),
                String.valueOf(full.learningRate()), String.format(Locale.ROOT,
                        "the paper's rate is set for ≈ 1,340 iterations (730k segments / 8,192 × 15); a run here gets %,d", iterations));
        profileRow(setting, p, q, f, why, "momentum", String.valueOf(paper.momentum()), String.valueOf(quick.momentum()),
                String.valueOf(full.momentum()), "same");
        profileRow(setting, p, q, f, why, "seeds per result", "10 (Fig. 10)", "3–5", "10", "time; every mean comes with its std");
        return Table.create("The profiles next to the paper's settings (this lesson runs " + profile().id() + ")", setting, p, q, f, why);
    }

    private static String layers(List<Integer> hidden) {
        return hidden.toString();
    }

    private static void profileRow(StringColumn setting, StringColumn p, StringColumn q, StringColumn f, StringColumn why,
                                   String name, String paper, String quick, String full, String reason) {
        setting.append(name);
        p.append(paper);
        q.append(quick);
        f.append(full);
        why.append(reason);
    }

    /**
     * A dataset at a glance: name, kind, videos and segments per split, d, p, the properties of GCL's
     * premise (scene share, temporal differences, anomalous shares: {@link gcl.experiment.DatasetProperties},
     * each marked with the labels it needs), fingerprint ({@link DatasetDescription}).
     */
    public static Table describe(Dataset data) {
        return DatasetDescription.of(data);
    }

    /**
     * A recorded Table 2 ({@code notebooks/results/table2-<data>.csv}, e.g. {@code synthetic-full})
     * as one row per method and one column per preset (mean ± std over its seeds), next to the
     * paper's UCF-Crime figure; only the named methods when any are given.
     */
    public static Table recordedTable2(String data, String... methods) {
        Table runs = recorded("table2-" + data + ".csv");
        if (methods.length > 0) {
            runs = runs.where(runs.stringColumn("method").isIn(methods));
        }
        return gcl.experiment.Summaries.byPreset(runs, data + " (recorded)");
    }

    /**
     * What the chart of {@link Figures#firstSteps} shows, in words and computed: per recipe D's test
     * AUC at its first and last recorded step, its lowest value, and whether it starts below chance
     * (50 %: ranking anomalies below normal segments).
     */
    public static String firstStepsReading(List<String> names, List<Table> tracks) {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            // row 0 is the untrained D (step 0); its first steps are rows 1 on
            double[] auc = tracks.get(i).numberColumn("D test AUC %").asDoubleArray();
            int[] step = tracks.get(i).intColumn("step").asIntArray();
            int first = Math.min(1, auc.length - 1);
            double low = java.util.Arrays.stream(auc, first, auc.length).min().orElse(Double.NaN);
            md.append(String.format(Locale.ROOT, "- **%s**: untrained %.1f %%; after step %d %.1f %%, after step %d %.1f %% "
                            + "(lowest %.1f %%): D's first step ranks %s.%n", names.get(i), auc[0], step[first], auc[first],
                    step[step.length - 1], auc[auc.length - 1], low,
                    auc[first] < 50 ? "**below chance**" : "above chance"));
        }
        return md.toString();
    }

    /** The first run named {@code name} in a list of runs (e.g. the first seed of a trial). */
    public static gcl.experiment.Run first(List<gcl.experiment.Run> runs, String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run named '" + name + "' among "
                        + runs.stream().map(gcl.experiment.Run::name).distinct().toList()));
    }

    /**
     * A runs table ({@link Experiment#table}) as a student reads it: method, preset, seed and the
     * AUC columns, without the cache key, timings and the diagnostics (lesson 03 reads those with
     * {@link gcl.experiment.Diagnosis}).
     */
    public static Table forStudents(Table runs) {
        List<String> keep = List.of("method", "preset", "seed", "AUC %", "AUC_G %", "AUC_D %", "AP %");
        return runs.selectColumns(keep.stream().filter(runs.columnNames()::contains).toArray(String[]::new))
                .setName(runs.name());
    }

    /**
     * A run's training history as a student reads it: per epoch of each phase the losses, the shares
     * labelled anomalous, the main diagnostics and the test AUC in %, under readable names with the
     * history column after each ({@code Run#history} keeps every column under its own name).
     */
    public static Table historyForStudents(Table history) {
        Table out = Table.create(history.name());
        out.addColumns(history.column("phase").copy(), history.column("epoch").copy());
        String[][] shown = {
            {"g_loss", "G loss L_G"}, {"d_loss", "D loss L_D"}, {"anomalous_by_g", "share G labels anomalous"},
            {"anomalous_by_d", "share D labels anomalous"}, {"d_agrees_g", "D agrees with G"},
            {"whole_videos_d", "D's labels in whole videos"}, {"kept_d", "D's labels kept"},
            {"test_auc_g", "test AUC of G %"}, {"test_auc_d", "test AUC of D %"},
        };
        for (String[] c : shown) {
            if (!history.columnNames().contains(c[0])) {
                continue;
            }
            double[] v = history.numberColumn(c[0]).asDoubleArray();
            boolean percent = c[0].startsWith("test_auc");
            DoubleColumn col = DoubleColumn.create(c[1] + " (" + c[0] + ")");
            for (double x : v) {
                col.append(percent ? Math.round(x * 10000) / 100.0 : x);
            }
            out.addColumns(col);
        }
        return out;
    }

    /**
     * The paper's claims checked on a recorded Table 2 ({@code notebooks/results/table2-<data>.csv})
     * under each of its presets, as markdown ({@link gcl.experiment.Claims#markdownByPreset}): the
     * computed reading of the recorded tables.
     */
    public static String recordedReading(String data, List<gcl.experiment.Claims.Claim> claims) {
        return gcl.experiment.Claims.markdownByPreset(data + " (recorded)", recorded("table2-" + data + ".csv"), claims);
    }

    /**
     * A training batch as G and D see it: its rows in the training split, their features (centred
     * per video when the config says so, {@link gcl.clean.VideoCentring}) and the centres that were
     * subtracted (null when none), which the {@code ones} pseudo target needs.
     */
    public record Batch(int[] rows, INDArray features, INDArray offsets) {
        /** Segments in the batch. */
        public int size() {
            return rows.length;
        }
    }

    /** The first training batch of a config's first epoch (shuffled across videos, section 3.1). */
    public static Batch firstBatch(Dataset data, GclConfig config) {
        Random rng = new Seeds(config.seed()).random("lesson.batch");
        int[] rows = data.train().shuffledBatches(config.batchSize(), rng).get(0);
        var inputs = config.videoCentring().of(data.train());
        return new Batch(rows, inputs.rows(rows), inputs.offsets(rows));
    }

    /**
     * The pseudo targets of Eq. (6) for the first {@code rows} segments of a batch: segment, D's
     * label l_D, how far the target is from the input ‖t − f‖₂ (0 for D-normal segments), and the
     * target's mean (1 for the "ones" target).
     */
    public static Table pseudoTargets(Batch batch, PseudoLabels labels, PseudoTargets targets, int rows) {
        int n = Math.min(rows, batch.size());
        IntColumn segment = IntColumn.create("segment");
        IntColumn label = IntColumn.create("l_D");
        DoubleColumn distance = DoubleColumn.create("‖t − f‖₂");
        DoubleColumn mean = DoubleColumn.create("mean of t");
        for (int q = 0; q < n; q++) {
            segment.append(q);
            label.append(labels.anomalous(q) ? 1 : 0);
            INDArray t = targets.targets().getRow(q);
            distance.append(t.distance2(batch.features().getRow(q)));
            // in the features' own coordinates: t + c when the batch is centred
            mean.append(batch.offsets() == null ? t.meanNumber().doubleValue()
                    : t.add(batch.offsets().getRow(q)).meanNumber().doubleValue());
        }
        return Table.create("Pseudo targets (first " + n + " segments of the batch)", segment, label, distance, mean);
    }
}
