package gcl.live;

import gcl.Seeds;
import gcl.cli.Main;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.features.BatchExtraction;
import gcl.features.DefaultExtractor;
import gcl.synth.SyntheticVideos;
import gcl.train.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the live tests share, made once per test JVM in a temporary folder: six rendered clips
 * (80×60, 25 fps, 3–4 segments), their dataset (default extractor, d = 64) and three small GCL_B
 * runs on it, trained by {@code gcl train} without centring, with streaming and with median centring.
 */
public final class LiveFixture {
    private static LiveFixture shared;

    public final Path dir;
    public final Path videos;
    public final Path dataset;
    public final Path runNone;
    public final Path runStreaming;
    public final Path runMedian;

    private LiveFixture(Path dir) throws IOException {
        this.dir = dir;
        videos = dir.resolve("videos");
        dataset = dir.resolve("dataset");
        SyntheticVideos.render(videos, new Seeds(4), new SyntheticVideos.Config(6, 80, 60, 25, 3, 4, 2, 0.34, 0.5, 2), null);
        BatchExtraction.run(videos, dataset, new DefaultExtractor(64),
                BatchExtraction.Options.defaults().withThreads(2).withProgress(null));
        runNone = train("none");
        runStreaming = train("streaming");
        runMedian = train("median");
    }

    /** The fixture, made on first use. */
    public static synchronized LiveFixture get() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("gcl-live-test");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        gcl.AtomicFiles.deleteTree(dir);
                    } catch (IOException e) {
                        // a temporary folder left behind
                    }
                }));
                shared = new LiveFixture(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private Path train(String centring) {
        Path run = dir.resolve("run-" + centring);
        int rc = Main.run("train", "--data", dataset.toString(), "--out", run.toString(), "--variant", "gcl-b", "--profile",
                "quick", "--epochs", "2", "--batch", "64", "--set", "generatorHidden=[16,8,16]", "--set",
                "discriminatorHidden=[8]", "--set", "videoCentring=" + centring, "--quiet");
        if (rc != 0) {
            throw new IllegalStateException("gcl train failed for centring " + centring);
        }
        return run;
    }

    public Dataset data() {
        try {
            return DatasetDirectory.load(dataset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run's scorer with the default alert rule. */
    public LiveScorer scorer(Path run) {
        try {
            return LiveScorer.of(new RunDirectory(run).loadModel(), data());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The clip of a test video. */
    public Path testClip(int i) {
        return videos.resolve(data().test().videos().get(i).id() + ".avi");
    }

    /** The clip of a training video. */
    public Path trainClip(int i) {
        return videos.resolve(data().train().videos().get(i).id() + ".avi");
    }

    /** Collects what a watch reports. */
    static final class Recorder implements WatchListener {
        final List<SegmentScore> segments = new ArrayList<>();
        final List<WatchEvent> events = new ArrayList<>();

        @Override
        public synchronized void segment(SegmentScore s) {
            segments.add(s);
        }

        @Override
        public synchronized void event(WatchEvent e) {
            events.add(e);
        }

        synchronized int count() {
            return segments.size();
        }

        float[] scores() {
            float[] s = new float[segments.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = segments.get(i).score();
            }
            return s;
        }
    }
}
