package gcl.viz;

import gcl.data.Video;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.series.AxesChartSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The charts of the lessons, built the same way everywhere: {@value #WIDTH}×{@value #HEIGHT}
 * pixels, a title, axis titles, a legend, white background, one fixed colour order
 * ({@link #PALETTE}), anomalous in red and normal in green as in the paper's figures.
 *
 * <p>Each builder returns an XChart chart (or a {@link BufferedImage} for image grids) that
 * {@code gcl.nb.Show.chart(...)} / {@code Show.image(...)} renders; style it further through
 * {@code chart.getStyler()} when a lesson needs to.
 *
 * <p>Bad input: empty series, series of different lengths, and labels that do not match their
 * values throw {@link IllegalArgumentException} naming the series. NaN values are handled per
 * chart and said in each method's doc: line charts draw them as gaps, histograms leave them out
 * (the legend says how many), scatter plots and heat maps refuse them.
 */
public final class Charts {
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
    /** Name of the series that shades the ground-truth anomalous frames on a timeline. */
    public static final String GROUND_TRUTH = "ground truth: anomalous";

    private static final String FONT = Font.SANS_SERIF;
    /** Heat maps are averaged down to at most this many columns (and {@link #HEAT_MAP_MAX_ROWS} rows). */
    static final int HEAT_MAP_MAX_COLUMNS = 64;
    static final int HEAT_MAP_MAX_ROWS = 60;

    private Charts() {
    }

    // ---------------------------------------------------------------- line charts

    /**
     * Curves over a common x axis: training history (losses, AUC over epochs), one curve per NL
     * target (the paper's Fig. 5), one curve per seed (Fig. 10).
     *
     * @param seriesY series name → y values, drawn in map order (use a {@link LinkedHashMap});
     *                NaN values are drawn as gaps
     * @param x       the x values shared by all series, or null for 1, 2, …, n (epochs count from 1)
     */
    public static XYChart line(String title, String xLabel, String yLabel, Map<String, double[]> seriesY, double[] x) {
        requireSeries(seriesY);
        XYChart chart = xyChart(title, xLabel, yLabel);
        int n = -1;
        for (Map.Entry<String, double[]> e : seriesY.entrySet()) {
            double[] y = requireValues(e.getKey(), e.getValue());
            if (n >= 0 && y.length != n) {
                throw new IllegalArgumentException("line chart '" + title + "': series '" + e.getKey() + "' has "
                        + y.length + " values, the others " + n);
            }
            n = y.length;
        }
        double[] xs = x == null ? oneToN(n) : x;
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
            series.put(c, numeric(table, c));
        }
        return line(title, xColumn, yLabel, series, numeric(table, xColumn));
    }

    /** Adds a dashed vertical line at {@code x} spanning the chart's current y range, e.g. a threshold D_th. */
    public static XYChart addVerticalLine(XYChart chart, double x, String label) {
        double[] range = yRange(chart);
        XYSeries s = chart.addSeries(label, new double[] {x, x}, range);
        referenceLine(s, Color.BLACK);
        return chart;
    }

    /** Adds a dashed horizontal line at {@code y} spanning the chart's current x range, e.g. chance AUC 0.5 or μ+σ. */
    public static XYChart addHorizontalLine(XYChart chart, double y, String label) {
        double[] range = xRange(chart);
        XYSeries s = chart.addSeries(label, range, new double[] {y, y});
        referenceLine(s, new Color(90, 90, 90));
        return chart;
    }

    // ---------------------------------------------------------------- histograms

    /**
     * Overlaid histograms on common bins, each normalised to a density (area 1), so that groups
     * of different sizes compare: score distributions of normal vs anomalous segments (the
     * paper's Fig. 4), temporal differences (then {@link #addVerticalLine} for D_th).
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
        requireSeries(values);
        if (bins < 1) {
            throw new IllegalArgumentException("histogram '" + title + "': bins must be at least 1, got " + bins);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        Map<String, double[]> finite = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            double[] v = Arrays.stream(requireValues(e.getKey(), e.getValue())).filter(Double::isFinite).toArray();
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
        XYChart chart = xyChart(title, xLabel, density ? "density" : "count");
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
            Color c = PALETTE.get(k++ % PALETTE.size());
            c = colourFor(e.getKey(), c);
            s.setLineColor(c);
            s.setFillColor(alpha(c, 70));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineWidth(1.5f);
        }
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    // ---------------------------------------------------------------- scatter

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
        XYChart chart = xyChart(title, xLabel, yLabel);
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
            Color c = colourFor(e.getKey(), PALETTE.get(k++ % PALETTE.size()));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(alpha(c, 170));
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

    // ---------------------------------------------------------------- score timelines

    /**
     * A video's frame-level anomaly scores with its ground-truth anomalous intervals shaded as
     * red boxes (the paper's Fig. 8). Scores in [0, 1] get a fixed 0–1 axis.
     *
     * @param frameScores one score per frame; NaN is a gap
     * @param groundTruth one flag per frame (true = anomalous), or null when unknown (no boxes)
     */
    public static XYChart scoreTimeline(String title, double[] frameScores, boolean[] groundTruth) {
        return scoreTimeline(title, Map.of("score", frameScores), groundTruth);
    }

    /**
     * Several score curves of one video over the same frames with the ground truth shaded, e.g.
     * the scores after each epoch (the paper's Fig. 7) or G's and D's scores. Curves take the
     * palette in map order while there are at most {@link #PALETTE}-size of them, and a light to
     * dark blue ramp (first to last) beyond.
     */
    public static XYChart scoreTimeline(String title, Map<String, double[]> curves, boolean[] groundTruth) {
        requireSeries(curves);
        int n = -1;
        boolean unit = true;
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            double[] y = requireValues(e.getKey(), e.getValue());
            if (n >= 0 && y.length != n) {
                throw new IllegalArgumentException("score timeline '" + title + "': curve '" + e.getKey() + "' has "
                        + y.length + " frames, the others " + n);
            }
            n = y.length;
            for (double v : y) {
                if (Double.isFinite(v)) {
                    unit &= v >= 0 && v <= 1;
                    top = Math.max(top, v);
                    bottom = Math.min(bottom, v);
                }
            }
        }
        if (groundTruth != null && groundTruth.length != n) {
            throw new IllegalArgumentException("score timeline '" + title + "': ground truth has " + groundTruth.length
                    + " frames but the scores " + n);
        }
        if (top == Double.NEGATIVE_INFINITY) {
            top = 1;
            bottom = 0;
        }
        double yMin = unit ? 0 : Math.min(0, bottom);
        double yMax = unit ? 1 : top + 0.05 * Math.max(top - yMin, 1e-9);
        XYChart chart = xyChart(title, "frame", "anomaly score");
        AxesChartStyler st = chart.getStyler();
        st.setYAxisMin(yMin);
        st.setYAxisMax(yMax);
        st.setXAxisMin(0.0);
        st.setXAxisMax((double) Math.max(n - 1, 1));
        if (groundTruth != null && anyTrue(groundTruth)) {
            double[][] box = boxes(groundTruth, yMin, yMax);
            XYSeries s = chart.addSeries(GROUND_TRUTH, box[0], box[1]);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
            s.setFillColor(alpha(ANOMALOUS, 55));
            s.setLineColor(alpha(ANOMALOUS, 110));
            s.setLineWidth(1f);
            s.setMarker(SeriesMarkers.NONE);
        }
        double[] frames = new double[n];
        for (int i = 0; i < n; i++) {
            frames[i] = i;
        }
        int k = 0;
        int count = curves.size();
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            XYSeries s = chart.addSeries(e.getKey(), frames, e.getValue());
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(count == 1 ? 2f : 1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            s.setLineColor(count <= PALETTE.size() ? PALETTE.get(k) : ramp(k, count));
            k++;
        }
        return chart;
    }

    /** {@link #scoreTimeline(String, double[], boolean[])} of a test video, titled by its id, shaded by its ground truth. */
    public static XYChart scoreTimeline(Video video, double[] frameScores) {
        return scoreTimeline(video.id() + " (" + video.label().name().toLowerCase(Locale.ROOT) + ")", frameScores, video.groundTruth());
    }

    // ---------------------------------------------------------------- heat maps

    /**
     * A feature matrix as a heat map, rows (segments) along y and columns (feature dimensions)
     * along x. A large matrix is averaged down to at most {@value #HEAT_MAP_MAX_COLUMNS} column
     * bins and {@value #HEAT_MAP_MAX_ROWS} row bins first (a 200×2048 matrix then draws in well
     * under a second); the axis ticks give the original indices of each bin's start.
     *
     * @param matrix [rows, columns], finite values
     */
    public static HeatMapChart heatMap(String title, float[][] matrix, String xLabel, String yLabel) {
        Objects.requireNonNull(matrix, "matrix");
        if (matrix.length == 0 || matrix[0].length == 0) {
            throw new IllegalArgumentException("heat map '" + title + "': empty matrix");
        }
        int rows = matrix.length;
        int cols = matrix[0].length;
        for (int r = 0; r < rows; r++) {
            if (matrix[r].length != cols) {
                throw new IllegalArgumentException("heat map '" + title + "': row " + r + " has " + matrix[r].length
                        + " values, row 0 has " + cols);
            }
            for (float v : matrix[r]) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("heat map '" + title + "': row " + r + " has a NaN or infinite value");
                }
            }
        }
        int[] rowStart = binStarts(rows, HEAT_MAP_MAX_ROWS);
        int[] colStart = binStarts(cols, HEAT_MAP_MAX_COLUMNS);
        List<Number[]> cells = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int bi = 0; bi < rowStart.length; bi++) {
            int r0 = rowStart[bi];
            int r1 = bi + 1 < rowStart.length ? rowStart[bi + 1] : rows;
            for (int bj = 0; bj < colStart.length; bj++) {
                int c0 = colStart[bj];
                int c1 = bj + 1 < colStart.length ? colStart[bj + 1] : cols;
                double sum = 0;
                for (int r = r0; r < r1; r++) {
                    for (int c = c0; c < c1; c++) {
                        sum += matrix[r][c];
                    }
                }
                // 4 significant digits: XChart prints the colour bar's ends as raw doubles
                double mean = Double.parseDouble(String.format(Locale.ROOT, "%.4g", sum / ((r1 - r0) * (double) (c1 - c0))));
                lo = Math.min(lo, mean);
                hi = Math.max(hi, mean);
                cells.add(new Number[] {bj, bi, mean});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        var st = chart.getStyler();
        styleCommon(st);
        styleAxes(st);
        st.setPlotGridLinesVisible(false);
        st.setDecimalPattern("0.###");
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setPlotContentSize(1.0);
        st.setShowValue(false);
        st.setDrawBorder(false);
        st.setMin(lo);
        st.setMax(hi == lo ? lo + 1 : hi);
        st.setRangeColors(VIRIDIS);
        st.setHeatMapDecimalValueFormatter(v -> String.format(Locale.ROOT, "%.3g", v));
        st.setXAxisTickMarkSpacingHint(60);
        int xEvery = Math.max(1, (int) Math.ceil(colStart.length / 12.0));
        int yEvery = Math.max(1, (int) Math.ceil(rowStart.length / 10.0));
        chart.setCustomXAxisTickLabelsFormatter(v -> tickLabel(v, colStart, xEvery));
        chart.setCustomYAxisTickLabelsFormatter(v -> tickLabel(v, rowStart, yEvery));
        List<Integer> xIndex = new ArrayList<>();
        for (int j = 0; j < colStart.length; j++) {
            xIndex.add(j);
        }
        List<Integer> yIndex = new ArrayList<>();
        for (int i = 0; i < rowStart.length; i++) {
            yIndex.add(i);
        }
        chart.addSeries("value", xIndex, yIndex, cells);
        return chart;
    }

    /** A feature matrix ([rows, columns] INDArray, e.g. a video's segment features) as a heat map. */
    public static HeatMapChart heatMap(String title, INDArray matrix, String xLabel, String yLabel) {
        Objects.requireNonNull(matrix, "matrix");
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("heat map '" + title + "': needs a matrix, got shape " + Arrays.toString(matrix.shape()));
        }
        return heatMap(title, matrix.toFloatMatrix(), xLabel, yLabel);
    }

    /** A video's feature matrix: segments along y, feature dimensions along x. */
    public static HeatMapChart heatMap(String title, INDArray segmentsByDims) {
        return heatMap(title, segmentsByDims, "feature dimension", "segment");
    }

    // ---------------------------------------------------------------- bars

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
        requireSeries(values);
        Objects.requireNonNull(categories, "categories");
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("bar chart '" + title + "': no categories");
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("").yAxisTitle(yLabel).build();
        var st = chart.getStyler();
        styleCommon(st);
        styleAxes(st);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setPlotGridVerticalLinesVisible(false);
        st.setAvailableSpaceFill(0.7);
        st.setErrorBarsColor(Color.BLACK);
        st.setLabelsVisible(values.size() == 1 && errors == null);
        st.setLabelsPosition(1.0);
        st.setLabelsFontColor(Color.DARK_GRAY);
        st.setLabelsFontColorAutomaticEnabled(false);
        if (categories.stream().mapToInt(String::length).sum() > 70) {
            st.setXAxisLabelRotation(30);
        }
        int k = 0;
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            double[] v = requireValues(e.getKey(), e.getValue());
            if (v.length != categories.size()) {
                throw new IllegalArgumentException("bar chart '" + title + "': series '" + e.getKey() + "' has " + v.length
                        + " values for " + categories.size() + " categories");
            }
            for (double d : v) {
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("bar chart '" + title + "': series '" + e.getKey() + "' has a NaN or infinite value");
                }
            }
            List<Double> vs = box(v);
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
            s.setFillColor(PALETTE.get(k++ % PALETTE.size()));
        }
        return chart;
    }

    /**
     * Bars from a summary table, e.g. {@link Tables#meanStd}'s output: one bar per row, the
     * category from {@code categoryColumn}, height from {@code valueColumn}, error bar from
     * {@code errorColumn} (null for none; missing or NaN errors draw no bar).
     */
    public static CategoryChart bar(String title, String yLabel, Table table, String categoryColumn,
                                    String valueColumn, String errorColumn) {
        List<String> categories = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            categories.add(table.column(categoryColumn).getString(r));
        }
        return bar(title, yLabel, categories, numeric(table, valueColumn), errorColumn == null ? null : numeric(table, errorColumn));
    }

    // ---------------------------------------------------------------- image grids

    /** Images side by side, {@code cols} per row, e.g. a few frames of a video. */
    public static BufferedImage grid(List<BufferedImage> images, int cols) {
        return grid(images, cols, null);
    }

    /**
     * Images in a grid, {@code cols} per row, each in a cell as large as the largest image and
     * with its caption (e.g. "frame 48") under it when {@code captions} is given.
     */
    public static BufferedImage grid(List<BufferedImage> images, int cols, List<String> captions) {
        Objects.requireNonNull(images, "images");
        if (images.isEmpty()) {
            throw new IllegalArgumentException("image grid: no images");
        }
        if (cols < 1) {
            throw new IllegalArgumentException("image grid: cols must be at least 1, got " + cols);
        }
        if (captions != null && captions.size() != images.size()) {
            throw new IllegalArgumentException("image grid: " + captions.size() + " captions for " + images.size() + " images");
        }
        int cellW = 0;
        int cellH = 0;
        for (BufferedImage im : images) {
            cellW = Math.max(cellW, im.getWidth());
            cellH = Math.max(cellH, im.getHeight());
        }
        int pad = 6;
        Font font = new Font(FONT, Font.PLAIN, 13);
        int captionH = captions == null ? 0 : 20;
        int c = Math.min(cols, images.size());
        int r = (images.size() + c - 1) / c;
        int w = pad + c * (cellW + pad);
        int h = pad + r * (cellH + captionH + pad);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < images.size(); i++) {
                BufferedImage im = images.get(i);
                int x0 = pad + (i % c) * (cellW + pad);
                int y0 = pad + (i / c) * (cellH + captionH + pad);
                g.drawImage(im, x0 + (cellW - im.getWidth()) / 2, y0 + (cellH - im.getHeight()) / 2, null);
                if (captions != null) {
                    String s = captions.get(i);
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(s, x0 + (cellW - fm.stringWidth(s)) / 2, y0 + cellH + fm.getAscent() + 3);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    // ---------------------------------------------------------------- shared style

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

    private static void styleCommon(Styler st) {
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

    private static void styleAxes(AxesChartStyler st) {
        st.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
        st.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 11));
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setPlotGridLinesStroke(new BasicStroke(1f));
        st.setAxisTicksMarksVisible(true);
        st.setLocale(Locale.ROOT);
    }

    /** A perceptually uniform dark-blue → green → yellow scale (viridis' end and mid points). */
    private static final Color[] VIRIDIS = {
        new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140), new Color(94, 201, 98), new Color(253, 231, 37),
    };

    private static void referenceLine(XYSeries s, Color c) {
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(c);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    private static double[] yRange(XYChart chart) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (AxesChartSeries s : chart.getSeriesMap().values()) {
            if (Double.isFinite(s.getYMin())) {
                lo = Math.min(lo, s.getYMin());
            }
            if (Double.isFinite(s.getYMax())) {
                hi = Math.max(hi, s.getYMax());
            }
        }
        Double axisMin = chart.getStyler().getYAxisMin();
        Double axisMax = chart.getStyler().getYAxisMax();
        lo = axisMin != null ? axisMin : lo == Double.POSITIVE_INFINITY ? 0 : lo;
        hi = axisMax != null ? axisMax : hi == Double.NEGATIVE_INFINITY ? 1 : hi;
        return new double[] {lo, hi};
    }

    private static double[] xRange(XYChart chart) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (AxesChartSeries s : chart.getSeriesMap().values()) {
            if (Double.isFinite(s.getXMin())) {
                lo = Math.min(lo, s.getXMin());
            }
            if (Double.isFinite(s.getXMax())) {
                hi = Math.max(hi, s.getXMax());
            }
        }
        return new double[] {lo == Double.POSITIVE_INFINITY ? 0 : lo, hi == Double.NEGATIVE_INFINITY ? 1 : hi};
    }

    /** The outline of the ground-truth boxes: 0 outside anomalous runs, {@code top} inside, vertical edges. */
    static double[][] boxes(boolean[] anomalous, double bottom, double top) {
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, bottom});
        int n = anomalous.length;
        int i = 0;
        while (i < n) {
            if (!anomalous[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && anomalous[i]) {
                i++;
            }
            // frames [start, i) are anomalous: a box from start to i − 1 (at least one frame wide)
            double x0 = start;
            double x1 = Math.max(i - 1, start + 1);
            pts.add(new double[] {x0, bottom});
            pts.add(new double[] {x0, top});
            pts.add(new double[] {x1, top});
            pts.add(new double[] {x1, bottom});
        }
        pts.add(new double[] {Math.max(n - 1, 1), bottom});
        double[][] xy = new double[2][pts.size()];
        for (int k = 0; k < pts.size(); k++) {
            xy[0][k] = pts.get(k)[0];
            xy[1][k] = pts.get(k)[1];
        }
        return xy;
    }

    private static boolean anyTrue(boolean[] b) {
        for (boolean v : b) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    /** Starts of at most {@code max} near-equal bins over {@code n} indices. */
    static int[] binStarts(int n, int max) {
        int bins = Math.min(n, max);
        int[] starts = new int[bins];
        for (int b = 0; b < bins; b++) {
            starts[b] = (int) ((long) b * n / bins);
        }
        return starts;
    }

    private static String tickLabel(double v, int[] starts, int every) {
        int i = (int) Math.round(v);
        if (i < 0 || i >= starts.length || i % every != 0) {
            return "";
        }
        return String.valueOf(starts[i]);
    }

    private static Color colourFor(String group, Color fallback) {
        String g = group.toLowerCase(Locale.ROOT);
        if (g.equals("anomalous") || g.startsWith("anomalous ")) {
            return ANOMALOUS;
        }
        if (g.equals("normal") || g.startsWith("normal ")) {
            return NORMAL;
        }
        return fallback;
    }

    private static Color alpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    /** Light to dark blue, k of n. */
    private static Color ramp(int k, int n) {
        double t = n <= 1 ? 1 : k / (double) (n - 1);
        Color light = new Color(198, 219, 239);
        Color dark = new Color(8, 48, 107);
        return new Color((int) Math.round(light.getRed() + t * (dark.getRed() - light.getRed())),
                (int) Math.round(light.getGreen() + t * (dark.getGreen() - light.getGreen())),
                (int) Math.round(light.getBlue() + t * (dark.getBlue() - light.getBlue())));
    }

    private static void requireSeries(Map<String, double[]> series) {
        Objects.requireNonNull(series, "series");
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series, got none");
        }
    }

    private static double[] requireValues(String name, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has no values");
        }
        return values;
    }

    private static double[] oneToN(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    private static List<Double> box(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(d);
        }
        return out;
    }

    private static double[] numeric(Table table, String column) {
        if (!table.columnNames().contains(column)) {
            throw new IllegalArgumentException("table " + table.name() + " has no column '" + column + "'; it has " + table.columnNames());
        }
        if (!(table.column(column) instanceof NumericColumn<?> c)) {
            throw new IllegalArgumentException("column '" + column + "' of table " + table.name() + " is not numeric");
        }
        double[] v = c.asDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (c.isMissing(i)) {
                v[i] = Double.NaN;
            }
        }
        return v;
    }
}
