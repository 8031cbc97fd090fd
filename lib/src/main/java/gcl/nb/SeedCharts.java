package gcl.nb;

import gcl.experiment.Claims;
import gcl.experiment.PairedDifference;
import gcl.viz.ChartStyle;
import gcl.viz.LineCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Charts of runs over seeds that keep the seeds what they are: categories, shared by the methods.
 * {@link #perSeed} draws each run as a point (never a line from one seed to the next) and joins the
 * runs of the same seed with a thin grey line, the pairs a paired comparison uses; {@link #pairedDifference}
 * draws the per-seed differences of two methods with their mean and its 95 % confidence interval
 * ({@link PairedDifference}).
 */
public final class SeedCharts {
    private static final double SHIFT = 0.12;

    private SeedCharts() {
    }

    /** Each run of {@code methods} in {@code column} as a point over its seed; the runs of one seed joined. */
    public static XYChart perSeed(String title, Table runs, String column, List<String> methods) {
        XYChart chart = ChartStyle.xyChart(title, "seed (the same seed: the same data and draws for every method)", column);
        Map<String, Map<Integer, Double>> values = new LinkedHashMap<>();
        for (String m : methods) {
            values.put(m, Claims.values(runs, Claims.Term.of(m, column, m)));
        }
        TreeMap<Integer, double[]> bySeed = new TreeMap<>();
        for (int k = 0; k < methods.size(); k++) {
            for (var e : values.get(methods.get(k)).entrySet()) {
                bySeed.computeIfAbsent(e.getKey(), s -> new double[methods.size()])[k] = e.getValue();
            }
        }
        for (var e : bySeed.entrySet()) {
            double[] x = new double[methods.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = e.getKey() + offset(k, methods.size());
            }
            XYSeries pair = chart.addSeries("seed " + e.getKey(), x, e.getValue());
            pair.setMarker(SeriesMarkers.NONE);
            pair.setLineColor(new Color(190, 190, 190));
            pair.setShowInLegend(false);
        }
        for (int k = 0; k < methods.size(); k++) {
            Map<Integer, Double> v = values.get(methods.get(k));
            int kk = k;
            double[] x = v.keySet().stream().mapToDouble(s -> s + offset(kk, methods.size())).toArray();
            double[] y = v.values().stream().mapToDouble(Double::doubleValue).toArray();
            XYSeries s = chart.addSeries(methods.get(k), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(ChartStyle.PALETTE.get(k % ChartStyle.PALETTE.size()));
        }
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> seedTick(x, Double.NaN));
        return chart;
    }

    /**
     * The difference {@code a − b} in {@code column} on each shared seed (points), and their mean with
     * its 95 % t interval (a point with an error bar right of the seeds), a line at 0 and dotted lines
     * at ±{@link Claims#SMALLEST_DIFFERENCE} (the smallest difference that matters).
     */
    public static XYChart pairedDifference(String title, Table runs, String column, String a, String b) {
        Map<Integer, Double> va = Claims.values(runs, Claims.Term.of(a, column, a));
        Map<Integer, Double> vb = Claims.values(runs, Claims.Term.of(b, column, b));
        TreeMap<Integer, Double> d = new TreeMap<>();
        va.forEach((seed, v) -> {
            if (vb.containsKey(seed)) {
                d.put(seed, v - vb.get(seed));
            }
        });
        if (d.size() < 2) {
            throw new IllegalArgumentException("paired difference '" + title + "': " + a + " and " + b + " share " + d.size()
                    + " seeds, two or more needed");
        }
        PairedDifference diff = PairedDifference.paired(d.values().stream().mapToDouble(Double::doubleValue).toArray());
        XYChart chart = ChartStyle.xyChart(title, "seed", a + " − " + b + ", " + column);
        XYSeries seeds = chart.addSeries("one seed", d.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                d.values().stream().mapToDouble(Double::doubleValue).toArray());
        seeds.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        seeds.setMarker(SeriesMarkers.CIRCLE);
        seeds.setMarkerColor(ChartStyle.PALETTE.get(0));
        double at = d.lastKey() + 1;
        XYSeries mean = chart.addSeries(String.format(Locale.ROOT, "mean, 95 %% CI: %s", diff.text()), new double[] {at},
                new double[] {diff.mean()}, new double[] {diff.high() - diff.mean()});
        mean.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        mean.setMarker(SeriesMarkers.DIAMOND);
        mean.setMarkerColor(Color.BLACK);
        mean.setLineColor(Color.BLACK);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> seedTick(x, at));
        double lo = d.firstKey() - 0.5;
        LineCharts.addHorizontalLine(chart, 0, "0: no difference");
        for (double edge : new double[] {-Claims.SMALLEST_DIFFERENCE, Claims.SMALLEST_DIFFERENCE}) {
            XYSeries band = chart.addSeries(String.format(Locale.ROOT, "%+.0f: smallest difference that matters", edge),
                    new double[] {lo, at + 0.5}, new double[] {edge, edge});
            band.setMarker(SeriesMarkers.NONE);
            band.setLineColor(new Color(170, 170, 170));
            band.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
            band.setShowInLegend(edge > 0);
        }
        return chart;
    }

    /** A tick of a seed axis: the seed at whole numbers, "mean" at {@code mean}, nothing between. */
    private static String seedTick(double x, double mean) {
        if (Math.abs(x - Math.rint(x)) > 1e-9) {
            return "";
        }
        return x == mean ? "mean" : String.valueOf((long) Math.rint(x));
    }

    private static double offset(int k, int n) {
        return (k - (n - 1) / 2.0) * SHIFT;
    }
}
