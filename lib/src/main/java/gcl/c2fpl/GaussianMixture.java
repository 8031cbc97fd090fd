package gcl.c2fpl;

import java.util.Arrays;
import java.util.Random;

/**
 * A mixture of K Gaussians with full covariance matrices, fitted to points x_n ∈ R^D by
 * expectation–maximisation (EM): what the coarse stage splits the videos' statistics with (K = 2, D = 2).
 *
 * <pre>
 *   p(x) = Σ_k π_k N(x; m_k, S_k)
 *   E-step:  r_nk = π_k N(x_n; m_k, S_k) / Σ_j π_j N(x_n; m_j, S_j)
 *   M-step:  N_k = Σ_n r_nk,  π_k = N_k / N,  m_k = Σ_n r_nk x_n / N_k,
 *            S_k = Σ_n r_nk (x_n − m_k)(x_n − m_k)ᵀ / N_k + εI
 * </pre>
 * EM stops when the mean log-likelihood per point gains less than the tolerance, or after the
 * maximum number of iterations. It starts from a k-means clustering (k-means++ seeds from the given
 * generator, on coordinates scaled to unit variance) and is restarted {@code inits} times; the fit
 * with the highest log-likelihood is kept. ε is 10⁻⁶ of each coordinate's variance over all points
 * (ours: a covariance that stays invertible whatever the features' scale).
 */
public final class GaussianMixture {
    /** Default EM tolerance on the mean log-likelihood per point (scikit-learn's default too). */
    public static final double TOLERANCE = 1e-3;
    private static final int KMEANS_ITERATIONS = 20;
    private static final double REGULARISATION = 1e-6;

    private final double[] weights;
    private final double[][] means;
    private final double[][][] covariances;
    private final double logLikelihood;
    private final int iterations;
    private final boolean converged;

    private GaussianMixture(double[] weights, double[][] means, double[][][] covariances, double logLikelihood,
                            int iterations, boolean converged) {
        this.weights = weights;
        this.means = means;
        this.covariances = covariances;
        this.logLikelihood = logLikelihood;
        this.iterations = iterations;
        this.converged = converged;
    }

    /**
     * Fits K components to the points.
     *
     * @param x             N points of D coordinates (finite numbers)
     * @param k             components, 1 ≤ k ≤ N
     * @param inits         EM restarts, the best kept
     * @param maxIterations EM iterations at most per restart
     * @param rng           the k-means++ seeds' generator
     */
    public static GaussianMixture fit(double[][] x, int k, int inits, int maxIterations, Random rng) {
        check(x, k);
        if (inits < 1 || maxIterations < 1) {
            throw new IllegalArgumentException("inits and maxIterations must be at least 1, got " + inits + ", " + maxIterations);
        }
        double[] variance = variances(x);
        double[] reg = new double[variance.length];
        for (int d = 0; d < reg.length; d++) {
            reg[d] = variance[d] > 0 ? REGULARISATION * variance[d] : REGULARISATION;
        }
        GaussianMixture best = null;
        for (int i = 0; i < inits; i++) {
            GaussianMixture g = em(x, kMeans(x, k, variance, rng), k, maxIterations, reg);
            if (best == null || g.logLikelihood > best.logLikelihood) {
                best = g;
            }
        }
        return best;
    }

    private static void check(double[][] x, int k) {
        if (x.length == 0) {
            throw new IllegalArgumentException("a Gaussian mixture needs points, got none");
        }
        if (k < 1 || k > x.length) {
            throw new IllegalArgumentException("cannot fit " + k + " components to " + x.length + " points");
        }
        int dim = x[0].length;
        for (int n = 0; n < x.length; n++) {
            if (x[n].length != dim || dim == 0) {
                throw new IllegalArgumentException("point " + n + " has " + x[n].length + " coordinates, expected " + dim + " (> 0)");
            }
            for (double v : x[n]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("point " + n + " holds " + v + ": a Gaussian mixture needs finite numbers");
                }
            }
        }
    }

    private static double[] variances(double[][] x) {
        int dim = x[0].length;
        double[] mean = new double[dim];
        for (double[] p : x) {
            for (int d = 0; d < dim; d++) {
                mean[d] += p[d] / x.length;
            }
        }
        double[] var = new double[dim];
        for (double[] p : x) {
            for (int d = 0; d < dim; d++) {
                var[d] += (p[d] - mean[d]) * (p[d] - mean[d]) / x.length;
            }
        }
        return var;
    }

    /** Hard assignments of a k-means clustering (Lloyd's iterations from k-means++ seeds) on unit-variance coordinates. */
    private static int[] kMeans(double[][] x, int k, double[] variance, Random rng) {
        int n = x.length;
        int dim = x[0].length;
        double[] scale = new double[dim];
        for (int d = 0; d < dim; d++) {
            scale[d] = variance[d] > 0 ? 1 / Math.sqrt(variance[d]) : 1;
        }
        double[][] centres = new double[k][];
        centres[0] = x[rng.nextInt(n)].clone();
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(x[i], centres[c - 1], scale));
                total += nearest[i];
            }
            int pick = rng.nextInt(n);
            if (total > 0) {
                double u = rng.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    u -= nearest[i];
                    if (u < 0) {
                        pick = i;
                        break;
                    }
                }
            }
            centres[c] = x[pick].clone();
        }
        int[] assign = new int[n];
        for (int it = 0; it < KMEANS_ITERATIONS; it++) {
            boolean changed = it == 0;
            for (int i = 0; i < n; i++) {
                int bestC = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double dd = distance(x[i], centres[c], scale);
                    if (dd < bestD) {
                        bestD = dd;
                        bestC = c;
                    }
                }
                changed |= assign[i] != bestC;
                assign[i] = bestC;
            }
            if (!changed) {
                break;
            }
            double[][] sum = new double[k][dim];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                count[assign[i]]++;
                for (int d = 0; d < dim; d++) {
                    sum[assign[i]][d] += x[i][d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (count[c] > 0) {
                    for (int d = 0; d < dim; d++) {
                        centres[c][d] = sum[c][d] / count[c];
                    }
                }
            }
        }
        return assign;
    }

    private static double distance(double[] a, double[] b, double[] scale) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double t = (a[d] - b[d]) * scale[d];
            s += t * t;
        }
        return s;
    }

    private static GaussianMixture em(double[][] x, int[] start, int k, int maxIterations, double[] reg) {
        int n = x.length;
        double[][] r = new double[n][k];
        for (int i = 0; i < n; i++) {
            r[i][start[i]] = 1;
        }
        double[] weights = new double[k];
        double[][] means = new double[k][];
        double[][][] cov = new double[k][][];
        mStep(x, r, reg, weights, means, cov);
        double previous = Double.NEGATIVE_INFINITY;
        double ll = Double.NEGATIVE_INFINITY;
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            it++;
            ll = eStep(x, weights, means, cov, r);
            if (ll - previous < TOLERANCE) {
                converged = true;
                break;
            }
            previous = ll;
            mStep(x, r, reg, weights, means, cov);
        }
        if (!converged) {
            ll = eStep(x, weights, means, cov, r);
        }
        return new GaussianMixture(weights, means, cov, ll, it, converged);
    }

    /** The responsibilities r_nk of the current parameters (into r); returns the mean log-likelihood per point. */
    private static double eStep(double[][] x, double[] weights, double[][] means, double[][][] cov, double[][] r) {
        int k = weights.length;
        double total = 0;
        double[] logp = new double[k];
        for (int i = 0; i < x.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                logp[c] = weights[c] > 0 ? Math.log(weights[c]) + logDensity(x[i], means[c], cov[c]) : Double.NEGATIVE_INFINITY;
                max = Math.max(max, logp[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(logp[c] - max);
            }
            double lse = max + Math.log(sum);
            for (int c = 0; c < k; c++) {
                r[i][c] = Math.exp(logp[c] - lse);
            }
            total += lse;
        }
        return total / x.length;
    }

    private static void mStep(double[][] x, double[][] r, double[] reg, double[] weights, double[][] means, double[][][] cov) {
        int n = x.length;
        int dim = x[0].length;
        for (int c = 0; c < weights.length; c++) {
            double nk = 0;
            double[] m = new double[dim];
            for (int i = 0; i < n; i++) {
                nk += r[i][c];
                for (int d = 0; d < dim; d++) {
                    m[d] += r[i][c] * x[i][d];
                }
            }
            double[][] s = new double[dim][dim];
            if (nk > 0) {
                for (int d = 0; d < dim; d++) {
                    m[d] /= nk;
                }
                for (int i = 0; i < n; i++) {
                    for (int a = 0; a < dim; a++) {
                        double da = x[i][a] - m[a];
                        for (int b = 0; b <= a; b++) {
                            s[a][b] += r[i][c] * da * (x[i][b] - m[b]);
                        }
                    }
                }
                for (int a = 0; a < dim; a++) {
                    for (int b = 0; b <= a; b++) {
                        s[a][b] /= nk;
                        s[b][a] = s[a][b];
                    }
                }
            }
            for (int d = 0; d < dim; d++) {
                s[d][d] += reg[d];
            }
            weights[c] = nk / n;
            means[c] = m;
            cov[c] = s;
        }
    }

    /** log N(x; m, S) through the Cholesky factor S = LLᵀ. */
    static double logDensity(double[] x, double[] m, double[][] s) {
        int dim = x.length;
        double[][] l = cholesky(s);
        double[] z = new double[dim];
        double logDet = 0;
        for (int a = 0; a < dim; a++) {
            double v = x[a] - m[a];
            for (int b = 0; b < a; b++) {
                v -= l[a][b] * z[b];
            }
            z[a] = v / l[a][a];
            logDet += 2 * Math.log(l[a][a]);
        }
        double q = 0;
        for (double v : z) {
            q += v * v;
        }
        return -0.5 * (dim * Math.log(2 * Math.PI) + logDet + q);
    }

    private static double[][] cholesky(double[][] s) {
        int dim = s.length;
        double[][] l = new double[dim][dim];
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b <= a; b++) {
                double v = s[a][b];
                for (int c = 0; c < b; c++) {
                    v -= l[a][c] * l[b][c];
                }
                if (a == b) {
                    if (!(v > 0)) {
                        throw new IllegalStateException("covariance is not positive definite: " + Arrays.deepToString(s));
                    }
                    l[a][a] = Math.sqrt(v);
                } else {
                    l[a][b] = v / l[b][b];
                }
            }
        }
        return l;
    }

    /** Posterior probabilities r_nk of each component for each point. */
    public double[][] responsibilities(double[][] x) {
        check(x, 1);
        double[][] r = new double[x.length][weights.length];
        eStep(x, weights, means, covariances, r);
        return r;
    }

    /** The component of highest posterior probability of each point (the lower index on a tie). */
    public int[] predict(double[][] x) {
        double[][] r = responsibilities(x);
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int c = 1; c < weights.length; c++) {
                if (r[i][c] > r[i][out[i]]) {
                    out[i] = c;
                }
            }
        }
        return out;
    }

    /** Mixing weights π_k. */
    public double[] weights() {
        return weights.clone();
    }

    /** Component means m_k. */
    public double[][] means() {
        double[][] out = new double[means.length][];
        for (int c = 0; c < means.length; c++) {
            out[c] = means[c].clone();
        }
        return out;
    }

    /** Component covariances S_k (with the regularisation εI added). */
    public double[][][] covariances() {
        double[][][] out = new double[covariances.length][][];
        for (int c = 0; c < covariances.length; c++) {
            out[c] = new double[covariances[c].length][];
            for (int a = 0; a < covariances[c].length; a++) {
                out[c][a] = covariances[c][a].clone();
            }
        }
        return out;
    }

    /** Mean log-likelihood per point of the fitted mixture. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** EM iterations of the kept restart. */
    public int iterations() {
        return iterations;
    }

    /** Whether the kept restart stopped on the tolerance rather than the iteration limit. */
    public boolean converged() {
        return converged;
    }

    /** Number of components K. */
    public int components() {
        return weights.length;
    }
}
