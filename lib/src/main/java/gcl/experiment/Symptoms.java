package gcl.experiment;

import gcl.train.Diagnostics;
import gcl.train.HeldOutProbe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The symptoms of the failures lesson 03b diagnoses, read from a run's training history: signals that need no
 * test labels ({@link Diagnostics}): D upside down at the start, D over-labelling, labels locked onto
 * whole videos, labels that no longer move, dead units. Every run table carries them
 * ({@link Experiment#table}), so that a setting can be chosen on them and never on test AUC.
 */
public final class Symptoms {
    /** The columns {@link #of} returns, in order, with what each says. */
    public static final Map<String, String> SIGNALS = signals();

    /** Short readable names of the {@link #SIGNALS}, for the tables students read. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("d_agrees_g_first", "D agrees with G, first epoch"),
            Map.entry("d_agrees_g", "D agrees with G"),
            Map.entry("anomalous_by_g", "share G labels anomalous"),
            Map.entry("anomalous_by_d", "share D labels anomalous"),
            Map.entry("whole_videos_g", "G's labels in whole videos"),
            Map.entry("whole_videos_d", "D's labels in whole videos"),
            Map.entry("kept_d", "D's labels kept"),
            Map.entry("dead_g", "dead units in G"),
            Map.entry("dead_d", "dead units in D"),
            Map.entry("ho_agree", "D agrees with G, held-out videos"),
            Map.entry("fit_agree", "D agrees with G, training videos"));

    private Symptoms() {
    }

    /**
     * A signal's column name in the tables of this class: its readable name with the history
     * column's name after it, e.g. "D agrees with G (d_agrees_g)", so the table reads in words and
     * still names the column the lessons refer to.
     */
    public static String column(String signal) {
        return LABELS.getOrDefault(signal, signal) + " (" + signal + ")";
    }

    private static Map<String, String> signals() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("d_agrees_g_first", "D's agreement with G's labels (AUC on the batch) in D's first epoch: below 0.5 = D starts upside down");
        m.put("d_agrees_g", "the same in the last epoch of the loop");
        m.put("anomalous_by_g", "share G labels anomalous (last epoch)");
        m.put("anomalous_by_d", "share D labels anomalous (last epoch): far above G's = D over-labels");
        m.put("whole_videos_g", "share of G's labels in videos labelled (nearly) whole (last epoch): high = scene lock-in");
        m.put("whole_videos_d", "the same for D's labels");
        m.put("kept_d", "share of D's labels it also gave the epoch before (last epoch): near 1 = the labels no longer move");
        m.put("dead_g", "share of G's hidden units that output 0 for every probe segment (last epoch, all layers)");
        m.put("dead_d", "the same for D's hidden units");
        m.put("ho_agree", "D's agreement with G's labels on training videos held out of both networks' updates (last epoch; runs with heldOutShare > 0): below "
                + HeldOutProbe.MEMORISED + " = D memorised its training segments, its probabilities are unreliable");
        m.put("fit_agree", "the same on as many segments of the videos D trained on (near 1 when D fits G's labels)");
        return Collections.unmodifiableMap(m);
    }

    /**
     * The signals of one run from its history ({@link #SIGNALS}; NaN where the run has none, e.g. D's
     * for an autoencoder). "Last epoch" is the last epoch of the run; "first" is D's first epoch of
     * training (pre-training of D, else the loop).
     */
    public static Map<String, Double> of(Table history) {
        Map<String, Double> m = new LinkedHashMap<>();
        SIGNALS.keySet().forEach(k -> m.put(k, Double.NaN));
        if (history.rowCount() == 0) {
            return m;
        }
        int last = history.rowCount() - 1;
        if (history.columnNames().contains("d_agrees_g")) {
            NumericColumn<?> agree = history.numberColumn("d_agrees_g");
            for (int i = 0; i <= last; i++) {
                if (!agree.isMissing(i)) {
                    m.put("d_agrees_g_first", agree.getDouble(i));
                    break;
                }
            }
        }
        for (String column : List.of("d_agrees_g", "anomalous_by_g", "anomalous_by_d", "whole_videos_g", "whole_videos_d", "kept_d",
                "ho_agree", "fit_agree")) {
            m.put(column, value(history, column, last));
        }
        m.put("dead_g", meanOfLayers(history, "dead_g", last));
        m.put("dead_d", meanOfLayers(history, "dead_d", last));
        return m;
    }

    private static double value(Table history, String column, int row) {
        if (!history.columnNames().contains(column)) {
            return Double.NaN;
        }
        NumericColumn<?> c = history.numberColumn(column);
        return c.isMissing(row) ? Double.NaN : c.getDouble(row);
    }

    /** Mean over a network's hidden layers ({@code dead_g1}, {@code dead_g2}, ...) in one row. */
    private static double meanOfLayers(Table history, String prefix, int row) {
        double sum = 0;
        int n = 0;
        for (String c : history.columnNames()) {
            if (c.startsWith(prefix) && c.length() > prefix.length() && Character.isDigit(c.charAt(prefix.length()))) {
                double v = value(history, c, row);
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The mean of the values that are not NaN (NaN when there are none). */
    private static double meanOf(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The warnings of a runs table (as {@link Experiment#table} writes it): one line per run whose D
     * agreed with G on held-out videos below {@link gcl.train.HeldOutProbe#MEMORISED}.
     */
    public static List<String> warnings(Table runs) {
        List<String> out = new ArrayList<>();
        if (!runs.columnNames().contains("ho_agree")) {
            return out;
        }
        NumericColumn<?> ho = runs.numberColumn("ho_agree");
        for (int i = 0; i < runs.rowCount(); i++) {
            double v = ho.isMissing(i) ? Double.NaN : ho.getDouble(i);
            if (v < HeldOutProbe.MEMORISED) {
                out.add(String.format(Locale.ROOT, "%s seed %s: D agrees with G on held-out videos at %.2f only (ho_agree < %.1f):"
                                + " D memorised its training segments; AUC_D is unreliable and so is the 'either' score (D's rank"
                                + " wherever it is the larger); G's score (scoreBy=g) does not depend on D",
                        runs.stringColumn("method").get(i), runs.column("seed").getString(i), v, HeldOutProbe.MEMORISED));
            }
        }
        return out;
    }

    /**
     * Several runs side by side (lesson 03b): one row per signal, one column per run, with what each
     * signal says.
     */
    public static Table compare(List<Run> runs) {
        StringColumn signal = StringColumn.create("signal (no test labels)");
        StringColumn meaning = StringColumn.create("what it says");
        SIGNALS.forEach((k, v) -> {
            signal.append(column(k));
            meaning.append(v);
        });
        Table t = Table.create("Training diagnostics", signal);
        for (Run r : runs) {
            Map<String, Double> m = of(r.history());
            DoubleColumn c = DoubleColumn.create(r.name());
            SIGNALS.keySet().forEach(k -> c.append(Experiment.round(m.get(k))));
            t.addColumns(c);
        }
        return t.addColumns(meaning);
    }

    /**
     * Mean of every signal and of the AUC over the seeds of each trial of a runs table (as
     * {@link Experiment#table} writes it, e.g. {@code gcl ablate --remedies}): one row per trial, in
     * order of first appearance, AUC as mean ± std.
     */
    public static Table bySetting(Table runs) {
        Table aucs = Summaries.meanStd(runs, "method", "AUC %");
        StringColumn method = StringColumn.create("method");
        StringColumn auc = StringColumn.create("AUC % (mean ± std, for watching)");
        Map<String, DoubleColumn> means = new LinkedHashMap<>();
        SIGNALS.keySet().forEach(k -> means.put(k, DoubleColumn.create(column(k))));
        for (int i = 0; i < aucs.rowCount(); i++) {
            String m = aucs.stringColumn("method").get(i);
            method.append(m);
            int n = aucs.intColumn("n").get(i);
            auc.append(n > 1 ? String.format(Locale.ROOT, "%.1f ± %.1f", aucs.doubleColumn("mean").get(i), aucs.doubleColumn("std").get(i))
                    : String.format(Locale.ROOT, "%.1f (1 seed)", aucs.doubleColumn("mean").get(i)));
            Table rows = runs.where(runs.stringColumn("method").isEqualTo(m));
            for (var e : means.entrySet()) {
                e.getValue().append(rows.columnNames().contains(e.getKey())
                        ? Experiment.round(meanOf(rows.numberColumn(e.getKey()).asDoubleArray())) : Double.NaN);
            }
        }
        Table t = Table.create("Diagnostics by setting (means over seeds)", method);
        means.values().forEach(t::addColumns);
        return t.addColumns(auc);
    }
}
