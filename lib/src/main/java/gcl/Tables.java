package gcl;

import static tech.tablesaw.aggregate.AggregateFunctions.countNonMissing;
import static tech.tablesaw.aggregate.AggregateFunctions.max;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.min;
import static tech.tablesaw.aggregate.AggregateFunctions.stdDev;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Small Tablesaw helpers shared by every stage: rounding, mean ± std per group (the seed runs of
 * Fig. 10, the ablations of Table 2), and the one text rendering of a table that the command line,
 * the notebooks' plain-text output ({@code gcl.nb.Show}) and {@code gcl data check} print.
 */
public final class Tables {
    private Tables() {
    }

    /** A copy of {@code table} with every double and float column rounded to {@code decimals} places (missing stays missing). */
    public static Table round(Table table, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be ≥ 0, got " + decimals);
        }
        // Column by column rather than Table.copy(): on this class path Table.copy() goes through
        // Tablesaw's row selections, which fail against the older fastutil that DL4J brings.
        Table out = Table.create(table.name());
        for (Column<?> c : table.columns()) {
            out.addColumns(c.copy());
        }
        double scale = Math.pow(10, decimals);
        for (Column<?> c : out.columns()) {
            // instanceof, not c.type() == ColumnType.DOUBLE: Tablesaw's type constants are not
            // always the instances its columns report.
            if (c instanceof DoubleColumn d) {
                for (int r = 0; r < d.size(); r++) {
                    if (!d.isMissing(r)) {
                        d.set(r, roundTo(d.getDouble(r), scale));
                    }
                }
            } else if (c instanceof FloatColumn f) {
                for (int r = 0; r < f.size(); r++) {
                    if (!f.isMissing(r)) {
                        f.set(r, (float) roundTo(f.getFloat(r), scale));
                    }
                }
            }
        }
        return out;
    }

    /** {@link #meanStd(Table, String, String, int)} with two decimals. */
    public static Table meanStd(Table table, String groupColumn, String valueColumn) {
        return meanStd(table, groupColumn, valueColumn, 2);
    }

    /**
     * Mean and sample standard deviation (n − 1) of {@code valueColumn} per value of
     * {@code groupColumn}, groups in order of first appearance: columns {@code groupColumn},
     * {@code n}, {@code mean}, {@code std} (NaN for a single value), {@code min}, {@code max} and
     * {@code "mean ± std"} as text with {@code decimals} places, e.g. one row per method from a
     * (method, seed, AUC) results table.
     */
    public static Table meanStd(Table table, String groupColumn, String valueColumn, int decimals) {
        for (String c : List.of(groupColumn, valueColumn)) {
            if (!table.columnNames().contains(c)) {
                throw new IllegalArgumentException("table " + table.name() + " has no column '" + c + "'; it has " + table.columnNames());
            }
        }
        if (!(table.column(valueColumn) instanceof NumericColumn<?>)) {
            throw new IllegalArgumentException("column '" + valueColumn + "' of table " + table.name() + " is not numeric");
        }
        Table summary = table.summarize(valueColumn, countNonMissing, mean, stdDev, min, max).by(groupColumn);
        // Tablesaw orders groups its own way: put them back in order of first appearance.
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (int r = 0; r < summary.rowCount(); r++) {
            rowOf.put(summary.column(0).getString(r), r);
        }
        List<String> order = new ArrayList<>();
        Column<?> groups = table.column(groupColumn);
        for (int r = 0; r < groups.size(); r++) {
            String g = groups.getString(r);
            if (rowOf.containsKey(g) && !order.contains(g)) {
                order.add(g);
            }
        }
        StringColumn group = StringColumn.create(groupColumn);
        IntColumn n = IntColumn.create("n");
        DoubleColumn m = DoubleColumn.create("mean");
        DoubleColumn s = DoubleColumn.create("std");
        DoubleColumn lo = DoubleColumn.create("min");
        DoubleColumn hi = DoubleColumn.create("max");
        StringColumn text = StringColumn.create("mean ± std");
        for (String g : order) {
            int r = rowOf.get(g);
            double mu = ((NumericColumn<?>) summary.column(2)).getDouble(r);
            int count = (int) ((NumericColumn<?>) summary.column(1)).getDouble(r);
            double sd = count > 1 ? ((NumericColumn<?>) summary.column(3)).getDouble(r) : Double.NaN;
            group.append(g);
            n.append(count);
            m.append(mu);
            s.append(sd);
            lo.append(((NumericColumn<?>) summary.column(4)).getDouble(r));
            hi.append(((NumericColumn<?>) summary.column(5)).getDouble(r));
            text.append(format(mu, decimals) + " ± " + (Double.isNaN(sd) ? "–" : format(sd, decimals)));
        }
        String name = table.name() == null || table.name().isBlank() ? valueColumn + " by " + groupColumn : table.name();
        return Table.create(name, group, n, m, s, lo, hi, text);
    }

    /**
     * A table as aligned text: its name on the first line (when it has one), then the column names
     * and at most {@code maxRows} rows; text columns are aligned left, numbers right, floating-point
     * numbers shown by {@link #formatNumber}, missing values blank.
     */
    public static String text(Table table, int maxRows) {
        int cols = table.columnCount();
        int rows = Math.min(maxRows, table.rowCount());
        String[][] cells = new String[rows + 1][cols];
        int[] width = new int[cols];
        for (int c = 0; c < cols; c++) {
            cells[0][c] = table.column(c).name();
            for (int r = 0; r < rows; r++) {
                cells[r + 1][c] = cell(table.column(c), r);
            }
            for (int r = 0; r <= rows; r++) {
                width[c] = Math.max(width[c], cells[r][c].length());
            }
        }
        StringBuilder s = new StringBuilder();
        if (table.name() != null && !table.name().isBlank()) {
            s.append(table.name()).append('\n');
        }
        for (int r = 0; r <= rows; r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                boolean left = !(table.column(c) instanceof NumericColumn<?>);
                line.append(c == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%" + (left ? "-" : "") + width[c] + "s", cells[r][c]));
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
        if (table.rowCount() > rows) {
            s.append("... ").append(table.rowCount() - rows).append(" more rows\n");
        }
        return s.toString();
    }

    /** The text of a cell: floating-point numbers by {@link #formatNumber}, missing values blank. */
    public static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        if (column instanceof DoubleColumn || column instanceof FloatColumn) {
            return formatNumber(((Number) column.get(row)).doubleValue());
        }
        return String.valueOf(column.get(row));
    }

    /** A number as tables show it: up to 4 decimals without trailing zeros, scientific when tiny or huge. */
    public static String formatNumber(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v != 0 && (Math.abs(v) >= 1e7 || Math.abs(v) < 1e-4)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    private static double roundTo(double v, double scale) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double r = Math.round(v * scale) / scale;
        return r == 0 ? 0.0 : r; // no -0
    }

    private static String format(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
