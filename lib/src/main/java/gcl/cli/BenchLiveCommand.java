package gcl.cli;

import gcl.Profile;
import gcl.Seeds;
import gcl.clean.VideoCentring;
import gcl.data.DatasetInfo;
import gcl.data.GroundTruthConvention;
import gcl.features.DefaultExtractor;
import gcl.live.AlertRule;
import gcl.live.LiveBenchmark;
import gcl.live.LiveScorer;
import gcl.synth.SyntheticVideos;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.Preset;
import gcl.train.RunDirectory;
import gcl.train.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.util.Locale;

/** {@code gcl bench live}: real-time factor and delay of {@code gcl watch} at given frame sizes. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = {"Real-time factor and delay of live scoring (gcl watch) on this machine.",
            "For each of --sizes it renders one synthetic clip of --seconds at 25 fps and",
            "watches it twice: as fast as it decodes (the real-time factor: seconds of",
            "video scored per second) and as a live HTTP stream on 127.0.0.1 at its own",
            "frame rate (the delay from a segment's last frame to its score, and the load:",
            "extraction and scoring time per segment over the segment's 0.64 s).",
            "Without --run it scores with an untrained GCL_B at the paper's sizes",
            "(d = 2048): the time does not depend on the weights. With --run of a run",
            "trained with centring it also compares its test scores offline and with",
            "the streaming median a watch uses."})
public final class BenchLiveCommand implements Callable<Integer> {
    @Option(names = "--sizes", split = ",", defaultValue = "320x240,640x480", paramLabel = "WxH[,WxH...]",
            description = "Frame sizes of the clips (default: ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Option(names = "--seconds", defaultValue = "20", description = "Length of each clip in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--centring", defaultValue = "streaming",
            description = "Without --run: none or streaming (the costlier: a median per segment; default: ${DEFAULT-VALUE}).")
    String centring;

    @Option(names = "--run", paramLabel = "RUN_DIR", description = "Score with this run instead (its --data too).")
    Path run;

    @Option(names = "--data", paramLabel = "DIR", description = "With --run: the dataset it was trained on.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the rows as CSV.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!(seconds >= 1)) {
            throw new IllegalArgumentException("--seconds must be at least 1, got " + seconds);
        }
        if ((run == null) != (data == null)) {
            throw new IllegalArgumentException("give --run and --data together (the dataset the run was trained on)");
        }
        LiveScorer scorer = scorer();
        System.out.println("bench live: " + scorer + "; " + Runtime.getRuntime().availableProcessors() + " cores");
        if (run != null && scorer.centres()) {
            compareCentrings(scorer);
        }
        List<LiveBenchmark.Row> rows = new ArrayList<>();
        int segments = Math.max(1, (int) Math.round(seconds * 25 / SyntheticVideos.SEGMENT));
        for (String s : sizes) {
            FrameSize wh = FrameSize.parse("--sizes", s, "320x240");
            if (!wh.even()) {
                throw new IllegalArgumentException("--sizes " + wh + ": MPEG-4 needs an even width and height, e.g. 320x240");
            }
            Path temp = Files.createTempDirectory("gcl-bench-live");
            try {
                SyntheticVideos.Summary clips = SyntheticVideos.render(temp, new Seeds(1), new SyntheticVideos.Config(2, wh.width(),
                        wh.height(), 25, segments, segments, 1, 0.5, 0.5, 1), null);
                rows.addAll(LiveBenchmark.run(clips.videos().get(0).file(), wh.toString(), scorer));
            } finally {
                gcl.AtomicFiles.deleteTree(temp);
            }
        }
        System.out.println(LiveBenchmark.HEADING);
        rows.forEach(r -> System.out.println(r.line()));
        if (out != null) {
            StringBuilder csv = new StringBuilder(LiveBenchmark.CSV_HEADER).append('\n');
            rows.forEach(r -> csv.append(r.csv()).append('\n'));
            gcl.AtomicFiles.writeString(out, csv);
        }
        return 0;
    }

    /**
     * For a run trained with centring: its test split scored offline (the run's own centring, as
     * {@code gcl score}) and as a live watch would score it (the streaming median), side by side.
     */
    private void compareCentrings(LiveScorer scorer) throws Exception {
        gcl.data.Dataset ds = gcl.data.DatasetDirectory.load(data);
        GclModel model = scorer.model();
        float[] offline = model.scores(ds.test());
        float[] live = LiveScorer.streamingScores(model, ds.test());
        double max = 0;
        double sum = 0;
        for (int i = 0; i < live.length; i++) {
            double d = Math.abs(live[i] - offline[i]);
            max = Math.max(max, d);
            sum += d;
        }
        System.out.println(String.format(Locale.ROOT, "bench live: centring %s (offline, as gcl score) vs streaming"
                + " (as gcl watch) on %d test segments: mean |difference| %.4g, max %.4g", scorer.trainedCentring().id(),
                live.length, sum / Math.max(1, live.length), max));
        if (gcl.eval.Evaluation.hasGroundTruth(ds.test())) {
            int p = ds.info().segmentSize();
            System.out.println(String.format(Locale.ROOT, "bench live: frame AUC offline %.2f %%, streaming %.2f %%",
                    100 * gcl.eval.FrameScores.of(ds.test(), offline, p).auc(),
                    100 * gcl.eval.FrameScores.of(ds.test(), live, p).auc()));
        }
    }

    private LiveScorer scorer() throws Exception {
        if (run != null) {
            RunDirectory dir = new RunDirectory(run);
            return LiveScorer.of(dir.loadModel(), gcl.data.DatasetDirectory.load(data));
        }
        VideoCentring c = VideoCentring.parse(centring);
        if (c != VideoCentring.NONE && c != VideoCentring.STREAMING) {
            throw new IllegalArgumentException("--centring takes none or streaming, got '" + centring + "'");
        }
        GclConfig config = GclConfig.forProfile(Preset.ROBUST, Profile.FULL).withVariant(Variant.GCL_B).with("videoCentring", c.id());
        DefaultExtractor extractor = new DefaultExtractor();
        GclModel model = GclModel.create(config, extractor.dimension());
        DatasetInfo info = new DatasetInfo("bench", SyntheticVideos.SEGMENT, extractor.kind(), extractor.dimension(), 25,
                GroundTruthConvention.FRAMES, true);
        return LiveScorer.of(model, extractor, info, AlertRule.of(AlertRule.DEFAULT_WINDOW, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, 0));
    }
}
