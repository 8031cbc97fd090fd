package gcl.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Dot plots with error bars: one dot per category and series, e.g. our mean AUC ± std per method
 * beside the paper's value as a second marker. Unlike a bar chart the value axis does not start at
 * 0, so a 92-vs-95 difference is as visible as the error bars that say whether it counts.
 *
 * <p>Series are drawn in map order; a NaN value (e.g. a method the paper reports no number for)
 * draws no dot. A series named in {@code errors} gets error bars of those half-lengths.
 */
public final class DotCharts {
    private DotCharts() {
    }

    /**
     * Dots with optional error bars; the value axis spans the dots and their bars with a margin.
     *
     * @param values series name → one value per category (NaN: no dot)
     * @param errors series name → error half-lengths (e.g. std), or null; a series missing from it gets none
     */
    public static CategoryChart dots(String title, String yLabel, List<String> categories,
                                     Map<String, double[]> values, Map<String, double[]> errors) {
        ChartInputs.requireSeries(values);
        CategoryChart chart = ChartStyle.categoryChart(title, yLabel, categories);
        var st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setMarkerSize(8);
        st.setOverlapped(true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        var markers = List.of(SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP);
        int k = 0;
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            double[] v = ChartInputs.requireValues(e.getKey(), e.getValue());
            if (v.length != categories.size()) {
                throw new IllegalArgumentException("dot chart '" + title + "': series '" + e.getKey() + "' has " + v.length
                        + " values for " + categories.size() + " categories");
            }
            double[] err = errors == null ? null : errors.get(e.getKey());
            if (err != null && err.length != v.length) {
                throw new IllegalArgumentException("dot chart '" + title + "': series '" + e.getKey() + "' has " + err.length
                        + " error values for " + v.length + " values");
            }
            List<Double> vs = new ArrayList<>();
            List<Double> es = new ArrayList<>();
            for (int i = 0; i < v.length; i++) {
                double e2 = err == null || !Double.isFinite(err[i]) ? 0.0 : err[i];
                vs.add(Double.isFinite(v[i]) ? v[i] : null);
                es.add(e2);
                if (Double.isFinite(v[i])) {
                    lo = Math.min(lo, v[i] - e2);
                    hi = Math.max(hi, v[i] + e2);
                }
            }
            CategorySeries s = err == null ? chart.addSeries(e.getKey(), categories, vs) : chart.addSeries(e.getKey(), categories, vs, es);
            s.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Scatter);
            s.setMarker(markers.get(k % markers.size()));
            s.setMarkerColor(ChartStyle.PALETTE.get(k % ChartStyle.PALETTE.size()));
            k++;
        }
        if (lo == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("dot chart '" + title + "': no finite value to draw");
        }
        double margin = Math.max(1.0, 0.08 * (hi - lo));
        st.setYAxisMin(Math.floor(lo - margin));
        st.setYAxisMax(Math.ceil(hi + margin));
        return chart;
    }

    /**
     * Ours against the paper's: per category our mean with ± std error bars, and the paper's value
     * as a second marker (NaN where it reports none). The legend names both.
     */
    public static CategoryChart oursVsPaper(String title, String yLabel, List<String> categories, double[] mean, double[] std,
                                            String oursLabel, double[] paper, String paperLabel) {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put(oursLabel, mean);
        values.put(paperLabel, paper);
        return dots(title, yLabel, categories, values, Map.of(oursLabel, std));
    }
}
