package gcl.viz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** The checks and conversions every chart family makes on its input (messages name the series or column). */
final class ChartInputs {
    private ChartInputs() {
    }

    static void requireSeries(Map<String, double[]> series) {
        Objects.requireNonNull(series, "series");
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series, got none");
        }
    }

    static double[] requireValues(String name, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has no values");
        }
        return values;
    }

    /**
     * The length all series share; otherwise an exception naming the chart and the series that differs.
     *
     * @param chart  e.g. {@code line chart 'Training history'}
     * @param series what a series is called there (series, curve)
     * @param unit   what its values are (values, frames)
     */
    static int commonLength(Map<String, double[]> values, String chart, String series, String unit) {
        requireSeries(values);
        int n = -1;
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            double[] y = requireValues(e.getKey(), e.getValue());
            if (n >= 0 && y.length != n) {
                throw new IllegalArgumentException(chart + ": " + series + " '" + e.getKey() + "' has " + y.length + " " + unit
                        + ", the others " + n);
            }
            n = y.length;
        }
        return n;
    }

    static double[] oneToN(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    static List<Double> box(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(d);
        }
        return out;
    }

    /** A numeric column of a table as doubles, missing values as NaN. */
    static double[] numeric(Table table, String column) {
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
