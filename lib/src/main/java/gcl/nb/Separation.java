package gcl.nb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * How well a 2-D map (t-SNE, PCA) separates its groups, measured on the points as drawn:
 * <em>k-nearest-neighbour purity</em>, the share of each point's k nearest other points (Euclidean, in
 * the map's coordinates) that belong to its own group, averaged over the points. With two groups mixed
 * at random the purity is about the share of a point's own group among the others (the chance level,
 * {@link Result#chance()}); groups that lie apart reach 1.
 */
public final class Separation {
    /** The neighbours counted per point. */
    public static final int K = 10;

    private Separation() {
    }

    /** The purity of a map, the chance level for its group sizes, how many points and neighbours. */
    public record Result(double purity, double chance, int points, int k) {
        /** "k-NN purity 0.81 (chance 0.50; 10 neighbours, 400 points)". */
        public String text() {
            return String.format(Locale.ROOT, "k-NN purity %.2f (chance %.2f; %d neighbours, %d points)", purity, chance, k, points);
        }
    }

    /** The purity of points {@code xy} labelled {@code groups}, with {@code k} neighbours per point. */
    public static Result purity(double[][] xy, int[] groups, int k) {
        int n = xy.length;
        if (n < 2 || groups.length != n) {
            throw new IllegalArgumentException("k-NN purity needs two points or more and one group per point: " + n + " points, "
                    + groups.length + " groups");
        }
        int kk = Math.min(k, n - 1);
        double sum = 0;
        double chance = 0;
        int[] sizes = new int[max(groups) + 1];
        for (int g : groups) {
            sizes[g]++;
        }
        double[] d = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = xy[i][0] - xy[j][0];
                double dy = xy[i][1] - xy[j][1];
                d[j] = j == i ? Double.POSITIVE_INFINITY : dx * dx + dy * dy;
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
            int same = 0;
            for (int m = 0; m < kk; m++) {
                same += groups[order[m]] == groups[i] ? 1 : 0;
            }
            sum += (double) same / kk;
            chance += (sizes[groups[i]] - 1.0) / (n - 1);
        }
        return new Result(sum / n, chance / n, n, kk);
    }

    /** The purity of a scatter chart's points, each series one group (as {@code gcl.viz.ScatterPlots} draws a map). */
    public static Result of(XYChart chart, int k) {
        List<double[]> points = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        int g = 0;
        for (XYSeries s : chart.getSeriesMap().values()) {
            double[] x = s.getXData();
            double[] y = s.getYData();
            for (int i = 0; i < x.length; i++) {
                points.add(new double[] {x[i], y[i]});
                groups.add(g);
            }
            g++;
        }
        return purity(points.toArray(double[][]::new), groups.stream().mapToInt(Integer::intValue).toArray(), k);
    }

    /** {@link #of(XYChart, int)} with {@link #K} neighbours. */
    public static Result of(XYChart chart) {
        return of(chart, K);
    }

    private static int max(int[] v) {
        int m = 0;
        for (int x : v) {
            if (x < 0) {
                throw new IllegalArgumentException("a group is a number from 0: " + x);
            }
            m = Math.max(m, x);
        }
        return m;
    }
}
