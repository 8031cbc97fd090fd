package gcl.synth;

import gcl.AtomicFiles;
import gcl.Log;
import gcl.Paths;
import gcl.Profile;
import gcl.Seeds;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.data.DatasetInfo;
import gcl.data.DatasetWriter;
import gcl.data.FeatureSet;
import gcl.data.Fingerprint;
import gcl.data.GroundTruthConvention;
import gcl.data.Video;
import gcl.data.VideoLabel;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The embedded synthetic feature dataset: a seeded <em>teaching proxy</em> for pre-extracted
 * surveillance-video features, on which every notebook runs by default. It is not real video and
 * results on it are not the paper's results.
 *
 * <p>It is built from stated assumptions about real segment features (those GCL itself relies on,
 * sections 3.1–3.4 of the paper), fixed before any method was run on it and never tuned against a
 * method's AUC:
 * <ol>
 *   <li><b>Many scenes.</b> Videos come from {@code scenes} cameras; each scene has its own
 *       static appearance b_s (a per-dimension log-normal scale around a shared per-dimension
 *       profile). Test videos come from the same scenes as training videos.</li>
 *   <li><b>Non-negative, on the scale of pooled ReLU activations.</b> Every value is
 *       max(0, ·); the shared profile has mean 0.45, so values lie mostly in [0, 2] and the
 *       paper's "ones" pseudo target (Eq. 6) is on the data's scale.</li>
 *   <li><b>Normal segments follow a smooth, temporally correlated trajectory per scene:</b>
 *       {@value #LATENTS} latent activity factors per video, each an AR(1) process with
 *       coefficient {@value #LATENT_RHO}, along scene-specific directions of norm
 *       {@value #LATENT_NORM}, plus independent noise of norm {@value #NOISE_NORM}. Consecutive
 *       normal segments then differ by an L2 norm of about 0.6–0.7 in every profile (per-dimension
 *       amplitudes are scaled by 1/√d; measured 0.59 quick, 0.67 full, seed 0), the order of the paper's TD threshold D_th = 0.70
 *       (section 4): the one number taken from the paper, so that its value reads the same here.</li>
 *   <li><b>Anomalies are rare, contiguous and eventful.</b> An event covers one contiguous run of
 *       frames (sometimes two runs, chance {@code secondEventChance}), between
 *       {@code minEventShare} and {@code maxEventShare} of the video; a segment is affected in
 *       proportion to the share of its frames inside the event, times a per-event strength
 *       U(0.6, 1.2). During the event the feature moves by the event type's signature (norm
 *       {@value #EVENT_NORM}, on a quarter of the dimensions) and jitters fast along
 *       {@value #EVENT_JITTER_DIRECTIONS} event-specific directions (AR(1), coefficient
 *       {@value #EVENT_JITTER_RHO}): larger changes between segments than normal motion
 *       (measured: about 2.2 between consecutive anomalous segments).</li>
 *   <li><b>A handful of event types shared across videos</b> ({@code eventTypes}; 13 in the full
 *       profile as UCF-Crime's 13 classes), not a new random direction per video; one type per
 *       video.</li>
 *   <li><b>About half the training videos contain an event</b> (as UCF-Crime's 810 of 1610),
 *       covering a minority of their segments; the training split is unlabelled for GCL (labels
 *       in {@code videos.csv} only, for the OCC/WS variants; training ground truth is written too,
 *       for analysis, flagged {@code trainGroundTruth}); the test split, also about half
 *       anomalous, has frame ground truth. Every video has T·16 frames (published convention).</li>
 * </ol>
 *
 * <p>Deterministic by seed: all draws come from {@link Seeds} streams and plain Java arithmetic
 * ({@link StrictMath}), so the same seed writes byte-identical files on every machine.
 */
public final class SyntheticFeatures {
    /** Changes whenever the generator's output changes; part of the feature kind and cache name. */
    public static final String VERSION = "synthetic-v1";

    static final int LATENTS = 4;
    static final double LATENT_RHO = 0.98;
    static final double LATENT_NORM = 1.5;
    static final double NOISE_NORM = 0.25;
    static final double BASE_MEAN = 0.45;
    static final double EVENT_NORM = 4.0;
    static final double EVENT_DIM_SHARE = 0.25;
    static final int EVENT_JITTER_DIRECTIONS = 4;
    static final double EVENT_JITTER_RHO = 0.3;
    static final int SEGMENT_SIZE = 16;
    static final double FRAME_RATE = 30;

    private SyntheticFeatures() {
    }

    /**
     * The generator's sizes and rates.
     *
     * @param name               dataset name
     * @param dim                feature dimension d
     * @param scenes             number of cameras/scenes
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
    public record Config(String name, int dim, int scenes, int eventTypes, int trainVideos, int testVideos,
                         int minSegments, int maxSegments, double anomalousShare, double minEventShare,
                         double maxEventShare, double secondEventChance) {
        public Config {
            if (dim < 4 || scenes < 1 || eventTypes < 1 || trainVideos < 1 || testVideos < 1
                    || minSegments < 4 || maxSegments < minSegments) {
                throw new IllegalArgumentException("bad synthetic config " + this);
            }
        }

        /**
         * The profile's sizes. Quick: d = 64, 60 + 30 videos of 24–48 segments (about 3,200
         * segments), trains in seconds. Full: d = 2048, 600 + 240 videos of 40–104 segments (about
         * 43,000 training segments, so batch 8192 is a real batch), about 0.5 GB.
         */
        public static Config of(Profile profile) {
            return switch (profile) {
                case QUICK -> new Config("synthetic-quick", 64, 8, 5, 60, 30, 24, 48, 0.5, 0.10, 0.40, 0.25);
                case FULL -> new Config("synthetic-full", 2048, 32, 13, 600, 240, 40, 104, 0.5, 0.10, 0.40, 0.25);
            };
        }
    }

    /** Generates the profile's dataset in memory. */
    public static Dataset generate(Profile profile, long seed) {
        return generate(Config.of(profile), seed);
    }

    /** Generates a dataset in memory (same config and seed, same numbers). */
    public static Dataset generate(Config config, long seed) {
        Seeds seeds = new Seeds(seed).child("synthetic-features");
        World world = new World(config, seeds.random("world"));
        DatasetInfo info = new DatasetInfo(config.name(), SEGMENT_SIZE, VERSION, config.dim(), FRAME_RATE,
                GroundTruthConvention.SEGMENTS, true,
                "Teaching proxy generated by 'gcl synth features' (" + config.name() + ", seed " + seed
                        + "): synthetic features from stated assumptions, not real video; results on it are not the paper's results.");
        FeatureSet train = split(world, seeds.child("train"), "train", config.trainVideos());
        FeatureSet test = split(world, seeds.child("test"), "test", config.testVideos());
        return new Dataset(info, train, test, Fingerprint.of(info, train, test));
    }

    /** Generates the profile's dataset and writes it as a dataset directory. */
    public static Dataset write(Profile profile, long seed, Path dir) throws IOException {
        return write(Config.of(profile), seed, dir);
    }

    /** Generates a dataset and writes it as a dataset directory; returns the dataset. */
    public static Dataset write(Config config, long seed, Path dir) throws IOException {
        Dataset ds = generate(config, seed);
        DatasetWriter.write(dir, ds);
        return ds;
    }

    /**
     * The profile's dataset from the cache, generating it there on first use. Notebooks call this.
     * The cache folder is {@link #cacheDir}; a copy is written to a temporary folder and moved in
     * whole, so an interrupted run or two notebooks at once never leave half a dataset.
     */
    public static Dataset cached(Profile profile, long seed) throws IOException {
        Path dir = cacheDir(profile, seed);
        if (Files.exists(dir.resolve(DatasetDirectory.DATASET_JSON))) {
            return DatasetDirectory.load(dir);
        }
        Files.createDirectories(dir.getParent());
        Log.info("generating " + Config.of(profile).name() + " (seed " + seed + ") into " + dir
                + " (first use; later calls load it)");
        Path tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + "-");
        try {
            write(profile, seed, tmp);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                // another process made it first, or the folder exists without dataset.json
                if (!Files.exists(dir.resolve(DatasetDirectory.DATASET_JSON))) {
                    AtomicFiles.deleteTree(dir);
                    Files.move(tmp, dir);
                }
            }
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
        return DatasetDirectory.load(dir);
    }

    /** Where {@link #cached} keeps a dataset: {@code <datasets>/<VERSION>-<profile>-seed<seed>} in {@link Paths#datasets()}. */
    public static Path cacheDir(Profile profile, long seed) {
        return Paths.datasets().resolve(VERSION + "-" + profile.id() + "-seed" + seed);
    }

    /** The fixed parts: per-dimension profile, scenes, event types. */
    static final class World {
        final Config config;
        final int d;
        final double[][] sceneBase;       // [scenes][d]
        final double[][][] sceneLatents;  // [scenes][LATENTS][d]
        final double[][] eventSignature;  // [types][d]
        final double[][][] eventJitter;   // [types][J][d]

        World(Config config, Random rng) {
            this.config = config;
            this.d = config.dim();
            double[] profile = new double[d];
            for (int k = 0; k < d; k++) {
                // log-normal with mean BASE_MEAN: exp(0.6 g - 0.18) has mean 1
                profile[k] = BASE_MEAN * StrictMath.exp(0.6 * rng.nextGaussian() - 0.18);
            }
            sceneBase = new double[config.scenes()][d];
            sceneLatents = new double[config.scenes()][LATENTS][];
            for (int s = 0; s < config.scenes(); s++) {
                for (int k = 0; k < d; k++) {
                    sceneBase[s][k] = profile[k] * StrictMath.exp(0.5 * rng.nextGaussian() - 0.125);
                }
                for (int i = 0; i < LATENTS; i++) {
                    sceneLatents[s][i] = direction(rng, d, null, LATENT_NORM);
                }
            }
            eventSignature = new double[config.eventTypes()][];
            eventJitter = new double[config.eventTypes()][EVENT_JITTER_DIRECTIONS][];
            int active = Math.max(1, (int) StrictMath.ceil(EVENT_DIM_SHARE * d));
            for (int e = 0; e < config.eventTypes(); e++) {
                boolean[] subset = subset(rng, d, active);
                double[] u = new double[d];
                for (int k = 0; k < d; k++) {
                    if (subset[k]) {
                        u[k] = profile[k] * (0.5 + rng.nextDouble());
                    }
                }
                eventSignature[e] = scale(u, EVENT_NORM);
                for (int j = 0; j < EVENT_JITTER_DIRECTIONS; j++) {
                    eventJitter[e][j] = direction(rng, d, subset, 1.0);
                }
            }
        }

        private static boolean[] subset(Random rng, int d, int size) {
            int[] idx = new int[d];
            for (int k = 0; k < d; k++) {
                idx[k] = k;
            }
            for (int k = d - 1; k > 0; k--) {
                int j = rng.nextInt(k + 1);
                int t = idx[k];
                idx[k] = idx[j];
                idx[j] = t;
            }
            boolean[] in = new boolean[d];
            for (int k = 0; k < size; k++) {
                in[idx[k]] = true;
            }
            return in;
        }

        /** A Gaussian direction (on {@code subset}, or all dimensions) scaled to the given norm. */
        private static double[] direction(Random rng, int d, boolean[] subset, double norm) {
            double[] v = new double[d];
            for (int k = 0; k < d; k++) {
                v[k] = subset == null || subset[k] ? rng.nextGaussian() : 0;
            }
            return scale(v, norm);
        }

        private static double[] scale(double[] v, double norm) {
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
    }

    private static FeatureSet split(World world, Seeds seeds, String prefix, int count) {
        Config c = world.config;
        Random plan = seeds.random("plan");
        int anomalous = (int) StrictMath.round(c.anomalousShare() * count);
        boolean[] hasEvent = new boolean[count];
        Arrays.fill(hasEvent, 0, anomalous, true);
        for (int i = count - 1; i > 0; i--) {
            int j = plan.nextInt(i + 1);
            boolean t = hasEvent[i];
            hasEvent[i] = hasEvent[j];
            hasEvent[j] = t;
        }
        List<Video> videos = new ArrayList<>(count);
        List<INDArray> mats = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "%s-%04d", prefix, i + 1);
            Random rng = seeds.random(id);
            int segments = c.minSegments() + rng.nextInt(c.maxSegments() - c.minSegments() + 1);
            int frames = segments * SEGMENT_SIZE;
            boolean[] gt = new boolean[frames];
            if (hasEvent[i]) {
                placeEvents(gt, rng, c);
            }
            int scene = rng.nextInt(c.scenes());
            int type = rng.nextInt(c.eventTypes());
            float[] f = video(world, rng, scene, type, gt, segments);
            videos.add(new Video(id, 0, segments, frames, hasEvent[i] ? VideoLabel.ANOMALOUS : VideoLabel.NORMAL, gt));
            mats.add(Nd4j.create(f, new long[] {segments, c.dim()}, 'c'));
        }
        return FeatureSet.of(videos, mats);
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

    /** One video's [T, d] features, row-major. */
    private static float[] video(World w, Random rng, int scene, int type, boolean[] gt, int segments) {
        int d = w.d;
        double noise = NOISE_NORM / StrictMath.sqrt(d);
        double strength = 0.6 + 0.6 * rng.nextDouble();
        double[] z = new double[LATENTS];
        for (int i = 0; i < LATENTS; i++) {
            z[i] = rng.nextGaussian();
        }
        double[] jitter = new double[EVENT_JITTER_DIRECTIONS];
        for (int j = 0; j < EVENT_JITTER_DIRECTIONS; j++) {
            jitter[j] = rng.nextGaussian();
        }
        double latentStep = StrictMath.sqrt(1 - LATENT_RHO * LATENT_RHO);
        double jitterStep = StrictMath.sqrt(1 - EVENT_JITTER_RHO * EVENT_JITTER_RHO);
        float[] out = new float[segments * d];
        double[] row = new double[d];
        for (int t = 0; t < segments; t++) {
            if (t > 0) {
                for (int i = 0; i < LATENTS; i++) {
                    z[i] = LATENT_RHO * z[i] + latentStep * rng.nextGaussian();
                }
                for (int j = 0; j < EVENT_JITTER_DIRECTIONS; j++) {
                    jitter[j] = EVENT_JITTER_RHO * jitter[j] + jitterStep * rng.nextGaussian();
                }
            }
            int inside = 0;
            for (int f = t * SEGMENT_SIZE; f < (t + 1) * SEGMENT_SIZE; f++) {
                if (gt[f]) {
                    inside++;
                }
            }
            double event = strength * inside / SEGMENT_SIZE;
            System.arraycopy(w.sceneBase[scene], 0, row, 0, d);
            for (int i = 0; i < LATENTS; i++) {
                double[] a = w.sceneLatents[scene][i];
                for (int k = 0; k < d; k++) {
                    row[k] += z[i] * a[k];
                }
            }
            if (event > 0) {
                double[] u = w.eventSignature[type];
                for (int k = 0; k < d; k++) {
                    row[k] += event * u[k];
                }
                for (int j = 0; j < EVENT_JITTER_DIRECTIONS; j++) {
                    double[] v = w.eventJitter[type][j];
                    double a = event * jitter[j];
                    for (int k = 0; k < d; k++) {
                        row[k] += a * v[k];
                    }
                }
            }
            int base = t * d;
            for (int k = 0; k < d; k++) {
                out[base + k] = (float) Math.max(0, row[k] + noise * rng.nextGaussian());
            }
        }
        return out;
    }
}
