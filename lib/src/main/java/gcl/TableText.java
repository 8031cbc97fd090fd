package gcl;

import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The one text rendering of a Tablesaw table, which the command line, the notebooks' plain-text
 * output ({@code gcl.nb.Show}) and {@code gcl data check} print.
 */
public final class TableText {
    private TableText() {
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
}
