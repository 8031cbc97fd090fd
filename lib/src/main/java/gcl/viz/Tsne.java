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
 * XYChart c = Charts.scatter("t-SNE of reconstructions", e.xy(), anomalous);
 * }</pre>
 */
public final class Tsne {
    /** Bisection steps at most per point in the perplexity calibration. */
    static final int MAX_CALIBRATION_STEPS = 200;
    /** Entropy tolerance of the perplexity calibration, in nats. */
    static final double CALIBRATION_TOLERANCE = 1e-5;
    private static final double MIN_GAIN = 0.01;
    private static final double TINY = 1e-12;

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

        public Options withLearningRate(double eta) {
            return new Options(perplexity, iterations, eta, seed, pcaDims, exaggeration, exaggerationIterations);
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
        /** The map as {@code xy[i] = {x, y}} rows, for {@link Charts#scatter}. */
        public double[][] xy() {
            return coordinates.toDoubleMatrix();
        }

        /** Number of points. */
        public int size() {
            return (int) coordinates.rows();
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
        int n = (int) data.rows();
        if (n < 3 || options.perplexity() >= n - 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "t-SNE with perplexity %.1f needs more than %d points, got %d: lower the perplexity",
                    options.perplexity(), (int) Math.ceil(options.perplexity()) + 1, n));
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
        int n = (int) xd.rows();
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
        int n = (int) dist.rows();
        if (dist.rank() != 2 || dist.columns() != n) {
            throw new IllegalArgumentException("squared distances must be [N, N], got " + Arrays.toString(dist.shape()));
        }
        INDArray offDiagonal = Nd4j.ones(DataType.DOUBLE, n, n);
        zeroDiagonal(offDiagonal);
        // Subtracting each row's smallest off-diagonal distance leaves p_{j|i} unchanged and keeps
        // exp(-β d) from underflowing to 0 for every j when β is large.
        INDArray big = dist.dup();
        for (int i = 0; i < n; i++) {
            big.putScalar(i, i, Double.MAX_VALUE);
        }
        INDArray rowMin = big.min(1).reshape(n, 1);
        INDArray shifted = dist.subColumnVector(rowMin).muli(offDiagonal);

        double target = Math.log(perplexity);
        double[] beta = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean[] done = new boolean[n];
        Arrays.fill(beta, 1.0);
        Arrays.fill(lo, 0.0);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        INDArray p = null;
        for (int step = 0; step < MAX_CALIBRATION_STEPS; step++) {
            INDArray betaColumn = Nd4j.createFromArray(beta).reshape(n, 1);
            p = Transforms.exp(shifted.mulColumnVector(betaColumn).negi(), false).muli(offDiagonal);
            double[] sum = p.sum(1).toDoubleVector();
            double[] weighted = p.mul(shifted).sum(1).toDoubleVector();
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
        // p holds the unnormalised rows for the β of the last pass when every row converged;
        // recompute once to be sure it matches the final β.
        INDArray betaColumn = Nd4j.createFromArray(beta).reshape(n, 1);
        p = Transforms.exp(shifted.mulColumnVector(betaColumn).negi(), false).muli(offDiagonal);
        return p.diviColumnVector(p.sum(1).reshape(n, 1));
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
        int n = (int) conditional.rows();
        INDArray p = conditional.add(conditional.transpose()).divi(2.0 * n);
        Transforms.max(p, TINY, false);
        zeroDiagonal(p);
        return p;
    }

    private static Embedding optimise(INDArray pJoint, Options o, Progress progress) {
        int n = (int) pJoint.rows();
        INDArray p = pJoint.mul(o.exaggeration());
        Random rng = new Seeds(o.seed()).random("viz.tsne.init");
        double[] y = new double[n * 2];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1e-4 * rng.nextGaussian();
        }
        double[] update = new double[n * 2];
        double[] gains = new double[n * 2];
        Arrays.fill(gains, 1.0);
        INDArray offDiagonal = Nd4j.ones(DataType.DOUBLE, n, n);
        zeroDiagonal(offDiagonal);
        // Two N×N work matrices reused every iteration: num = (1 + ‖y_i − y_j‖²)^-1, and Q then (P − Q)∘num.
        INDArray num = Nd4j.create(DataType.DOUBLE, n, n);
        INDArray work = Nd4j.create(DataType.DOUBLE, n, n);
        double kl = Double.NaN;
        for (int it = 0; it < o.iterations(); it++) {
            if (it == o.exaggerationIterations()) {
                p.divi(o.exaggeration());
            }
            boolean exaggerated = it < o.exaggerationIterations();
            double momentum = exaggerated ? 0.5 : 0.8;
            INDArray ym = Nd4j.create(y, new long[] {n, 2}, DataType.DOUBLE);
            boolean report = it == o.iterations() - 1 || (it + 1) % 50 == 0;
            double[] cost = report ? new double[1] : null;
            double[] g = gradient(p, ym, num, work, offDiagonal, cost, exaggerated ? o.exaggeration() : 1);
            if (report) {
                kl = cost[0];
            }
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
     * The gradient of C = KL(P‖Q) with respect to the map (paper Eq. 5), as {@code {dC/dy_00, dC/dy_01,
     * dC/dy_10, ...}} (row-major [N, 2]).
     *
     * @param p           joint probabilities [N, N] (possibly exaggerated)
     * @param y           the map [N, 2]
     * @param num         work matrix [N, N], overwritten with (1 + ‖y_i − y_j‖²)^-1 (0 on the diagonal)
     * @param work        work matrix [N, N], overwritten
     * @param offDiagonal ones with a zero diagonal [N, N]
     * @param cost        when not null, {@code cost[0]} receives KL(P/exaggeration ‖ Q)
     * @param exaggeration the factor P carries now (1 without exaggeration), for the cost only
     */
    static double[] gradient(INDArray p, INDArray y, INDArray num, INDArray work, INDArray offDiagonal,
                             double[] cost, double exaggeration) {
        int n = (int) y.rows();
        // num_ij = 1 / (1 + ‖y_i‖² + ‖y_j‖² − 2 y_i·y_j), the Student-t kernel (Eq. 4)
        INDArray norms = y.mul(y).sum(1);
        Nd4j.gemm(y, y, num, false, true, -2.0, 0.0);
        num.addiColumnVector(norms.reshape(n, 1)).addiRowVector(norms.reshape(1, n)).addi(1.0);
        num.rdivi(1.0).muli(offDiagonal);
        double z = num.sumNumber().doubleValue();
        work.assign(num).divi(z); // q_ij
        Transforms.max(work, TINY, false);
        if (cost != null) {
            cost[0] = klDivergence(exaggeration == 1 ? p : p.div(exaggeration), work);
        }
        work.rsubi(p).muli(num); // L = (P − Q) ∘ num, zero on the diagonal
        // ∂C/∂y_i = 4 Σ_j L_ij (y_i − y_j) = 4 (rowsum(L)_i y_i − (L y)_i)
        INDArray grad = y.mulColumnVector(work.sum(1).reshape(n, 1)).subi(work.mmul(y)).muli(4.0);
        return grad.dup('c').data().asDouble();
    }

    /** KL(P‖Q) = Σ p_ij log(p_ij / q_ij). */
    private static double klDivergence(INDArray p, INDArray q) {
        INDArray ratio = Transforms.log(Transforms.max(p, TINY, true).divi(q), false);
        return p.mul(ratio).sumNumber().doubleValue();
    }

    private static void zeroDiagonal(INDArray m) {
        int n = (int) m.rows();
        for (int i = 0; i < n; i++) {
            m.putScalar(i, i, 0.0);
        }
    }
}
