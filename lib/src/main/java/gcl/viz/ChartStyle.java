package gcl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look every chart of the lessons shares: {@value #WIDTH}×{@value #HEIGHT} pixels, a title,
 * axis titles, a legend, white background, one fixed colour order ({@link #PALETTE}), anomalous in
 * red and normal in green as in the paper's figures.
 *
 * <p>The chart families build on it: {@link LineCharts}, {@link Histograms}, {@link ScatterPlots},
 * {@link Timelines}, {@link HeatMaps}, {@link BarCharts} and {@link ImageGrids}. Each builder
 * returns an XChart chart (or a {@link java.awt.image.BufferedImage} for image grids) that
 * {@code gcl.nb.Show.chart(...)} / {@code Show.image(...)} renders; style it further through
 * {@code chart.getStyler()} when a lesson needs to.
 *
 * <p>Bad input: empty series, series of different lengths, and labels that do not match their
 * values throw {@link IllegalArgumentException} naming the series. NaN values are handled per
 * family and said in each one's doc: line charts draw them as gaps, histograms leave them out
 * (the legend says how many), scatter plots and heat maps refuse them.
 */
public final class ChartStyle {
    /** Default chart width in pixels. */
    public static final int WIDTH = 800;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 400;
    /** Series colours in order (the Tableau 10 colours). */
    public static final List<Color> PALETTE = List.of(
            new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
            new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
            new Color(188, 189, 34), new Color(23, 190, 207));
    /** Colour of anomalous points and ground-truth boxes (the paper's red). */
    public static final Color ANOMALOUS = new Color(214, 39, 40);
    /** Colour of normal points (the paper's green). */
    public static final Color NORMAL = new Color(44, 160, 44);

    static final String FONT = Font.SANS_SERIF;

    /** A perceptually uniform dark-blue → green → yellow scale (viridis' end and mid points). */
    static final Color[] VIRIDIS = {
        new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140), new Color(94, 201, 98), new Color(253, 231, 37),
    };

    private ChartStyle() {
    }

    /** An empty XY chart with the lessons' look. */
    public static XYChart xyChart(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        var st = chart.getStyler();
        styleCommon(st);
        styleAxes(st);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setSeriesColors(PALETTE.toArray(new Color[0]));
        st.setMarkerSize(5);
        BasicStroke[] solid = new BasicStroke[PALETTE.size()];
        Arrays.fill(solid, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        st.setSeriesLines(solid);
        return chart;
    }

    /**
     * An empty category chart with the lessons' look (bars, dots): no x axis title, no vertical
     * grid lines, category labels slanted when together they are long.
     */
    static CategoryChart categoryChart(String title, String yLabel, List<String> categories) {
        Objects.requireNonNull(categories, "categories");
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("chart '" + title + "': no categories");
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("").yAxisTitle(yLabel).build();
        var st = chart.getStyler();
        styleCommon(st);
        styleAxes(st);
        st.setPlotGridVerticalLinesVisible(false);
        st.setErrorBarsColor(Color.BLACK);
        if (categories.stream().mapToInt(String::length).sum() > 70) {
            st.setXAxisLabelRotation(30);
        }
        return chart;
    }

    /** Background, title, legend and fonts of every chart. */
    static void styleCommon(Styler st) {
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(Color.GRAY);
        st.setChartTitleFont(new Font(FONT, Font.BOLD, 15));
        st.setChartTitleBoxVisible(false);
        st.setLegendFont(new Font(FONT, Font.PLAIN, 12));
        st.setLegendBorderColor(Color.LIGHT_GRAY);
        st.setLegendBackgroundColor(Color.WHITE);
        st.setAntiAlias(true);
        st.setToolTipsEnabled(false);
        st.setChartPadding(10);
    }

    /** Axis titles, tick labels and grid lines of every chart with axes. */
    static void styleAxes(AxesChartStyler st) {
        st.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
        st.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 11));
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setPlotGridLinesStroke(new BasicStroke(1f));
        st.setAxisTicksMarksVisible(true);
        st.setLocale(Locale.ROOT);
    }

    /** A dashed reference line (a threshold, a mean). */
    static void referenceLine(XYSeries s, Color c) {
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(c);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    /** Red for a group named "anomalous ...", green for "normal ...", else the fallback. */
    static Color colourFor(String group, Color fallback) {
        String g = group.toLowerCase(Locale.ROOT);
        if (g.equals("anomalous") || g.startsWith("anomalous ")) {
            return ANOMALOUS;
        }
        if (g.equals("normal") || g.startsWith("normal ")) {
            return NORMAL;
        }
        return fallback;
    }

    /** A colour with another opacity (0–255). */
    static Color alpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    /** Light to dark blue, k of n. */
    static Color ramp(int k, int n) {
        double t = n <= 1 ? 1 : k / (double) (n - 1);
        Color light = new Color(198, 219, 239);
        Color dark = new Color(8, 48, 107);
        return new Color((int) Math.round(light.getRed() + t * (dark.getRed() - light.getRed())),
                (int) Math.round(light.getGreen() + t * (dark.getGreen() - light.getGreen())),
                (int) Math.round(light.getBlue() + t * (dark.getBlue() - light.getBlue())));
    }
}
