package gcl.nb;

import gcl.clean.CleaningQuality;
import gcl.clean.TemporalDifferenceFilter;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * The checks of lesson 02's exercises: the removal precision of TD cleaning, a prediction about a
 * higher percentile, and the mean AUC of a method over seeds.
 */
public final class CleaningChecks {
    private CleaningChecks() {
    }

    /** The share of the segments TD cleaning removed that are anomalous by the ground truth. */
    static double removalPrecision(TemporalDifferenceFilter.Result td, int segmentSize) {
        boolean[] anomalous = CleaningQuality.anomalousRows(td.set(), segmentSize);
        boolean[] kept = new boolean[anomalous.length];
        for (int r : td.keptRows()) {
            kept[r] = true;
        }
        int removed = 0;
        int removedAnomalous = 0;
        for (int r = 0; r < kept.length; r++) {
            if (!kept[r]) {
                removed++;
                removedAnomalous += anomalous[r] ? 1 : 0;
            }
        }
        return removed == 0 ? 0 : (double) removedAnomalous / removed;
    }

    /** Exercise "removal precision": the share of removed segments that are anomalous (a share, not %). */
    public static Checks.Result removalPrecision(TemporalDifferenceFilter.Result td, int segmentSize, double answer) {
        return Checks.number("removal precision", answer, removalPrecision(td, segmentSize), 1e-9,
                "the share of the segments TD removed that are truly anomalous",
                "the removed rows are those not in td.keptRows(); count how many of them "
                        + "CleaningQuality.anomalousRows(td.set(), 16) marks, and divide by how many were removed.");
    }

    /** A sweep row's value ({@link CleaningQuality#sweep}) by its threshold's text, e.g. {@code p70}. */
    static double sweepValue(Table sweep, String threshold, String column) {
        for (int i = 0; i < sweep.rowCount(); i++) {
            if (sweep.stringColumn("D_th").get(i).equals(threshold)) {
                return sweep.numberColumn(column).getDouble(i);
            }
        }
        throw new IllegalArgumentException("no threshold " + threshold + " in the sweep");
    }

    /** Exercise "p90 or p70": the prediction (more or less) of how contaminated p90's kept set is next to p70's. */
    public static Checks.Result contamination(Table sweep, String predicted) {
        double p70 = sweepValue(sweep, "p70", "anomalous in kept %");
        double p90 = sweepValue(sweep, "p90", "anomalous in kept %");
        return Checks.choice("p90 or p70", predicted, p90 > p70 ? "more" : "less", String.format(Locale.ROOT,
                "p90 keeps %.1f %% of the segments with %.2f %% anomalous; p70 keeps %.1f %% with %.2f %%: keeping more "
                        + "of the eventful transitions lets more of the anomalies back in.",
                sweepValue(sweep, "p90", "kept %"), p90, sweepValue(sweep, "p70", "kept %"), p70));
    }

    /** The mean of a method's {@code AUC %} over its rows of a runs table. */
    static double meanAuc(Table runs, String method) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < runs.rowCount(); i++) {
            if (runs.stringColumn("method").get(i).equals(method)) {
                sum += runs.numberColumn("AUC %").getDouble(i);
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no runs of " + method);
        }
        return sum / n;
    }

    /** Exercise "mean over seeds": the student's mean AUC % of a method over the seeds of a runs table. */
    public static Checks.Result meanAuc(Table runs, String method, double answer) {
        return Checks.number("mean over seeds", answer, meanAuc(runs, method), 1e-6,
                "the mean frame AUC % of " + method + " over this session's seeds",
                "keep the rows whose \"method\" is " + method + " (runs.where(...)) and take the mean of \"AUC %\".");
    }
}
