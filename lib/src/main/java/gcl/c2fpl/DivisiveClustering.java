package gcl.c2fpl;

import gcl.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * The coarse stage of C2FPL: video-level pseudo-labels by hierarchical divisive clustering of the
 * videos' magnitude statistics x_i = (μ_i, σ_i) (Eq. C2).
 *
 * <p>All videos start in the normal cluster C_0⁰; the anomalous cluster C_1⁰ is empty. Split τ fits a
 * two-component Gaussian mixture ({@link GaussianMixture}, EM) to the statistics of the videos in
 * C_0^{τ−1} and assigns each to its more probable component; the anomalous one of the two
 * ({@link AnomalousCluster}: by default the one of larger mean magnitude) moves into C_1, the other stays as C_0^τ (Eq. C3):
 * <pre>
 *   C_1^τ = C_1^{τ−1} ∪ A^τ,   C_0^τ = C_0^{τ−1} \ A^τ,   until |C_1^τ| / |C_0^τ| ≥ η
 * </pre>
 * Splitting also stops when C_0 holds fewer than two videos or a split moves none (its statistics no
 * longer divide). Videos without segments take no part and stay normal. Each split draws its k-means++
 * seeds from its own stream ({@code coarse.split-τ}) of the master seed.
 */
public final class DivisiveClustering {
    private DivisiveClustering() {
    }

    /**
     * The coarse pseudo-labels of videos with these statistics.
     *
     * @param statistics per video x_i = (μ_i, σ_i) ({@link FeatureMagnitude#videoStatistics}); NaN rows are videos
     *                   without segments
     * @throws IllegalArgumentException when fewer than two videos have segments, or a statistic is infinite
     */
    public static CoarseLabels cluster(double[][] statistics, C2fplConfig config, Seeds seeds) {
        int n = statistics.length;
        List<Integer> normal = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] x = statistics[i];
            if (x.length != 2) {
                throw new IllegalArgumentException("video " + i + ": statistics must be (mu, sigma), got " + x.length + " numbers");
            }
            if (Double.isNaN(x[0]) && Double.isNaN(x[1])) {
                continue; // no segments
            }
            if (!Double.isFinite(x[0]) || !Double.isFinite(x[1])) {
                throw new IllegalArgumentException("video " + i + ": magnitude statistics (" + x[0] + ", " + x[1]
                        + ") are not finite numbers");
            }
            normal.add(i);
        }
        if (normal.size() < 2) {
            throw new IllegalArgumentException("the coarse stage needs at least two videos with segments to cluster, got "
                    + normal.size());
        }
        boolean[] anomalous = new boolean[n];
        int[] movedAt = new int[n];
        List<CoarseLabels.Split> splits = new ArrayList<>();
        int anomalousCount = 0;
        int tau = 0;
        while (anomalousCount < config.eta() * normal.size() && normal.size() >= 2) {
            tau++;
            double[][] x = new double[normal.size()][];
            for (int j = 0; j < x.length; j++) {
                x[j] = statistics[normal.get(j)];
            }
            GaussianMixture gmm = GaussianMixture.fit(x, 2, config.gmmInits(), config.gmmMaxIterations(),
                    seeds.random("coarse.split-" + tau));
            int[] component = gmm.predict(x);
            int[] count = new int[2];
            for (int c : component) {
                count[c]++;
            }
            if (count[0] == 0 || count[1] == 0) {
                break; // the mixture puts every video in one component: C_0 no longer divides
            }
            double[][] means = gmm.means();
            int moving = anomalousComponent(config.anomalousCluster(), count, means);
            List<Integer> kept = new ArrayList<>();
            for (int j = 0; j < x.length; j++) {
                int video = normal.get(j);
                if (component[j] == moving) {
                    anomalous[video] = true;
                    movedAt[video] = tau;
                    anomalousCount++;
                } else {
                    kept.add(video);
                }
            }
            splits.add(new CoarseLabels.Split(tau, normal.size(), count[moving], anomalousCount, means[moving],
                    means[1 - moving]));
            normal = kept;
        }
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = statistics[i].clone();
        }
        return new CoarseLabels(anomalous, movedAt, copy, splits);
    }

    /** The index (0 or 1) of the anomalous component, from the components' sizes and means (μ, σ). */
    static int anomalousComponent(AnomalousCluster rule, int[] count, double[][] means) {
        int higher = means[1][0] > means[0][0] ? 1 : 0;
        return switch (rule) {
            case HIGHER_MAGNITUDE -> higher;
            case SMALLER -> count[0] == count[1] ? higher : count[0] < count[1] ? 0 : 1;
        };
    }
}
