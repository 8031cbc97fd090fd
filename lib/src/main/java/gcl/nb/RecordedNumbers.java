package gcl.nb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Numbers read from a recorded Table 2 ({@code notebooks/results/table2-<data>.csv}) for a lesson's
 * prose: a method's mean AUC % under a preset, with its std over seeds, and methods in the order of
 * their means. A reading prints these instead of typing them, so it cannot drift from the files.
 */
public final class RecordedNumbers {
    private RecordedNumbers() {
    }

    /** The AUC % values of a method under a preset in a recorded Table 2, one per seed. */
    public static double[] values(String data, String method, String preset) {
        return values(Recorded.table("table2-" + data + ".csv"), method, preset);
    }

    static double[] values(Table runs, String method, String preset) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < runs.rowCount(); i++) {
            if (runs.stringColumn("method").get(i).equals(method) && runs.stringColumn("preset").get(i).equals(preset)
                    && !runs.numberColumn("AUC %").isMissing(i)) {
                v.add(runs.numberColumn("AUC %").getDouble(i));
            }
        }
        if (v.isEmpty()) {
            throw new IllegalArgumentException("no recorded runs of " + method + " under preset " + preset);
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A method's mean AUC % under a preset. */
    public static double mean(String data, String method, String preset) {
        return mean(values(data, method, preset));
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double std(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** "78.1 ± 0.6" (mean ± std over seeds, one decimal), or "77.0 (1 seed)". */
    public static String meanStd(String data, String method, String preset) {
        return meanStd(values(data, method, preset));
    }

    static String meanStd(double[] v) {
        return v.length < 2 ? String.format(Locale.ROOT, "%.1f (1 seed)", mean(v))
                : String.format(Locale.ROOT, "%.1f ± %.1f", mean(v), std(v));
    }

    /** The methods in the order of their means, e.g. "AE_AllData 78.1 ± 0.6 < AE_TD 79.5 ± 0.3 < AE_OCC 80.0 ± 0.4". */
    public static String order(String data, String preset, String... methods) {
        return order(Recorded.table("table2-" + data + ".csv"), preset, methods);
    }

    static String order(Table runs, String preset, String... methods) {
        List<String> sorted = new ArrayList<>(List.of(methods));
        sorted.sort(Comparator.comparingDouble(m -> mean(values(runs, m, preset))));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            double[] v = values(runs, sorted.get(i), preset);
            if (i > 0) {
                double previous = mean(values(runs, sorted.get(i - 1), preset));
                out.append(mean(v) == previous ? " = " : " < ");
            }
            out.append(sorted.get(i)).append(' ').append(meanStd(v));
        }
        return out.toString();
    }

    /** The largest minus the smallest mean AUC % of the methods under a preset, in points. */
    public static double range(String data, String preset, String... methods) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String m : methods) {
            double v = mean(data, m, preset);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    /** A column's values in the rows of a method (any preset) of a recorded runs file in {@code notebooks/results/}. */
    public static double[] valuesIn(String file, String method, String column) {
        return valuesIn(Recorded.table(file), method, column);
    }

    static double[] valuesIn(Table runs, String method, String column) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < runs.rowCount(); i++) {
            if (runs.stringColumn("method").get(i).equals(method) && !runs.numberColumn(column).isMissing(i)) {
                v.add(runs.numberColumn(column).getDouble(i));
            }
        }
        if (v.isEmpty()) {
            throw new IllegalArgumentException("no recorded values of " + column + " for " + method);
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** "84.3 ± 0.5": a column's mean ± std over a method's rows of a recorded runs file (one decimal). */
    public static String meanStdIn(String file, String method, String column) {
        return meanStd(valuesIn(file, method, column));
    }

    /** "0.97–1.00": the smallest and largest of a column over a method's rows of a recorded runs file. */
    public static String spanIn(String file, String method, String column) {
        return span(valuesIn(file, method, column));
    }

    static String span(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return String.format(Locale.ROOT, "%.2f–%.2f", lo, hi);
    }
}
