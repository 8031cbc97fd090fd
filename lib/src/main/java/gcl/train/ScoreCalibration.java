package gcl.train;

import gcl.data.FeatureSet;
import gcl.data.Npy;
import gcl.data.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The reference distributions that put G's errors and D's probabilities on one scale, for the
 * {@link ScoreSource#EITHER} score (not in the paper). A score s of network X becomes its
 * <em>calibrated rank</em> u_X(s): the share of reference segments that X scores below s (ties
 * count one half), in [0, 1]. The reference segments are training segments neither network was
 * updated on when some videos were held out ({@link HeldOutVideos}), else training segments; no
 * label of any kind is used.
 *
 * <p>The score of a segment is max(u⁺_G, u_D), where G's rank goes on growing past the largest
 * reference error e_max: u⁺_G = 1 + (e − e_max) / (e_max − e_med) for e &gt; e_max (e_med the reference
 * median error).
 *
 * <p><b>Why the larger of the two ranks.</b> G and D fail in different ways. D is a classifier
 * trained on G's pseudo-labels of the training videos: a kind of event that G labelled rarely gets a
 * low probability from D, and so does one unlike anything in training. G's error ranks events below
 * unusual normal segments when those dominate its labels, and D then learns the unusual normal
 * segments. Taking the larger rank flags a segment when either network does (an "or"): an event never
 * ranks lower than under the network that places it higher, while a normal segment at most doubles
 * its chance of passing a threshold (P(max(u_G, u_D) ≥ t) ≤ 2(1 − t) where both ranks are uniform,
 * as they are on normal data like the reference).
 *
 * <p><b>What the "or" costs.</b> That doubling is the whole price when D knows something; when D knows
 * nothing about the events (its rank as high on events as on normal segments), it is all cost: D's rank
 * is noise on every segment, the larger rank is D's on most normal segments, and the score ranks events
 * well below G's own error (measured on synthetic-full's GCL_B, where D is at chance:
 * {@code notebooks/results/README.md}, {@code default-score-check.csv}). There D reproduces G's labels
 * faithfully, on its training videos, on videos held out of its training ({@link HeldOutProbe} stays
 * quiet) and on the test set; but G's labels, the top few percent of its errors, are mostly normal
 * segments, and below them D's order says nothing. No label-free signal of this library tells such a D
 * apart; {@code scoreBy = generator} does not depend on D.
 *
 * <p><b>Why G's rank goes on past its reference.</b> A segment with a larger error than any reference
 * segment is unlike everything G was trained to reconstruct: a novel event, the kind a
 * reconstruction error exists to flag. D's probability there is a classifier's extrapolation far from
 * its training data and says nothing, so no probability of D outranks such a segment, and the further
 * G's error lies beyond the reference, the higher the segment ranks.
 *
 * @param generator     G's errors on the reference segments, sorted
 * @param discriminator D's probabilities on the reference segments, sorted
 */
public record ScoreCalibration(float[] generator, float[] discriminator) {
    /** At most this many reference segments are kept (drawn by seed when there are more). */
    public static final int REFERENCE = 8192;
    /** File name inside a checkpoint directory: a [2, n] float32 array (row 0 G, row 1 D). */
    public static final String FILE = "calibration.npy";

    public ScoreCalibration {
        if (generator.length == 0 || generator.length != discriminator.length) {
            throw new IllegalArgumentException("a calibration needs the same positive number of G and D reference scores, got "
                    + generator.length + " and " + discriminator.length);
        }
        generator = sorted(generator);
        discriminator = sorted(discriminator);
    }

    /** The calibration of a model's G and D on up to {@link #REFERENCE} segments of a set (drawn with {@code rng}). */
    public static ScoreCalibration of(GclModel model, FeatureSet reference, Random rng) {
        if (reference.size() == 0) {
            throw new IllegalArgumentException("no reference segments to calibrate on");
        }
        if (reference.size() > REFERENCE) {
            // whole videos (each is centred on its own median), drawn until they hold enough segments
            List<Video> videos = new ArrayList<>(reference.videos());
            Collections.shuffle(videos, rng);
            Set<String> kept = new HashSet<>();
            int rows = 0;
            for (gcl.data.Video v : videos) {
                if (rows >= REFERENCE) {
                    break;
                }
                kept.add(v.id());
                rows += v.segments();
            }
            reference = reference.subset(v -> kept.contains(v.id()));
        }
        float[] g = model.scores(reference, ScoreSource.GENERATOR);
        float[] d = model.scores(reference, ScoreSource.DISCRIMINATOR);
        if (g.length > REFERENCE) {
            int[] rows = HeldOutProbe.sample(g.length, REFERENCE, rng);
            float[] gs = new float[rows.length];
            float[] ds = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                gs[i] = g[rows[i]];
                ds[i] = d[rows[i]];
            }
            g = gs;
            d = ds;
        }
        return new ScoreCalibration(g, d);
    }

    /** max(u⁺_G(g), u_D(d)) for every segment (see the class comment). */
    public float[] either(float[] g, float[] d) {
        if (g.length != d.length) {
            throw new IllegalArgumentException(g.length + " G scores but " + d.length + " D scores");
        }
        float[] out = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = (float) Math.max(generatorRank(g[i]), rank(discriminator, d[i]));
        }
        return out;
    }

    /** u⁺_G(e): G's calibrated rank, growing past 1 beyond the largest reference error. */
    public double generatorRank(float e) {
        float max = generator[generator.length - 1];
        if (e > max) {
            double spread = max - median(generator);
            return spread > 0 ? 1 + (e - max) / spread : 1;
        }
        return rank(generator, e);
    }

    /** u_D(p): D's calibrated rank in [0, 1]. */
    public double discriminatorRank(float p) {
        return rank(discriminator, p);
    }

    /** The share of these G errors that lie beyond every reference error (novel segments). */
    public double beyondReference(float[] g) {
        float max = generator[generator.length - 1];
        int n = 0;
        for (float e : g) {
            n += e > max ? 1 : 0;
        }
        return g.length == 0 ? Double.NaN : n / (double) g.length;
    }

    private static double median(float[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
    }

    /** The share of the sorted reference below x, ties counting one half. */
    static double rank(float[] sorted, float x) {
        int below = lowerBound(sorted, x);
        int notAbove = upperBound(sorted, x);
        return (below + notAbove) / (2.0 * sorted.length);
    }

    private static int lowerBound(float[] a, float x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Float.compare(a[mid], x) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(float[] a, float x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Float.compare(a[mid], x) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static float[] sorted(float[] x) {
        float[] s = x.clone();
        Arrays.sort(s);
        return s;
    }

    /** Writes the two reference rows into a checkpoint directory. */
    public void save(Path dir) throws IOException {
        float[] both = Arrays.copyOf(generator, 2 * generator.length);
        System.arraycopy(discriminator, 0, both, generator.length, discriminator.length);
        Npy.write(dir.resolve(FILE), both, 2, generator.length);
    }

    /** Reads a calibration saved by {@link #save}, or null when the directory has none. */
    public static ScoreCalibration load(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        org.nd4j.linalg.api.ndarray.INDArray a = Npy.readFloat(f);
        if (a.rank() != 2 || a.rows() != 2) {
            throw new IOException(f + ": a calibration is a [2, n] array, got shape " + Arrays.toString(a.shape()));
        }
        float[] both = a.dup('c').ravel().toFloatVector();
        int n = both.length / 2;
        return new ScoreCalibration(Arrays.copyOfRange(both, 0, n), Arrays.copyOfRange(both, n, 2 * n));
    }
}
