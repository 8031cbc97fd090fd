package gcl.cli;

import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.features.FeatureExtractor;
import gcl.live.AlertRule;
import gcl.live.LiveScorer;
import gcl.live.SegmentScore;
import gcl.live.StreamSource;
import gcl.live.Watch;
import gcl.live.WatchEvent;
import gcl.live.WatchListener;
import gcl.live.WatchOptions;
import gcl.live.WatchResult;
import gcl.train.GclModel;
import gcl.train.RunDirectory;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcl watch}: a trained run scores a camera or a network stream as it plays. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Score a video file, a network stream or a camera as it plays, with a run",
            "made by 'gcl train': 16-frame segments as they arrive, the run's extractor,",
            "centring and score; one line per segment (time, score, smoothed score,",
            "state) and alerts with hysteresis, thresholds from the run's training scores.",
            "Every segment is appended to the CSV at once. A live source that drops is",
            "reopened with backoff; no frame for --stall-timeout seconds ends the watch",
            "(exit code 1); Ctrl-C ends it with the summary.",
            "SOURCE: a file; rtsp://HOST/PATH (over TCP); http://, https://, udp://,",
            "tcp://, rtmp://, srt:// URLs; a camera: /dev/video0 or camera:0."})
public final class WatchCommand implements Callable<Integer> {
    @Option(names = "--run", paramLabel = "RUN_DIR", required = true, description = "A run directory made by 'gcl train'.")
    Path run;

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "The dataset directory the run was trained on: its features' kind says which extractor to use, its training split gives the alert thresholds (checked against the run's data fingerprint).")
    Path data;

    @Option(names = "--source", paramLabel = "SOURCE", required = true, description = "File, stream URL or camera (see above).")
    String source;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "CSV of the segment scores, appended to (default: watch-DATE-TIME.csv here).")
    Path out;

    @Option(names = "--fast", description = "Play a file as fast as it decodes (default: at its own frame rate, as a camera would).")
    boolean fast;

    @Option(names = "--reconnect", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Reopen a live source that drops, with backoff (default: on; --no-reconnect ends the watch at the stream's end).")
    boolean reconnect;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long one read of a network stream waits for data before the stream counts as dropped (default: ${DEFAULT-VALUE}).")
    double readTimeout;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "End the watch when no frame came for this long, reconnection attempts included (default: ${DEFAULT-VALUE}).")
    double stallTimeout;

    @Option(names = "--max-seconds", paramLabel = "SECONDS", defaultValue = "0", description = "Stop after this much video (default: no limit).")
    double maxSeconds;

    @Option(names = "--enter", paramLabel = "QUANTILE", defaultValue = "" + AlertRule.DEFAULT_ENTER,
            description = "An alert starts when the smoothed score reaches this quantile of the run's smoothed training scores (default: ${DEFAULT-VALUE}).")
    double enter;

    @Option(names = "--leave", paramLabel = "QUANTILE", defaultValue = "" + AlertRule.DEFAULT_LEAVE,
            description = "It ends when the smoothed score falls below this quantile (default: ${DEFAULT-VALUE}).")
    double leave;

    @Option(names = "--smooth", paramLabel = "SEGMENTS", defaultValue = "" + AlertRule.DEFAULT_WINDOW,
            description = "The smoothed score is the mean of the last this many segment scores (default: ${DEFAULT-VALUE}).")
    int smooth;

    @Option(names = "--warmup", paramLabel = "SEGMENTS",
            description = "No alert in the first this many segments (default: " + AlertRule.CENTRING_WARMUP + " for a run that centres its features, else 0).")
    Integer warmup;

    @Option(names = "--extractor", paramLabel = "FILE", description = "The model file that made the dataset's features (DL4J zip or Keras .h5), for features of a model file.")
    String extractor;

    @Option(names = "--clip", defaultValue = "3x16x112x112:ncdhw", paramLabel = "CxDxHxW[:ncdhw|:ndhwc]",
            description = "With --extractor: the clip shape the model expects (default: ${DEFAULT-VALUE}).")
    String clip;

    @Option(names = "--layer", description = "With --extractor: the layer whose pooled activations are the features.")
    String layer;

    @Option(names = "--mean", split = ",", description = "With --extractor: per-channel mean on the 0-255 scale.")
    double[] mean;

    @Option(names = "--std", split = ",", description = "With --extractor: per-channel divisor on the 0-255 scale.")
    double[] std;

    @Option(names = "--bgr", description = "With --extractor: feed the model BGR instead of RGB.")
    boolean bgr;

    @Option(names = "--quiet", description = "No line per segment: only events (alerts, drops) and the summary.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        StreamSource src = StreamSource.parse(source);
        WatchOptions options = WatchOptions.defaults().withFast(fast).withReconnect(reconnect)
                .withTimeouts(readTimeout, stallTimeout).withMaxSeconds(maxSeconds);
        LiveScorer scorer = scorer();
        Path csv = out != null ? out
                : Path.of("watch-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv");
        for (var row : scorer.describe()) {
            System.out.println("watch: " + row.getString("setting") + ": " + row.getString("value"));
        }
        System.out.println("watch: scores -> " + csv.toAbsolutePath());
        Watch watch = Watch.of(src, scorer).options(options).csv(csv).listener(new WatchListener() {
            @Override
            public void segment(SegmentScore s) {
                if (!quiet) {
                    System.out.println(s.line());
                }
            }

            @Override
            public void event(WatchEvent e) {
                System.out.println(e.line());
            }
        });
        CountDownLatch done = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            watch.stop();
            try {
                done.await(Math.round(readTimeout * 1000) + 5000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gcl-watch-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        WatchResult result;
        try {
            result = watch.run();
            System.out.println(result.summary());
            System.out.flush();
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running
            }
        }
        if (!result.ok()) {
            throw new IllegalStateException(result.message());
        }
        return 0;
    }

    /** The run's model on its dataset, the extractor, and the alert rule the options ask for. */
    private LiveScorer scorer() throws Exception {
        RunDirectory dir = new RunDirectory(run);
        RunDirectory.Manifest manifest = dir.readManifest();
        Dataset ds = DatasetDirectory.load(data);
        if (!manifest.dataFingerprint().isEmpty() && !manifest.dataFingerprint().equals(ds.fingerprint())) {
            throw new IllegalArgumentException(run + " was trained on " + manifest.dataName() + " (data " + manifest.dataFingerprint()
                    + "), but " + data + " is " + ds.info().name() + " (data " + ds.fingerprint() + "): give the dataset it was trained on");
        }
        GclModel model = dir.loadModel();
        FeatureExtractor e = extractor == null ? LiveScorer.extractorFor(ds.info())
                : ExtractorOptions.extractor(extractor, ds.info().featureDim(), clip, layer, mean, std, bgr);
        AlertRule rule = LiveScorer.calibrate(model, ds.train(), smooth, enter, leave);
        return LiveScorer.of(model, ds, e, warmup == null ? rule : rule.withWarmup(warmup));
    }
}
