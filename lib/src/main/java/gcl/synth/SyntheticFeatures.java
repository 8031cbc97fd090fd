package gcl.synth;

import gcl.Folders;
import gcl.Profile;
import gcl.Seeds;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.data.DatasetInfo;
import gcl.data.DatasetWriter;
import gcl.data.FeatureSet;
import gcl.data.Fingerprint;
import gcl.data.GroundTruthConvention;
import gcl.data.Split;
import gcl.data.Video;
import gcl.data.VideoLabel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiConsumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The embedded synthetic feature dataset: a seeded <em>teaching proxy</em> for pre-extracted
 * surveillance-video features (a pooled ResNeXt/I3D-like vector per 16-frame segment), on which
 * every notebook runs by default. It is not real video and results on it are not the paper's.
 *
 * <p>It is built from stated properties of real segment features, fixed before any method was run
 * on it (the manifests {@code data-manifests/synthetic-*.json} list them with what each implies).
 * Each segment's feature is f = max(0, h) of a pre-activation
 * <pre>
 *   h(t) = b_v  +  Σ_i z_i(t) a_i  +  m(t) (s_e + Σ_j y_j(t) u_{e,j})  +  B(t) w  +  ε(t)
 *          scene    normal activity     the event (anomalies only)        a normal burst  noise
 * </pre>
 * <ol>
 *   <li><b>The scene dominates, and every video is its own camera</b> (as in UCF-Crime, where test
 *       videos come from cameras never seen in training): b_v = shared per-dimension profile (mean
 *       {@value #BASE_MEAN}, log-normal) + the offset of one of {@code sceneTypes} scene types
 *       (norm {@value #SCENE_TYPE_NORM}) + the camera's own offset (norm {@value #CAMERA_NORM} times a
 *       log-normal factor: some cameras are far more unusual than others).
 *       Most of the variance of the features lies between videos, not within them.</li>
 *   <li><b>Normal activity is low-dimensional and smooth</b>: {@value #ACTIVITIES} activity factors
 *       shared by all scenes (people, vehicles: norm {@value #ACTIVITY_NORM} each) and
 *       {@value #CAMERA_ACTIVITIES} of the camera's own (norm {@value #CAMERA_ACTIVITY_NORM}), each
 *       an AR(1) process with coefficient {@value #ACTIVITY_RHO}, plus independent noise of norm
 *       {@value #NOISE_NORM}: consecutive normal segments differ by about the paper's D_th = 0.70.</li>
 *   <li><b>Anomalies recur as a handful of event types</b> ({@code eventTypes}; 13 in the full
 *       profile, as UCF-Crime's 13 classes) and are common enough in the unlabelled training data
 *       (about half the videos, about 12 % of the segments) that an autoencoder trained on all of it
 *       learns to reconstruct them in part: the paper's premise for AE_AllData's 56 %.</li>
 *   <li><b>An event is not simply the largest feature</b>: its signature s_e has mixed signs (some
 *       activations rise, others are suppressed), half of its energy lies in the directions normal
 *       activity also uses, and its norm ({@value #EVENT_NORM}, times a per-event strength
 *       U(0.6, 1.2)) is of the order of the scene offsets, so neither the norm of a feature nor its
 *       distance to the data's mean separates the anomalies well.</li>
 *   <li><b>Anomalies are contiguous and mostly eventful</b>: one run of frames (sometimes two,
 *       chance {@code secondEventChance}) covering {@code minEventShare}–{@code maxEventShare} of
 *       the video; a segment is affected in proportion to its frames inside the event. Two thirds of
 *       the event types move fast ({@value #EVENT_JITTER_DIRECTIONS} event directions of norm
 *       {@value #EVENT_JITTER_NORM}, AR(1) coefficient {@value #FAST_JITTER_RHO}: large temporal
 *       differences); the others are slow (coefficient {@value #SLOW_JITTER_RHO}), so temporal
 *       differences cannot find every anomaly.</li>
 *   <li><b>Normal videos have eventful moments too</b>: with chance {@value #BURST_CHANCE} a video
 *       (normal or not) has one burst of 1–3 segments along the shared activity directions (a crowd,
 *       a bus; norm {@value #BURST_NORM}), normal but as eventful as an anomaly.</li>
 *   <li>About half the videos of each split contain an event; the training split is unlabelled for
 *       GCL (labels in {@code videos.csv}, read only by the OCC/WS variants; training ground truth is
 *       written for analysis, flagged {@code trainGroundTruth}); the test split has frame ground
 *       truth. Every video has T·16 frames.</li>
 * </ol>
 *
 * <p>{@link PremiseKnobs} move one of these assumptions at a time (the premise map). Deterministic
 * by seed: all draws come from {@link Seeds} streams and plain Java arithmetic ({@link StrictMath}),
 * so the same seed writes byte-identical files on every machine.
 */
public final class SyntheticFeatures {
    /** Changes whenever the generator's output changes; part of the feature kind and cache name. */
    public static final String VERSION = "synthetic-v2";

    static final double BASE_MEAN = 0.45;
    static final double SCENE_TYPE_NORM = 3.0;
    static final double CAMERA_NORM = 2.0;
    static final int ACTIVITIES = 4;
    static final double ACTIVITY_NORM = 1.2;
    static final int CAMERA_ACTIVITIES = 3;
    static final double CAMERA_ACTIVITY_NORM = 1.5;
    static final double ACTIVITY_RHO = 0.98;
    static final double NOISE_NORM = 0.25;
    static final double EVENT_NORM = 2.5;
    static final double EVENT_SHARED_ENERGY = 0.3;
    static final int EVENT_JITTER_DIRECTIONS = 2;
    static final double EVENT_JITTER_NORM = 0.8;
    static final double FAST_JITTER_RHO = 0.3;
    static final double SLOW_JITTER_RHO = 0.95;
    static final double GAIN_SIGMA = 0.25;
    static final double BURST_CHANCE = 0.25;
    static final double BURST_NORM = 2.5;
    static final int SEGMENT_SIZE = 16;
    static final double FRAME_RATE = 30;

    private SyntheticFeatures() {
    }

    /**
     * The generator's sizes and rates.
     *
     * @param name               dataset name
     * @param dim                feature dimension d
     * @param sceneTypes         number of scene types (each video is its own camera of one type)
     * @param eventTypes         number of shared event types
     * @param trainVideos        training videos
     * @param testVideos         test videos
     * @param minSegments        shortest video, segments
     * @param maxSegments        longest video, segments
     * @param anomalousShare     share of videos (each split) that contain an event
     * @param minEventShare      shortest event, as a share of its video's frames
     * @param maxEventShare      longest event (all runs together), as a share of its video's frames
     * @param secondEventChance  chance that an anomalous video's event comes in two runs
     */
    public record Config(String name, int dim, int sceneTypes, int eventTypes, int trainVideos, int testVideos,
                         int minSegments, int maxSegments, double anomalousShare, double minEventShare,
                         double maxEventShare, double secondEventChance) {
        public Config {
            if (dim < 4 || sceneTypes < 1 || eventTypes < 1 || trainVideos < 1 || testVideos < 1
                    || minSegments < 4 || maxSegments < minSegments) {
                throw new IllegalArgumentException("bad synthetic config " + this);
            }
        }

        /**
         * The profile's sizes. Quick: d = 64, 60 + 30 videos of 24–48 segments (about 3,300
         * segments), trains in seconds. Full: d = 2048, 600 + 240 videos of 40–104 segments (about
         * 43,000 training segments, so batch 8192 is a real batch), about 0.5 GB.
         */
        public static Config of(Profile profile) {
            return switch (profile) {
                case QUICK -> new Config("synthetic-quick", 64, 6, 5, 60, 30, 24, 48, 0.5, 0.10, 0.40, 0.25);
                case FULL -> new Config("synthetic-full", 2048, 12, 13, 600, 240, 40, 104, 0.5, 0.10, 0.40, 0.25);
            };
        }

        /**
         * UCF-Crime's size at the profile's d: 1,610 training and 290 test videos of 60–850
         * segments (about 730,000 training segments, 5.6 GB at d = 2048), for memory and speed
         * measurements at the scale of the paper's main dataset.
         */
        public static Config ucfCrimeSized(Profile profile) {
            Config c = of(profile);
            return new Config(c.name().replace("synthetic", "synthetic-ucfsize"), c.dim(), c.sceneTypes(),
                    c.eventTypes(), 1610, 290, 60, 850, c.anomalousShare(), c.minEventShare(), c.maxEventShare(),
                    c.secondEventChance());
        }
    }

    /** Generates the profile's dataset in memory. */
    public static Dataset generate(Profile profile, long seed) {
        return generate(Config.of(profile), seed);
    }

    /** Generates a dataset in memory (same config and seed, same numbers). */
    public static Dataset generate(Config config, long seed) {
        return generate(config, PremiseKnobs.of(config), seed);
    }

    /** Generates a dataset in memory with one or more {@link PremiseKnobs} moved from the config's values. */
    public static Dataset generate(Config config, PremiseKnobs knobs, long seed) {
        Seeds seeds = new Seeds(seed).child("synthetic-features");
        World world = new World(config, knobs, seeds.random("world"));
        DatasetInfo info = info(config, knobs, seed);
        FeatureSet[] sets = new FeatureSet[2];
        for (Split split : Split.values()) {
            List<Video> videos = new ArrayList<>();
            List<INDArray> mats = new ArrayList<>();
            split(world, seeds.child(split.id()), split, (v, f) -> {
                videos.add(v);
                mats.add(f);
            });
            sets[split.ordinal()] = FeatureSet.of(videos, mats);
        }
        FeatureSet train = sets[Split.TRAIN.ordinal()];
        FeatureSet test = sets[Split.TEST.ordinal()];
        return new Dataset(info, train, test, Fingerprint.of(info, train, test));
    }

    private static DatasetInfo info(Config config, PremiseKnobs knobs, long seed) {
        String knobsText = knobs.equals(PremiseKnobs.of(config)) ? "" : ", " + knobs;
        return new DatasetInfo(config.name() + knobs.suffix(config), SEGMENT_SIZE, VERSION, config.dim(), FRAME_RATE,
                GroundTruthConvention.SEGMENTS, true,
                "Teaching proxy generated by 'gcl synth features' (" + config.name() + ", seed " + seed + knobsText
                        + "): synthetic features from stated assumptions, not real video; results on it are not the paper's results.");
    }

    /** Generates the profile's dataset, writes it as a dataset directory and returns it (read back). */
    public static Dataset write(Profile profile, long seed, Path dir) throws IOException {
        write(Config.of(profile), seed, dir);
        return DatasetDirectory.load(dir);
    }

    /**
     * Generates a dataset straight into a dataset directory, one video at a time (so that a
     * UCF-Crime-sized set never has to fit in memory). The files equal those of
     * {@code DatasetWriter.write(dir, generate(config, seed))}.
     */
    public static void write(Config config, long seed, Path dir) throws IOException {
        write(config, PremiseKnobs.of(config), seed, dir);
    }

    /** As {@link #write(Config, long, Path)}, with {@link PremiseKnobs}. */
    public static void write(Config config, PremiseKnobs knobs, long seed, Path dir) throws IOException {
        Seeds seeds = new Seeds(seed).child("synthetic-features");
        World world = new World(config, knobs, seeds.random("world"));
        DatasetWriter w = DatasetWriter.open(dir, info(config, knobs, seed));
        for (Split split : Split.values()) {
            split(world, seeds.child(split.id()), split, (v, f) -> {
                try {
                    w.writeVideo(v.id(), split, f, v.frames(), v.label(), v.groundTruth());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        w.finish();
    }

    /**
     * The profile's dataset from the cache, generating it there on first use ({@link SyntheticCache}:
     * written whole to a temporary folder and moved into place). Notebooks call this.
     */
    public static Dataset cached(Profile profile, long seed) throws IOException {
        return SyntheticCache.cached(profile, PremiseKnobs.of(Config.of(profile)), seed);
    }

    /** Where {@link #cached} keeps a dataset: {@code <datasets>/<VERSION>-<profile>-seed<seed>} in {@link Folders#datasets()}. */
    public static Path cacheDir(Profile profile, long seed) {
        return Folders.datasets().resolve(VERSION + "-" + profile.id() + "-seed" + seed);
    }

    /** The fixed parts: per-dimension profile, scene types, shared activity, event types. */
    static final class World {
        final Config config;
        final PremiseKnobs knobs;
        final int d;
        final double[] profile;            // [d]
        final double[][] sceneType;        // [types][d] offsets
        final double[][] activity;         // [ACTIVITIES][d]
        final double[][] eventSignature;   // [types][d]
        final double[][][] eventJitter;    // [types][J][d]
        final boolean[] fastEvent;         // [types]

        World(Config config, PremiseKnobs knobs, Random rng) {
            this.config = config;
            this.knobs = knobs;
            this.d = config.dim();
            profile = new double[d];
            for (int k = 0; k < d; k++) {
                // log-normal with mean BASE_MEAN: exp(0.6 g - 0.18) has mean 1
                profile[k] = BASE_MEAN * StrictMath.exp(0.6 * rng.nextGaussian() - 0.18);
            }
            sceneType = new double[config.sceneTypes()][];
            for (int s = 0; s < config.sceneTypes(); s++) {
                sceneType[s] = direction(rng, d, SCENE_TYPE_NORM * knobs.sceneScale());
            }
            activity = new double[ACTIVITIES][];
            for (int i = 0; i < ACTIVITIES; i++) {
                activity[i] = direction(rng, d, ACTIVITY_NORM);
            }
            eventSignature = new double[config.eventTypes()][];
            eventJitter = new double[config.eventTypes()][EVENT_JITTER_DIRECTIONS][];
            fastEvent = new boolean[config.eventTypes()];
            for (int e = 0; e < config.eventTypes(); e++) {
                // half of the signature's energy in the span of normal activity, half its own
                double[] shared = new double[d];
                for (double[] a : activity) {
                    add(shared, rng.nextGaussian(), a);
                }
                double[] own = direction(rng, d, 1.0);
                double[] u = scale(shared, StrictMath.sqrt(EVENT_SHARED_ENERGY));
                add(u, StrictMath.sqrt(1 - EVENT_SHARED_ENERGY), own);
                eventSignature[e] = scale(u, EVENT_NORM);
                for (int j = 0; j < EVENT_JITTER_DIRECTIONS; j++) {
                    eventJitter[e][j] = direction(rng, d, EVENT_JITTER_NORM);
                }
                fastEvent[e] = e % 3 != 2; // two types in three are fast
            }
        }

        /** A Gaussian direction scaled to the given norm. */
        static double[] direction(Random rng, int d, double norm) {
            double[] v = new double[d];
            for (int k = 0; k < d; k++) {
                v[k] = rng.nextGaussian();
            }
            return scale(v, norm);
        }

        static double[] scale(double[] v, double norm) {
            double ss = 0;
            for (double x : v) {
                ss += x * x;
            }
            double f = ss == 0 ? 0 : norm / StrictMath.sqrt(ss);
            for (int k = 0; k < v.length; k++) {
                v[k] *= f;
            }
            return v;
        }

        static void add(double[] to, double a, double[] v) {
            for (int k = 0; k < to.length; k++) {
                to[k] += a * v[k];
            }
        }
    }

    /** Generates the videos of one split in order and hands each to {@code out} with its [T, d] features. */
    private static void split(World world, Seeds seeds, Split split, BiConsumer<Video, INDArray> out) {
        Config c = world.config;
        int count = split == Split.TRAIN ? world.knobs.trainVideos() : c.testVideos();
        Random plan = seeds.random("plan");
        double share = split == Split.TRAIN ? world.knobs.trainAnomalousShare() : c.anomalousShare();
        int anomalous = (int) StrictMath.round(share * count);
        boolean[] hasEvent = new boolean[count];
        Arrays.fill(hasEvent, 0, anomalous, true);
        for (int i = count - 1; i > 0; i--) {
            int j = plan.nextInt(i + 1);
            boolean t = hasEvent[i];
            hasEvent[i] = hasEvent[j];
            hasEvent[j] = t;
        }
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "%s-%04d", split.id(), i + 1);
            Random rng = seeds.random(id);
            int segments = c.minSegments() + rng.nextInt(c.maxSegments() - c.minSegments() + 1);
            int frames = segments * SEGMENT_SIZE;
            boolean[] gt = new boolean[frames];
            if (hasEvent[i]) {
                placeEvents(gt, rng, c);
            }
            float[] f = video(world, rng, gt, segments);
            out.accept(new Video(id, 0, segments, frames, hasEvent[i] ? VideoLabel.ANOMALOUS : VideoLabel.NORMAL, gt),
                    Nd4j.create(f, new long[] {segments, c.dim()}, 'c'));
        }
    }

    /** Marks one contiguous run of frames, or two (one in each half of the video). */
    private static void placeEvents(boolean[] gt, Random rng, Config c) {
        int frames = gt.length;
        double share = c.minEventShare() + rng.nextDouble() * (c.maxEventShare() - c.minEventShare());
        int length = Math.max(2 * SEGMENT_SIZE, (int) StrictMath.round(share * frames));
        if (rng.nextDouble() < c.secondEventChance() && length >= 4 * SEGMENT_SIZE) {
            int half = frames / 2;
            int first = length / 2;
            int second = length - first;
            int s1 = rng.nextInt(Math.max(1, half - first + 1));
            int s2 = half + rng.nextInt(Math.max(1, frames - half - second + 1));
            Arrays.fill(gt, s1, Math.min(half, s1 + first), true);
            Arrays.fill(gt, s2, Math.min(frames, s2 + second), true);
        } else {
            int start = rng.nextInt(Math.max(1, frames - length + 1));
            Arrays.fill(gt, start, Math.min(frames, start + length), true);
        }
    }

    /** One video's [T, d] features, row-major: its own camera, activity, event and burst. */
    private static float[] video(World w, Random rng, boolean[] gt, int segments) {
        int d = w.d;
        // the camera: profile + scene type + its own offset, and its own activity directions
        double[] base = w.profile.clone();
        World.add(base, 1, w.sceneType[rng.nextInt(w.sceneType.length)]);
        // some cameras are far more unusual than others: a log-normal size around CAMERA_NORM
        World.add(base, 1, World.direction(rng, d, CAMERA_NORM * StrictMath.exp(0.5 * rng.nextGaussian() - 0.125) * w.knobs.sceneScale()));
        double[][] directions = new double[ACTIVITIES + CAMERA_ACTIVITIES][];
        System.arraycopy(w.activity, 0, directions, 0, ACTIVITIES);
        for (int i = 0; i < CAMERA_ACTIVITIES; i++) {
            directions[ACTIVITIES + i] = World.direction(rng, d, CAMERA_ACTIVITY_NORM);
        }
        // the camera's overall gain (exposure, contrast, resolution) scales its whole feature
        double gain = StrictMath.exp(GAIN_SIGMA * rng.nextGaussian() - GAIN_SIGMA * GAIN_SIGMA / 2);
        int type = rng.nextInt(w.eventSignature.length);
        double strength = (0.6 + 0.6 * rng.nextDouble()) * w.knobs.eventStrength();
        double jitterRho = w.fastEvent[type] ? FAST_JITTER_RHO : SLOW_JITTER_RHO;
        // a normal burst: 1-3 segments along a random mix of the shared activity directions
        int burstStart = -1;
        int burstLength = 0;
        double[] burst = null;
        if (rng.nextDouble() < BURST_CHANCE) {
            burstLength = 1 + rng.nextInt(3);
            burstStart = rng.nextInt(Math.max(1, segments - burstLength + 1));
            burst = new double[d];
            for (double[] a : w.activity) {
                World.add(burst, rng.nextGaussian(), a);
            }
            World.scale(burst, BURST_NORM);
        }
        double noise = NOISE_NORM / StrictMath.sqrt(d);
        double[] z = new double[directions.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextGaussian();
        }
        double[] y = new double[EVENT_JITTER_DIRECTIONS];
        for (int j = 0; j < y.length; j++) {
            y[j] = rng.nextGaussian();
        }
        double zStep = StrictMath.sqrt(1 - ACTIVITY_RHO * ACTIVITY_RHO);
        double yStep = StrictMath.sqrt(1 - jitterRho * jitterRho);
        float[] out = new float[segments * d];
        double[] row = new double[d];
        for (int t = 0; t < segments; t++) {
            if (t > 0) {
                for (int i = 0; i < z.length; i++) {
                    z[i] = ACTIVITY_RHO * z[i] + zStep * rng.nextGaussian();
                }
                for (int j = 0; j < y.length; j++) {
                    y[j] = jitterRho * y[j] + yStep * rng.nextGaussian();
                }
            }
            int inside = 0;
            for (int f = t * SEGMENT_SIZE; f < (t + 1) * SEGMENT_SIZE; f++) {
                if (gt[f]) {
                    inside++;
                }
            }
            double event = strength * inside / SEGMENT_SIZE;
            System.arraycopy(base, 0, row, 0, d);
            for (int i = 0; i < z.length; i++) {
                World.add(row, z[i], directions[i]);
            }
            if (event > 0) {
                World.add(row, event, w.eventSignature[type]);
                for (int j = 0; j < y.length; j++) {
                    World.add(row, event * y[j], w.eventJitter[type][j]);
                }
            }
            if (burst != null && t >= burstStart && t < burstStart + burstLength) {
                World.add(row, 1, burst);
            }
            int at = t * d;
            for (int k = 0; k < d; k++) {
                out[at + k] = (float) Math.max(0, gain * row[k] + noise * rng.nextGaussian());
            }
        }
        return out;
    }
}
