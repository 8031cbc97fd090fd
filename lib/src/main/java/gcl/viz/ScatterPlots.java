package gcl.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * 2-D maps (t-SNE, PCA) coloured by group in the lessons' look ({@link ChartStyle}), anomalous in
 * red and normal in green as in the paper's Fig. 6. NaN points are refused.
 */
public final class ScatterPlots {
    private ScatterPlots() {
    }

    /**
     * A 2-D map (t-SNE, PCA) coloured by group, as the paper's Fig. 6. A group named "anomalous"
     * is red and drawn last (on top), "normal" is green; others take the palette in sorted order.
     *
     * @param xy     points as {@code {x, y}} rows; NaN is refused
     * @param groups one group name per point
     */
    public static XYChart scatter(String title, double[][] xy, String[] groups) {
        return scatter(title, "dimension 1", "dimension 2", xy, groups);
    }

    /** As {@link #scatter(String, double[][], String[])} with axis titles. */
    public static XYChart scatter(String title, String xLabel, String yLabel, double[][] xy, String[] groups) {
        Objects.requireNonNull(xy, "xy");
        Objects.requireNonNull(groups, "groups");
        if (xy.length == 0) {
            throw new IllegalArgumentException("scatter '" + title + "': no points");
        }
        if (xy.length != groups.length) {
            throw new IllegalArgumentException("scatter '" + title + "': " + xy.length + " points but " + groups.length + " group labels");
        }
        TreeMap<String, List<double[]>> byGroup = new TreeMap<>((a, b) -> {
            boolean aa = a.equalsIgnoreCase("anomalous");
            boolean bb = b.equalsIgnoreCase("anomalous");
            return aa == bb ? a.compareTo(b) : aa ? 1 : -1;
        });
        for (int i = 0; i < xy.length; i++) {
            if (xy[i].length != 2 || !Double.isFinite(xy[i][0]) || !Double.isFinite(xy[i][1])) {
                throw new IllegalArgumentException("scatter '" + title + "': point " + i + " is not two finite numbers: "
                        + Arrays.toString(xy[i]));
            }
            byGroup.computeIfAbsent(Objects.requireNonNull(groups[i], "group of point " + i), g -> new ArrayList<>()).add(xy[i]);
        }
        XYChart chart = ChartStyle.xyChart(title, xLabel, yLabel);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(5);
        int k = 0;
        for (Map.Entry<String, List<double[]>> e : byGroup.entrySet()) {
            List<double[]> pts = e.getValue();
            double[] xs = new double[pts.size()];
            double[] ys = new double[pts.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = pts.get(i)[0];
                ys[i] = pts.get(i)[1];
            }
            XYSeries s = chart.addSeries(e.getKey() + " (" + pts.size() + ")", xs, ys);
            Color c = ChartStyle.colourFor(e.getKey(), ChartStyle.PALETTE.get(k++ % ChartStyle.PALETTE.size()));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(ChartStyle.alpha(c, 170));
        }
        return chart;
    }

    /** A 2-D map coloured by integer group ("group 0", "group 1", …). */
    public static XYChart scatter(String title, double[][] xy, int[] groups) {
        Objects.requireNonNull(groups, "groups");
        String[] names = new String[groups.length];
        int width = String.valueOf(Arrays.stream(groups).map(Math::abs).max().orElse(0)).length();
        for (int i = 0; i < groups.length; i++) {
            names[i] = "group " + String.format(Locale.ROOT, "%0" + width + "d", groups[i]);
        }
        return scatter(title, xy, names);
    }

    /** A 2-D map coloured by ground truth: red anomalous, green normal (the paper's Fig. 6). */
    public static XYChart scatter(String title, double[][] xy, boolean[] anomalous) {
        Objects.requireNonNull(anomalous, "anomalous");
        String[] names = new String[anomalous.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = anomalous[i] ? "anomalous" : "normal";
        }
        return scatter(title, xy, names);
    }
}
