package gcl.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import tech.tablesaw.api.Table;

/**
 * Bars with error bars in the lessons' look ({@link ChartStyle}): an ablation's mean AUC ± std per
 * method (Table 2), grouped bars of G and D (Fig. 9).
 */
public final class BarCharts {
    private BarCharts() {
    }

    /**
     * Bars with optional error bars, e.g. an ablation table's mean AUC ± std per method.
     *
     * @param errors half-lengths of the error bars (e.g. std), or null for none
     */
    public static CategoryChart bar(String title, String yLabel, List<String> categories, double[] values, double[] errors) {
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put(yLabel, values);
        Map<String, double[]> e = null;
        if (errors != null) {
            e = new LinkedHashMap<>();
            e.put(yLabel, errors);
        }
        CategoryChart chart = bar(title, yLabel, categories, v, e);
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    /**
     * Grouped bars: one colour per series, one group of bars per category (e.g. G and D per
     * weak-label fraction, Fig. 9).
     *
     * @param errors series name → error half-lengths, or null; a series missing from it gets none
     */
    public static CategoryChart bar(String title, String yLabel, List<String> categories,
                                    Map<String, double[]> values, Map<String, double[]> errors) {
        ChartInputs.requireSeries(values);
        CategoryChart chart = ChartStyle.categoryChart(title, yLabel, categories);
        var st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setAvailableSpaceFill(0.7);
        st.setLabelsVisible(values.size() == 1 && errors == null);
        st.setLabelsPosition(1.0);
        st.setLabelsFontColor(Color.DARK_GRAY);
        st.setLabelsFontColorAutomaticEnabled(false);
        int k = 0;
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            double[] v = ChartInputs.requireValues(e.getKey(), e.getValue());
            if (v.length != categories.size()) {
                throw new IllegalArgumentException("bar chart '" + title + "': series '" + e.getKey() + "' has " + v.length
                        + " values for " + categories.size() + " categories");
            }
            for (double d : v) {
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("bar chart '" + title + "': series '" + e.getKey() + "' has a NaN or infinite value");
                }
            }
            List<Double> vs = ChartInputs.box(v);
            CategorySeries s;
            double[] err = errors == null ? null : errors.get(e.getKey());
            if (err != null) {
                if (err.length != v.length) {
                    throw new IllegalArgumentException("bar chart '" + title + "': series '" + e.getKey() + "' has " + err.length
                            + " error values for " + v.length + " values");
                }
                List<Double> es = new ArrayList<>();
                for (double d : err) {
                    es.add(Double.isFinite(d) ? d : 0.0);
                }
                s = chart.addSeries(e.getKey(), categories, vs, es);
            } else {
                s = chart.addSeries(e.getKey(), categories, vs);
            }
            s.setFillColor(ChartStyle.PALETTE.get(k++ % ChartStyle.PALETTE.size()));
        }
        return chart;
    }

    /**
     * Bars from a summary table, e.g. {@code Summaries.meanStd}'s output: one bar per row, the
     * category from {@code categoryColumn}, height from {@code valueColumn}, error bar from
     * {@code errorColumn} (null for none; missing or NaN errors draw no bar).
     */
    public static CategoryChart bar(String title, String yLabel, Table table, String categoryColumn,
                                    String valueColumn, String errorColumn) {
        List<String> categories = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            categories.add(table.column(categoryColumn).getString(r));
        }
        return bar(title, yLabel, categories, ChartInputs.numeric(table, valueColumn), errorColumn == null ? null : ChartInputs.numeric(table, errorColumn));
    }
}
