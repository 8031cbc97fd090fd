package gcl.viz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Effects against a measured property in the lessons' look ({@link ChartStyle}): per series a mean at
 * each x with ± std error bars (e.g. GCL's gain over an autoencoder, mean ± std over seeds, against
 * the share of anomalous training segments), and a dashed line at 0, where an effect changes sign.
 */
public final class EffectCharts {
    private EffectCharts() {
    }

    /**
     * One series: means at x with error half-lengths (NaN: no bar, e.g. one seed); a point whose x or
     * mean is NaN is left out.
     */
    public record Series(String name, double[] x, double[] mean, double[] std) {
        public Series {
            Objects.requireNonNull(name, "name");
            if (x == null || mean == null || std == null || x.length != mean.length || x.length != std.length) {
                throw new IllegalArgumentException("series '" + name + "': x, mean and std must have the same length");
            }
        }
    }

    /**
     * Means with ± std error bars against x, one line per series (points in order of x), and a dashed
     * line at y = 0.
     */
    public static XYChart withErrorBars(String title, String xLabel, String yLabel, List<Series> series) {
        return draw(title, xLabel, yLabel, series, false);
    }

    /**
     * Points with ± std error bars, not joined (e.g. one point per cell of a map against a property
     * that is measured, not set), and a dashed line at y = 0.
     */
    public static XYChart scatterWithErrorBars(String title, String xLabel, String yLabel, List<Series> series) {
        return draw(title, xLabel, yLabel, series, true);
    }

    /** Adds a dashed line y = x across the chart's x range (e.g. "the gain equals the cost"). */
    public static XYChart addDiagonal(XYChart chart, String label) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (Double.isFinite(s.getXMin())) {
                lo = Math.min(lo, s.getXMin());
                hi = Math.max(hi, s.getXMax());
            }
        }
        if (lo > hi) {
            return chart;
        }
        ChartStyle.referenceLine(chart.addSeries(label, new double[] {lo, hi}, new double[] {lo, hi}), new java.awt.Color(150, 150, 150));
        return chart;
    }

    private static XYChart draw(String title, String xLabel, String yLabel, List<Series> series, boolean scatter) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("chart '" + title + "': no series");
        }
        XYChart chart = ChartStyle.xyChart(title, xLabel, yLabel);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        int drawn = 0;
        for (Series s : series) {
            List<Integer> points = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.mean()[i])) {
                    points.add(i);
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            points.sort(Comparator.comparingDouble(i -> s.x()[i]));
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            double[] e = new double[points.size()];
            for (int k = 0; k < points.size(); k++) {
                int i = points.get(k);
                x[k] = s.x()[i];
                y[k] = s.mean()[i];
                e[k] = Double.isFinite(s.std()[i]) ? s.std()[i] : 0;
            }
            XYSeries xy = chart.addSeries(s.name(), x, y, e);
            xy.setMarker(SeriesMarkers.CIRCLE);
            if (scatter) {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
            drawn++;
        }
        if (drawn == 0) {
            throw new IllegalArgumentException("chart '" + title + "': no finite point to draw");
        }
        return LineCharts.addHorizontalLine(chart, 0, "0: no difference");
    }
}
