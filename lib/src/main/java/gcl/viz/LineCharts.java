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
