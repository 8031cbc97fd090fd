package gcl.viz;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.series.AxesChartSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Curves over a common x axis in the lessons' look ({@link ChartStyle}): training histories, D's
 * test AUC by pseudo target (the paper's Fig. 5), AUC per seed (Fig. 10); and dashed reference
 * lines (a threshold, a mean) on any XY chart. NaN values are drawn as gaps.
 */
public final class LineCharts {
    private LineCharts() {
    }

    /**
     * Curves over a common x axis: training history (losses, AUC over epochs), one curve per NL
     * target (the paper's Fig. 5), one curve per seed (Fig. 10).
     *
     * @param seriesY series name → y values, drawn in map order (use a {@link LinkedHashMap});
     *                NaN values are drawn as gaps
     * @param x       the x values shared by all series, or null for 1, 2, …, n (epochs count from 1)
     */
    public static XYChart line(String title, String xLabel, String yLabel, Map<String, double[]> seriesY, double[] x) {
        int n = ChartInputs.commonLength(seriesY, "line chart '" + title + "'", "series", "values");
        XYChart chart = ChartStyle.xyChart(title, xLabel, yLabel);
        double[] xs = x == null ? ChartInputs.oneToN(n) : x;
        if (xs.length != n) {
            throw new IllegalArgumentException("line chart '" + title + "': " + xs.length + " x values for " + n + " y values");
        }
        for (Map.Entry<String, double[]> e : seriesY.entrySet()) {
            XYSeries s = chart.addSeries(e.getKey(), xs, e.getValue());
            s.setMarker(n <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * Curves over several runs each (e.g. one per seed): per series the mean over its runs as a line
     * and the mean ± sample standard deviation as a shaded band (no band for a single run). The
     * paper's Fig. 5 and Fig. 9 drawn over seeds.
     *
     * @param runsPerSeries series name → its runs, each an array of y values over {@code x} (all of
     *                      equal length; NaN values are left out of that point's mean)
     * @param x             the x values, or null for 1, 2, …, n
     */
    public static XYChart band(String title, String xLabel, String yLabel, Map<String, double[][]> runsPerSeries, double[] x) {
        Map<String, double[]> means = new LinkedHashMap<>();
        Map<String, double[]> stds = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, double[][]> e : runsPerSeries.entrySet()) {
            double[][] runs = e.getValue();
            if (runs.length == 0) {
                throw new IllegalArgumentException("band chart '" + title + "': series '" + e.getKey() + "' has no runs");
            }
            int n = runs[0].length;
            double[] mean = new double[n];
            double[] std = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                int k = 0;
                for (double[] r : runs) {
                    if (r.length != n) {
                        throw new IllegalArgumentException("band chart '" + title + "': the runs of series '" + e.getKey()
                                + "' have different lengths (" + n + " and " + r.length + ")");
                    }
                    if (Double.isFinite(r[i])) {
                        sum += r[i];
                        k++;
                    }
                }
                mean[i] = k == 0 ? Double.NaN : sum / k;
                double ss = 0;
                for (double[] r : runs) {
                    if (Double.isFinite(r[i])) {
                        ss += (r[i] - mean[i]) * (r[i] - mean[i]);
                    }
                }
                std[i] = k > 1 ? Math.sqrt(ss / (k - 1)) : Double.NaN;
            }
            means.put(e.getKey(), mean);
            stds.put(e.getKey(), std);
            counts.put(e.getKey(), runs.length);
        }
        int fewest = counts.values().stream().mapToInt(Integer::intValue).min().orElse(1);
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        String over = most < 2 ? "" : fewest == most ? " (mean ± std, " + most + " runs)" : " (mean ± std, " + fewest + "–" + most + " runs)";
        XYChart chart = line(title, xLabel, yLabel + over, means, x);
        double[] xs = x == null ? ChartInputs.oneToN(means.values().iterator().next().length) : x;
        int k = 0;
        for (Map.Entry<String, double[]> e : means.entrySet()) {
            Color colour = ChartStyle.PALETTE.get(k++ % ChartStyle.PALETTE.size());
            if (counts.get(e.getKey()) < 2) {
                continue;
            }
            double[] mean = e.getValue();
            double[] std = stds.get(e.getKey());
            int n = mean.length;
            double[] px = new double[2 * n];
            double[] py = new double[2 * n];
            for (int i = 0; i < n; i++) {
                px[i] = xs[i];
                double sd = Double.isFinite(std[i]) ? std[i] : 0;
                py[i] = mean[i] + sd;
                px[2 * n - 1 - i] = xs[i];
                py[2 * n - 1 - i] = mean[i] - sd;
            }
            XYSeries s = chart.addSeries(e.getKey() + " band", px, py);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setMarker(SeriesMarkers.NONE);
            s.setFillColor(ChartStyle.alpha(colour, 50));
            s.setLineColor(ChartStyle.alpha(colour, 0));
            s.setShowInLegend(false);
        }
        return chart;
    }

    /** One curve: {@link #line(String, String, String, Map, double[])} with a single series named {@code yLabel}. */
    public static XYChart line(String title, String xLabel, String yLabel, double[] y) {
        return line(title, xLabel, yLabel, Map.of(yLabel, y), null);
    }

    /**
     * The numeric columns {@code yColumns} of a table against its column {@code xColumn}, e.g. a
     * training history table (epoch, G loss, D loss, test AUC).
     */
    public static XYChart line(String title, String yLabel, Table table, String xColumn, String... yColumns) {
        if (yColumns.length == 0) {
            throw new IllegalArgumentException("line chart '" + title + "': name at least one y column of table " + table.name());
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String c : yColumns) {
            series.put(c, ChartInputs.numeric(table, c));
        }
        return line(title, xColumn, yLabel, series, ChartInputs.numeric(table, xColumn));
    }

    /** Adds a dashed vertical line at {@code x} spanning the chart's current y range, e.g. a threshold D_th. */
    public static XYChart addVerticalLine(XYChart chart, double x, String label) {
        double[] range = range(chart, false);
        XYSeries s = chart.addSeries(label, new double[] {x, x}, range);
        ChartStyle.referenceLine(s, Color.BLACK);
        return chart;
    }

    /** Adds a dashed horizontal line at {@code y} spanning the chart's current x range, e.g. chance AUC 0.5 or μ+σ. */
    public static XYChart addHorizontalLine(XYChart chart, double y, String label) {
        double[] range = range(chart, true);
        XYSeries s = chart.addSeries(label, range, new double[] {y, y});
        ChartStyle.referenceLine(s, new Color(90, 90, 90));
        return chart;
    }

    /**
     * The range the chart's series cover along x or along y (0 to 1 when they cover none); along y,
     * the axis' own limits where the chart sets them.
     */
    private static double[] range(XYChart chart, boolean alongX) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (AxesChartSeries s : chart.getSeriesMap().values()) {
            double min = alongX ? s.getXMin() : s.getYMin();
            double max = alongX ? s.getXMax() : s.getYMax();
            if (Double.isFinite(min)) {
                lo = Math.min(lo, min);
            }
            if (Double.isFinite(max)) {
                hi = Math.max(hi, max);
            }
        }
        lo = lo == Double.POSITIVE_INFINITY ? 0 : lo;
        hi = hi == Double.NEGATIVE_INFINITY ? 1 : hi;
        if (!alongX) {
            Double axisMin = chart.getStyler().getYAxisMin();
            Double axisMax = chart.getStyler().getYAxisMax();
            lo = axisMin != null ? axisMin : lo;
            hi = axisMax != null ? axisMax : hi;
        }
        return new double[] {lo, hi};
    }
}
