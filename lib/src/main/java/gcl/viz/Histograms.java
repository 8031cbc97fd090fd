package gcl.viz;

import java.awt.Color;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Overlaid histograms in the lessons' look ({@link ChartStyle}): score distributions of normal and
 * anomalous segments (the paper's Fig. 4), temporal differences, a batch's errors against a
 * threshold. NaN and infinite values are left out, and the legend says how many.
 */
public final class Histograms {
    private Histograms() {
    }

    /**
     * Overlaid histograms on common bins, each normalised to a density (area 1), so that groups
     * of different sizes compare: score distributions of normal vs anomalous segments (the
     * paper's Fig. 4), temporal differences (then {@link LineCharts#addVerticalLine} for D_th).
     * NaN and infinite values are left out; the series name then says how many.
     *
     * @param values series name → raw values
     * @param bins   number of equal-width bins over the range of all values
     */
    public static XYChart histogram(String title, String xLabel, Map<String, double[]> values, int bins) {
        return histogram(title, xLabel, values, bins, true);
    }

    /**
     * As {@link #histogram(String, String, Map, int)}; {@code density} false gives counts per bin.
     */
    public static XYChart histogram(String title, String xLabel, Map<String, double[]> values, int bins, boolean density) {
        ChartInputs.requireSeries(values);
        if (bins < 1) {
            throw new IllegalArgumentException("histogram '" + title + "': bins must be at least 1, got " + bins);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        Map<String, double[]> finite = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            double[] v = Arrays.stream(ChartInputs.requireValues(e.getKey(), e.getValue())).filter(Double::isFinite).toArray();
            if (v.length == 0) {
                throw new IllegalArgumentException("histogram '" + title + "': series '" + e.getKey() + "' has no finite values");
            }
            int dropped = e.getValue().length - v.length;
            finite.put(dropped == 0 ? e.getKey() : e.getKey() + " (" + dropped + " NaN/∞ left out)", v);
            for (double d : v) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        if (hi == lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        double width = (hi - lo) / bins;
        XYChart chart = ChartStyle.xyChart(title, xLabel, density ? "density" : "count");
        chart.getStyler().setXAxisDecimalPattern("#0.###");
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        // fewer, rounder ticks: XChart picks 0.075 steps when left to its default spacing
        chart.getStyler().setXAxisTickMarkSpacingHint(110);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Area);
        int k = 0;
        for (Map.Entry<String, double[]> e : finite.entrySet()) {
            double[] counts = new double[bins];
            for (double d : e.getValue()) {
                counts[Math.min(bins - 1, (int) ((d - lo) / width))]++;
            }
            double scale = density ? 1.0 / (e.getValue().length * width) : 1.0;
            // the outline of the bars from the first to the last non-empty bin: up and down at each edge
            int first = 0;
            while (counts[first] == 0) {
                first++;
            }
            int last = bins - 1;
            while (counts[last] == 0) {
                last--;
            }
            int used = last - first + 1;
            double[] xs = new double[2 * used + 2];
            double[] ys = new double[2 * used + 2];
            xs[0] = lo + first * width;
            for (int b = 0; b < used; b++) {
                xs[2 * b + 1] = lo + (first + b) * width;
                ys[2 * b + 1] = counts[first + b] * scale;
                xs[2 * b + 2] = lo + (first + b + 1) * width;
                ys[2 * b + 2] = counts[first + b] * scale;
            }
            xs[2 * used + 1] = lo + (last + 1) * width;
            XYSeries s = chart.addSeries(e.getKey(), xs, ys);
            Color c = ChartStyle.PALETTE.get(k++ % ChartStyle.PALETTE.size());
            c = ChartStyle.colourFor(e.getKey(), c);
            s.setLineColor(c);
            s.setFillColor(ChartStyle.alpha(c, 70));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineWidth(1.5f);
        }
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }
}
