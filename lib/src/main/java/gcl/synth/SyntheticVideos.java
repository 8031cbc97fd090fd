package gcl.synth;

import gcl.Log;
import gcl.Progress;
import gcl.Seeds;
import gcl.data.Annotations;
import gcl.data.GroundTruth;
import gcl.data.Split;
import gcl.data.VideoFolder;
import gcl.data.VideoLabel;
import gcl.video.VideoWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The embedded synthetic surveillance video set: short rendered clips from a few fixed cameras
 * (static backgrounds, people walking along footpaths, the occasional car) in which rare
 * anomalous events happen ({@link AnomalyType}: running, a fall, a fight-like tangle, a car on a
 * footpath, a flash and fire). Real video files (MPEG-4 in {@code .avi}, encoded by FFmpeg),
 * with frame-level ground truth and video labels beside them ({@link VideoFolder}), ready
 * for {@code gcl extract}.
 *
 * <p>Like UCF-Crime's training split, about half the training videos contain an event, covering a
 * minority of their frames; the training split is meant to be used unlabelled (the labels are
 * stored in {@code videos.csv} for the OCC and WS variants only). Test videos are half normal,
 * half anomalous. Each camera appears in both splits. Clip lengths are multiples of 16 frames.
 *
 * <p>Deterministic: the same seed and settings give the same frames (each video draws from its
 * own {@link Seeds} stream, so the thread count does not matter). A teaching proxy: results on it
 * are not the paper's results.
 *
 * <p><b>End to end</b> (the commands behind {@code notebooks/results/table2-synthetic-videos-*.csv},
 * Table 2 of both presets on 120 rendered clips; see {@code notebooks/results/README.md}):
 * <pre>
 * gcl synth videos --out V --seed 1 --count 120
 * gcl extract --videos V --out D
 * gcl data check --manifest synthetic-videos --dir D
 * gcl ablate --data D --seeds 1-5 --preset robust --out t2.csv
 * </pre>
 */
public final class SyntheticVideos {
    /**
     * Settings of the set.
     *
     * @param count          number of videos
     * @param width          frame width (even)
     * @param height         frame height (even)
     * @param fps            frames per second
     * @param minSegments    shortest clip, in 16-frame segments
     * @param maxSegments    longest clip, in 16-frame segments
     * @param cameras        number of scenes (fixed cameras)
     * @param testShare      share of videos in the test split
     * @param anomalousShare share of videos, in each split, with an event
     * @param threads        videos rendered in parallel
     */
    public record Config(int count, int width, int height, double fps, int minSegments, int maxSegments, int cameras,
                         double testShare, double anomalousShare, int threads) {
        public Config {
            if (count < 2) {
                throw new IllegalArgumentException("need at least 2 videos (one train, one test), got " + count);
            }
            if (minSegments < 1 || maxSegments < minSegments) {
                throw new IllegalArgumentException("bad clip length range " + minSegments + ".." + maxSegments + " segments");
            }
            if (width < MIN_SIDE || height < MIN_SIDE || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("frame size must be even (MPEG-4) and at least " + MIN_SIDE + "x" + MIN_SIDE
                        + " pixels, got " + width + "x" + height);
            }
            if (!(fps > 0) || !Double.isFinite(fps)) {
                throw new IllegalArgumentException("frames per second must be above 0, got " + fps);
            }
            if (cameras < 1 || threads < 1) {
                throw new IllegalArgumentException("cameras and threads must be at least 1");
            }
        }

        /** 40 videos of 160×120 at 25 fps, 16–24 segments (10–15 s) each, 4 cameras, 40 % test, half with an event. */
        public static Config defaults() {
            return new Config(DEFAULT_COUNT, 160, 120, 25, 16, 24, 4, 0.4, 0.5, Runtime.getRuntime().availableProcessors());
        }

        public Config withCount(int n) {
            return new Config(n, width, height, fps, minSegments, maxSegments, cameras, testShare, anomalousShare, threads);
        }

        public Config withLength(int minSeg, int maxSeg) {
            return new Config(count, width, height, fps, minSeg, maxSeg, cameras, testShare, anomalousShare, threads);
        }

        public Config withThreads(int n) {
            return new Config(count, width, height, fps, minSegments, maxSegments, cameras, testShare, anomalousShare, n);
        }
    }

    /** The smallest frame side rendered: room for a scene's people and cars. */
    public static final int MIN_SIDE = 32;

    /** Default number of videos: renders in well under a minute on two cores. */
    public static final int DEFAULT_COUNT = 40;

    /** Segment size the clip lengths are multiples of. */
    public static final int SEGMENT = 16;

    /**
     * One rendered video.
     *
     * @param id      file name without extension
     * @param file    the video file
     * @param split   train or test
     * @param camera  the scene index
     * @param frames  its length
     * @param anomaly its event, or null
     * @param start   first anomalous frame (0 when normal)
     * @param end     after the last anomalous frame (0 when normal)
     */
    public record Rendered(String id, Path file, String split, int camera, int frames, AnomalyType anomaly, int start, int end) {
    }

    /** What was written. */
    public record Summary(Path dir, List<Rendered> videos, double seconds) {
        public long anomalous() {
            return videos.stream().filter(v -> v.anomaly() != null).count();
        }

        public long frames() {
            return videos.stream().mapToLong(Rendered::frames).sum();
        }

        @Override
        public String toString() {
            long test = videos.stream().filter(v -> v.split().equals("test")).count();
            return String.format(Locale.ROOT, "%d videos (%d train, %d test, %d with an event), %d frames in %.1fs -> %s",
                    videos.size(), videos.size() - test, test, anomalous(), frames(), seconds, dir);
        }
    }

    private SyntheticVideos() {
    }

    /** Renders the default set (progress through the library's {@link Log}). */
    public static Summary render(Path dir, long seed) throws IOException {
        return render(dir, new Seeds(seed), Config.defaults(), Log.stream());
    }

    /** Renders {@code count} videos with the default settings. */
    public static Summary render(Path dir, long seed, int count) throws IOException {
        return render(dir, new Seeds(seed), Config.defaults().withCount(count), Log.stream());
    }

    /**
     * Renders a set into a new or empty folder: the videos, {@code videos.csv}, {@code ground_truth.csv},
     * {@code splits/} and {@code videos.json}.
     *
     * @param progress where progress lines go (null: nowhere)
     */
    public static Summary render(Path dir, Seeds seeds, Config config, PrintStream progress) throws IOException {
        long t0 = System.nanoTime();
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(dir + " is not empty: rendering writes its videos, videos.csv, ground_truth.csv, splits/"
                            + " and videos.json there, over what is there; give a new or empty folder");
                }
            }
        }
        Files.createDirectories(dir);
        List<Plan> plans = plan(seeds, config);
        PrintStream out = progress != null ? progress : new PrintStream(PrintStream.nullOutputStream());
        Progress bar = new Progress("synth videos", "videos", plans.size(), out, Duration.ofSeconds(2));
        List<Scene> scenes = new ArrayList<>();
        for (int c = 0; c < config.cameras(); c++) {
            scenes.add(Scene.random(seeds.random("camera-" + c), config.width(), config.height()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(config.threads());
        List<Rendered> rendered = new ArrayList<>();
        try {
            List<Future<Rendered>> futures = new ArrayList<>();
            for (Plan p : plans) {
                futures.add(pool.submit(() -> {
                    Rendered r = renderOne(dir, p, scenes.get(p.camera), seeds, config);
                    bar.step();
                    return r;
                }));
            }
            for (Future<Rendered> f : futures) {
                rendered.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("rendering interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("rendering failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Annotations.Builder annotations = new Annotations.Builder();
        for (Rendered r : rendered) {
            annotations.add(r.id(), Split.parse(r.split()), r.frames(), r.anomaly() == null ? VideoLabel.NORMAL : VideoLabel.ANOMALOUS,
                    r.anomaly() == null ? List.of() : List.of(new GroundTruth.Interval(r.start(), r.end())));
        }
        new VideoFolder("synthetic-videos", true,
                "Rendered surveillance clips (" + config.cameras() + " fixed cameras, " + config.width() + "x" + config.height()
                        + " at " + config.fps() + " fps) with rare events: running, falls, fights, cars on footpaths, fire."
                        + " A teaching proxy made by gcl synth videos (seed " + seeds.master() + "): results on it are not the paper's.",
                config.fps(), annotations.build())
                .write(dir);
        return new Summary(dir, List.copyOf(rendered), (System.nanoTime() - t0) / 1e9);
    }

    private record Plan(String id, String split, int camera, int segments, AnomalyType anomaly, int index) {
    }

    /** Which video is where, how long, and with which event: drawn before any rendering. */
    private static List<Plan> plan(Seeds seeds, Config config) {
        Random rng = seeds.random("synthetic-videos.plan");
        int test = Math.max(1, Math.min(config.count() - 1, (int) Math.round(config.count() * config.testShare())));
        List<Plan> plans = new ArrayList<>();
        AnomalyType[] types = AnomalyType.values();
        int typeIndex = rng.nextInt(types.length);
        for (String split : List.of("train", "test")) {
            int n = split.equals("test") ? test : config.count() - test;
            int anomalous = (int) Math.round(n * config.anomalousShare());
            List<Boolean> events = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                events.add(i < anomalous);
            }
            Collections.shuffle(events, rng);
            for (int i = 0; i < n; i++) {
                int index = plans.size();
                int camera = index % config.cameras();
                int segments = config.minSegments() + rng.nextInt(config.maxSegments() - config.minSegments() + 1);
                AnomalyType type = events.get(i) ? types[typeIndex++ % types.length] : null;
                String id = String.format(Locale.ROOT, "cam%d_%04d", camera, index);
                plans.add(new Plan(id, split, camera, segments, type, index));
            }
        }
        return plans;
    }

    private static Rendered renderOne(Path dir, Plan p, Scene scene, Seeds seeds, Config config) throws IOException {
        int frames = p.segments * SEGMENT;
        ScenePlanner.Clip clip = ScenePlanner.plan(scene, seeds.random("video-" + p.index), frames, p.anomaly);
        Path file = dir.resolve(p.id + ".avi");
        try (VideoWriter writer = VideoWriter.open(file, config.width(), config.height(), config.fps())) {
            SceneRenderer.render(clip, writer::write);
        }
        return new Rendered(p.id, file, p.split, p.camera, frames, p.anomaly, clip.start(), clip.end());
    }
}
