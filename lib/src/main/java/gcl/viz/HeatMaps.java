package gcl.viz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Feature matrices as heat maps in the lessons' look ({@link ChartStyle}), segments along y and
 * feature dimensions along x, averaged down when large.
 */
public final class HeatMaps {
    /** Heat maps are averaged down to at most this many columns (and {@link #HEAT_MAP_MAX_ROWS} rows). */
    static final int HEAT_MAP_MAX_COLUMNS = 64;
    static final int HEAT_MAP_MAX_ROWS = 60;

    private HeatMaps() {
    }

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
        HeatMapChart chart = new HeatMapChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        var st = chart.getStyler();
        ChartStyle.styleCommon(st);
        ChartStyle.styleAxes(st);
        st.setPlotGridLinesVisible(false);
        st.setDecimalPattern("0.###");
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setPlotContentSize(1.0);
        st.setShowValue(false);
        st.setDrawBorder(false);
        st.setMin(lo);
        st.setMax(hi == lo ? lo + 1 : hi);
        st.setRangeColors(ChartStyle.VIRIDIS);
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
}
