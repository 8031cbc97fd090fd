package gcl.viz;

import gcl.Progress;
import gcl.Seeds;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Exact t-SNE (van der Maaten and Hinton, "Visualizing Data using t-SNE", JMLR 2008) on ND4J: the
 * 2-D maps of the negative-learning lesson (the paper's Fig. 6, reconstructions coloured by ground
 * truth). DL4J 1.0.0-M2.1 no longer ships a t-SNE, so this is a small one of our own.
 *
 * <p>The algorithm, as in the 2008 paper:
 * <ol>
 *   <li>Optionally centre the data and reduce it to {@link Options#pcaDims()} dimensions with
 *       {@link Pca} (the paper's own pre-processing, 50 dimensions by default).</li>
 *   <li>Squared Euclidean distances ‖x_i − x_j‖² = ‖x_i‖² + ‖x_j‖² − 2 x_i·x_j, all at once from
 *       one matrix product.</li>
 *   <li>Conditional probabilities p_{j|i} = exp(−β_i d_ij) / Σ_{k≠i} exp(−β_i d_ik) (paper Eq. 1,
 *       β_i = 1/2σ_i²), with each β_i found by bisection so that the row's perplexity
 *       2^{H(P_i)} equals the chosen perplexity, i.e. its entropy (in nats) equals
 *       log(perplexity). All rows are searched together, one matrix operation per step.</li>
 *   <li>Symmetrised joint probabilities p_ij = (p_{j|i} + p_{i|j}) / 2N.</li>
 *   <li>Student-t joint probabilities in the map, q_ij ∝ (1 + ‖y_i − y_j‖²)^{-1} (Eq. 4), and the
 *       gradient of KL(P‖Q), 4 Σ_j (p_ij − q_ij)(y_i − y_j)(1 + ‖y_i − y_j‖²)^{-1} (Eq. 5),
 *       written as two matrix products.</li>
 *   <li>Gradient descent from y_i ~ N(0, 10⁻⁴ I), with momentum 0.5 for the first
 *       {@link Options#exaggerationIterations()} iterations and 0.8 after, "early exaggeration"
 *       (P multiplied by {@link Options#exaggeration()} over the same first iterations), and
 *       per-coordinate adaptive gains (Jacobs' delta-bar-delta: +0.2 when the gradient changes
 *       sign against the last step, ×0.8 otherwise, never below 0.01).</li>
 * </ol>
 * Time and memory are O(N²) (a few N×N double matrices): fine for a few thousand points.
 * Deterministic: the initial map comes from {@code new Seeds(seed).random("viz.tsne.init")}.
 *
 * <pre>{@code
 * Tsne.Embedding e = Tsne.embed(features, Tsne.Options.defaults().withPerplexity(30).withSeed(7));
 * XYChart c = ScatterPlots.scatter("t-SNE of reconstructions", e.xy(), anomalous);
 * }</pre>
 */
public final class Tsne {
    /** Bisection steps at most per point in the perplexity calibration. */
    static final int MAX_CALIBRATION_STEPS = 200;
    /** Entropy tolerance of the perplexity calibration, in nats. */
    static final double CALIBRATION_TOLERANCE = 1e-5;
    /** Most points accepted: an N×N double matrix is 8·N² bytes and a run holds several. */
    public static final int MAX_POINTS = 10_000;
    private static final double MIN_GAIN = 0.01;
    private static final double TINY = 1e-12;
    /** A distance so large that exp(−β·FAR) is 0 for any useful β, yet FAR·0 is still 0. */
    private static final double FAR = 1e300;

    private Tsne() {
    }

    /**
     * The settings of one t-SNE run.
     *
     * @param perplexity             effective number of neighbours per point (5–50 typical); must be below N − 1
     * @param iterations             gradient steps in all
     * @param learningRate           step size η
     * @param seed                   master seed of the initial map
     * @param pcaDims                reduce the data to this many dimensions first by PCA when it has more; 0 = never
     * @param exaggeration           factor on P during the first iterations (early exaggeration)
     * @param exaggerationIterations how many iterations are exaggerated (also when momentum goes 0.5 → 0.8)
     */
    public record Options(double perplexity, int iterations, double learningRate, long seed, int pcaDims,
                          double exaggeration, int exaggerationIterations) {
        public Options {
            if (!(perplexity > 1)) {
                throw new IllegalArgumentException("t-SNE perplexity must be above 1, got " + perplexity);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("t-SNE iterations must be at least 1, got " + iterations);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("t-SNE learning rate must be positive, got " + learningRate);
            }
            if (pcaDims < 0) {
                throw new IllegalArgumentException("t-SNE pcaDims must be 0 (no PCA) or positive, got " + pcaDims);
            }
            if (!(exaggeration >= 1) || exaggerationIterations < 0) {
                throw new IllegalArgumentException("t-SNE exaggeration must be ≥ 1 over ≥ 0 iterations, got "
                        + exaggeration + " over " + exaggerationIterations);
            }
        }

        /** Perplexity 30, 1000 iterations, learning rate 200, seed 42, PCA to 50 dims, exaggeration 12 for 250 iterations. */
        public static Options defaults() {
            return new Options(30, 1000, 200, 42, 50, 12, 250);
        }

        public Options withPerplexity(double p) {
            return new Options(p, iterations, learningRate, seed, pcaDims, exaggeration, exaggerationIterations);
        }

        public Options withIterations(int n) {
            return new Options(perplexity, n, learningRate, seed, pcaDims, exaggeration, exaggerationIterations);
        }

        public Options withSeed(long s) {
            return new Options(perplexity, iterations, learningRate, s, pcaDims, exaggeration, exaggerationIterations);
        }

        /** PCA pre-reduction to {@code dims} dimensions; 0 turns it off. */
        public Options withPcaDims(int dims) {
            return new Options(perplexity, iterations, learningRate, seed, dims, exaggeration, exaggerationIterations);
        }

        public Options withExaggeration(double factor, int forIterations) {
            return new Options(perplexity, iterations, learningRate, seed, pcaDims, factor, forIterations);
        }
    }

    /**
     * A t-SNE map.
     *
     * @param coordinates  [N, 2] the map, centred on 0, double
     * @param klDivergence KL(P‖Q) of the final map (lower is a more faithful map)
     */
    public record Embedding(INDArray coordinates, double klDivergence) {
        /** The map as {@code xy[i] = {x, y}} rows, for {@link ScatterPlots#scatter}. */
        public double[][] xy() {
            return coordinates.toDoubleMatrix();
        }

        /** Number of points. */
        public int size() {
            return coordinates.rows();
        }
    }

    /** t-SNE of the rows of {@code data} with the {@link Options#defaults() default options}, progress on stdout. */
    public static Embedding embed(INDArray data) {
        return embed(data, Options.defaults());
    }

    /** t-SNE of the rows of {@code data}, progress on stdout. */
    public static Embedding embed(INDArray data, Options options) {
        return embed(data, options, new Progress("t-SNE", "iterations", options.iterations()));
    }

    /**
     * t-SNE of the rows of {@code data} ([N, d], any floating type; not modified).
     *
     * @param progress counts iterations; its note shows the KL divergence now and then
     */
    public static Embedding embed(INDArray data, Options options, Progress progress) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        if (data.rank() != 2) {
            throw new IllegalArgumentException("t-SNE needs a [N, d] matrix, got shape " + Arrays.toString(data.shape()));
        }
        int n = data.rows();
        if (n < 3 || options.perplexity() >= n - 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "t-SNE with perplexity %.1f needs more than %d points, got %d: lower the perplexity",
                    options.perplexity(), (int) Math.ceil(options.perplexity()) + 1, n));
        }
        if (n > MAX_POINTS) {
            throw new IllegalArgumentException("exact t-SNE holds several N×N matrices: " + n + " points is more than "
                    + MAX_POINTS + "; embed a subsample (e.g. every k-th segment)");
        }
        INDArray x = data.castTo(DataType.DOUBLE);
        if (x.isNaN().any() || x.isInfinite().any()) {
            throw new IllegalArgumentException("t-SNE input has NaN or infinite values");
        }
        if (options.pcaDims() > 0 && x.columns() > options.pcaDims() && n > options.pcaDims()) {
            x = Pca.project(x, options.pcaDims());
        }
        INDArray p = jointProbabilities(squaredDistances(x), options.perplexity());
        return optimise(p, options, progress);
    }

    /** Pairwise squared Euclidean distances of the rows of x, [N, N], ≥ 0 with a zero diagonal. */
    public static INDArray squaredDistances(INDArray x) {
        INDArray xd = x.castTo(DataType.DOUBLE);
        int n = xd.rows();
        INDArray norms = xd.mul(xd).sum(1).reshape(n, 1);
        INDArray d = Nd4j.gemm(xd, xd, false, true).muli(-2.0);
        d.addiColumnVector(norms).addiRowVector(norms.reshape(1, n));
        Transforms.max(d, 0.0, false);
        zeroDiagonal(d);
        return d;
    }

    /**
     * The conditional probabilities p_{j|i} (row i), each row calibrated so that its entropy is
     * log(perplexity) nats (paper section 2). Rows are searched together: each bisection step
     * is one pass of matrix operations over all rows.
     *
     * @param squaredDistances [N, N] with a zero diagonal, from {@link #squaredDistances}
     * @return [N, N] row-stochastic, zero diagonal
     */
    public static INDArray conditionalProbabilities(INDArray squaredDistances, double perplexity) {
        INDArray dist = squaredDistances.castTo(DataType.DOUBLE);
        int n = dist.rows();
        if (dist.rank() != 2 || dist.columns() != n) {
            throw new IllegalArgumentException("squared distances must be [N, N], got " + Arrays.toString(dist.shape()));
        }
        // Subtracting each row's smallest off-diagonal distance leaves p_{j|i} unchanged and keeps
        // exp(-β d) from underflowing to 0 for every j when β is large. The diagonal is set so
        // large that exp(-β d_ii) = 0: point i is not its own neighbour.
        INDArray shifted = dist.dup();
        for (int i = 0; i < n; i++) {
            shifted.putScalar(i, i, Double.POSITIVE_INFINITY);
        }
        INDArray rowMin = shifted.min(1).reshape(n, 1);
        shifted.subiColumnVector(rowMin);
        for (int i = 0; i < n; i++) {
            shifted.putScalar(i, i, FAR);
        }
        double[] mean = dist.sum(1).toDoubleVector();
        double[] min = rowMin.toDoubleVector();

        double target = Math.log(perplexity);
        double[] beta = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            // start from the inverse of the mean (shifted) distance: a moderately flat row
            double m = mean[i] / (n - 1) - min[i];
            beta[i] = m > 0 ? 1 / m : 1;
        }
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        for (int step = 0; step < MAX_CALIBRATION_STEPS; step++) {
            INDArray p = unnormalised(shifted, beta);
            double[] sum = p.sum(1).toDoubleVector();
            double[] weighted = p.muli(shifted).sum(1).toDoubleVector();
            boolean all = true;
            for (int i = 0; i < n; i++) {
                if (done[i]) {
                    continue;
                }
                // H(P_i) = log Σ_j e^{-β d_ij} + β Σ_j d_ij p_{j|i}
                double entropy = Math.log(sum[i]) + beta[i] * weighted[i] / sum[i];
                double diff = entropy - target;
                if (Math.abs(diff) < CALIBRATION_TOLERANCE) {
                    done[i] = true;
                    continue;
                }
                all = false;
                if (diff > 0) { // too flat: raise the precision
                    lo[i] = beta[i];
                    beta[i] = Double.isInfinite(hi[i]) ? beta[i] * 2 : (beta[i] + hi[i]) / 2;
                } else {
                    hi[i] = beta[i];
                    beta[i] = (beta[i] + lo[i]) / 2;
                }
            }
            if (all) {
                break;
            }
        }
        INDArray p = unnormalised(shifted, beta);
        return p.diviColumnVector(p.sum(1).reshape(n, 1));
    }

    /** exp(−β_i d_ij) for every row i. */
    private static INDArray unnormalised(INDArray shifted, double[] beta) {
        double[] negative = new double[beta.length];
        for (int i = 0; i < beta.length; i++) {
            negative[i] = -beta[i];
        }
        INDArray p = shifted.mulColumnVector(Nd4j.createFromArray(negative).reshape(beta.length, 1));
        return Transforms.exp(p, false);
    }

    /** The entropy in nats of each row of a row-stochastic matrix (0·log 0 = 0). */
    public static double[] rowEntropies(INDArray probabilities) {
        INDArray pr = probabilities.castTo(DataType.DOUBLE);
        INDArray logs = Transforms.log(Transforms.max(pr, TINY, true), false);
        return pr.mul(logs).sum(1).negi().toDoubleVector();
    }

    /** The symmetrised joint probabilities p_ij = (p_{j|i} + p_{i|j}) / 2N, floored at 10⁻¹². */
    static INDArray jointProbabilities(INDArray squaredDistances, double perplexity) {
        INDArray conditional = conditionalProbabilities(squaredDistances, perplexity);
        int n = conditional.rows();
        INDArray p = conditional.add(conditional.transpose()).divi(2.0 * n);
        Transforms.max(p, TINY, false);
        zeroDiagonal(p);
        return p;
    }

    private static Embedding optimise(INDArray pJoint, Options o, Progress progress) {
        int n = pJoint.rows();
        INDArray p = pJoint.mul(o.exaggeration());
        Random rng = new Seeds(o.seed()).random("viz.tsne.init");
        double[] y = new double[n * 2];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1e-4 * rng.nextGaussian();
        }
        double[] update = new double[n * 2];
        double[] gains = new double[n * 2];
        Arrays.fill(gains, 1.0);
        // Two N×N work matrices reused every iteration.
        INDArray num = Nd4j.create(DataType.DOUBLE, n, n);
        INDArray work = Nd4j.create(DataType.DOUBLE, n, n);
        double kl = Double.NaN;
        for (int it = 0; it < o.iterations(); it++) {
            if (it == o.exaggerationIterations()) {
                p.divi(o.exaggeration());
            }
            boolean exaggerated = it < o.exaggerationIterations();
            double momentum = exaggerated ? 0.5 : 0.8;
            boolean report = it == o.iterations() - 1 || (it + 1) % 50 == 0;
            double[] cost = report ? new double[1] : null;
            double[] g = gradient(p, y, num, work, cost, exaggerated ? o.exaggeration() : 1);
            if (report) {
                kl = cost[0];
            }
            // delta-bar-delta gains, momentum step
            for (int k = 0; k < y.length; k++) {
                boolean sameSign = Math.signum(g[k]) == Math.signum(update[k]);
                gains[k] = Math.max(MIN_GAIN, sameSign ? gains[k] * 0.8 : gains[k] + 0.2);
                update[k] = momentum * update[k] - o.learningRate() * gains[k] * g[k];
                y[k] += update[k];
            }
            double mx = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                mx += y[2 * i];
                my += y[2 * i + 1];
            }
            mx /= n;
            my /= n;
            for (int i = 0; i < n; i++) {
                y[2 * i] -= mx;
                y[2 * i + 1] -= my;
            }
            progress.step(1, report ? String.format(Locale.ROOT, "KL %.4f", kl) : null);
        }
        return new Embedding(Nd4j.create(y, new long[] {n, 2}, DataType.DOUBLE), kl);
    }

    /**
     * The gradient of C = KL(P‖Q) with respect to the map (paper Eq. 5),
     * ∂C/∂y_i = 4 Σ_j (p_ij − q_ij)(1 + ‖y_i − y_j‖²)^-1 (y_i − y_j), in seven passes over N×N:
     * <ul>
     *   <li>1 + ‖y_i − y_j‖² = (A Bᵀ)_ij with A = [y, ‖y‖² + 1, 1] and B = [−2y, 1, ‖y‖²], one product;</li>
     *   <li>num = its reciprocal, Z = Σ_{i≠j} num_ij, Q = num / Z;</li>
     *   <li>L = (P − Q) ∘ num, and L [y, 1] gives Σ_j L_ij y_j and Σ_j L_ij in one product, so that
     *       ∂C/∂y_i = 4 (y_i Σ_j L_ij − Σ_j L_ij y_j).</li>
     * </ul>
     * The diagonal is never zeroed: its terms L_ii (y_i − y_i) cancel, and it is left out of Z.
     *
     * @param p            joint probabilities [N, N] with a zero diagonal (possibly exaggerated)
     * @param y            the map, row-major {@code {y_00, y_01, y_10, ...}}
     * @param num          work matrix [N, N], double, overwritten
     * @param work         work matrix [N, N], double, overwritten
     * @param cost         when not null, {@code cost[0]} receives KL(P/exaggeration ‖ Q)
     * @param exaggeration the factor P carries now (1 without exaggeration), for the cost only
     * @return the gradient, row-major like {@code y}
     */
    static double[] gradient(INDArray p, double[] y, INDArray num, INDArray work, double[] cost, double exaggeration) {
        int n = y.length / 2;
        double[] a = new double[4 * n];
        double[] b = new double[4 * n];
        double trace = 0;
        for (int i = 0; i < n; i++) {
            double y0 = y[2 * i];
            double y1 = y[2 * i + 1];
            double sq = y0 * y0 + y1 * y1;
            a[4 * i] = y0;
            a[4 * i + 1] = y1;
            a[4 * i + 2] = sq + 1;
            a[4 * i + 3] = 1;
            b[4 * i] = -2 * y0;
            b[4 * i + 1] = -2 * y1;
            b[4 * i + 2] = 1;
            b[4 * i + 3] = sq;
            trace += 1 / ((sq + 1) + sq - 2 * sq); // num_ii = 1 / (A Bᵀ)_ii, 1 up to rounding
        }
        INDArray am = Nd4j.create(a, new long[] {n, 4}, DataType.DOUBLE);
        INDArray bm = Nd4j.create(b, new long[] {n, 4}, DataType.DOUBLE);
        Nd4j.gemm(am, bm, num, false, true, 1.0, 0.0);
        num.rdivi(1.0);                                       // Student-t kernel (Eq. 4)
        double z = num.sumNumber().doubleValue() - trace;
        num.div(z, work);                                     // q_ij
        if (cost != null) {
            cost[0] = klDivergence(exaggeration == 1 ? p : p.div(exaggeration), work);
        }
        work.rsubi(p).muli(num);                              // L = (P − Q) ∘ num
        double[] yOne = new double[3 * n];
        for (int i = 0; i < n; i++) {
            yOne[3 * i] = y[2 * i];
            yOne[3 * i + 1] = y[2 * i + 1];
            yOne[3 * i + 2] = 1;
        }
        double[] ly = work.mmul(Nd4j.create(yOne, new long[] {n, 3}, DataType.DOUBLE)).dup('c').data().asDouble();
        double[] grad = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double rowSum = ly[3 * i + 2];
            grad[2 * i] = 4 * (y[2 * i] * rowSum - ly[3 * i]);
            grad[2 * i + 1] = 4 * (y[2 * i + 1] * rowSum - ly[3 * i + 1]);
        }
        return grad;
    }

    /** KL(P‖Q) = Σ_{i≠j} p_ij log(p_ij / q_ij) (P's zero diagonal adds nothing). */
    private static double klDivergence(INDArray p, INDArray q) {
        INDArray ratio = Transforms.log(Transforms.max(p, TINY, true).divi(q), false);
        return p.mul(ratio).sumNumber().doubleValue();
    }

    private static void zeroDiagonal(INDArray m) {
        int n = m.rows();
        for (int i = 0; i < n; i++) {
            m.putScalar(i, i, 0.0);
        }
    }
}
