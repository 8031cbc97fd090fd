package gcl.eval;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The final numbers of a run on a test split, from the model after the last configured epoch.
 *
 * @param auc              frame-level ROC AUC of the configured score source
 * @param averagePrecision frame-level average precision of the configured score source
 * @param aucGenerator     frame-level AUC of G's reconstruction error
 * @param aucDiscriminator frame-level AUC of D's probability (NaN for AE variants)
 * @param scoreBy          the configured score source ({@code discriminator} or {@code generator})
 * @param videos           test videos with ground truth
 * @param frames           frames evaluated
 * @param anomalousFrames  anomalous frames among them
 */
public record Metrics(double auc, double averagePrecision, double aucGenerator, double aucDiscriminator,
                      String scoreBy, int videos, int frames, int anomalousFrames) {
    /** One row: auc, average_precision, auc_g, auc_d, score_by, videos, frames, anomalous_frames. */
    public Table table() {
        return Table.create("metrics",
                DoubleColumn.create("auc", auc),
                DoubleColumn.create("average_precision", averagePrecision),
                DoubleColumn.create("auc_g", aucGenerator),
                DoubleColumn.create("auc_d", aucDiscriminator),
                StringColumn.create("score_by", scoreBy),
                IntColumn.create("videos", new int[] {videos}),
                IntColumn.create("frames", new int[] {frames}),
                IntColumn.create("anomalous_frames", new int[] {anomalousFrames}));
    }

    /**
     * Reads back the one row of {@link #table()}.
     *
     * @param where names the source in messages (a file)
     */
    public static Metrics fromTable(Table t, String where) {
        if (t.rowCount() != 1) {
            throw new IllegalStateException(where + ": expected one row of metrics, found " + t.rowCount());
        }
        for (String c : List.of("auc", "average_precision", "auc_g", "auc_d", "score_by", "videos", "frames", "anomalous_frames")) {
            if (!t.columnNames().contains(c)) {
                throw new IllegalStateException(where + ": no column '" + c + "' in the metrics " + t.columnNames());
            }
        }
        return new Metrics(number(t, "auc"), number(t, "average_precision"), number(t, "auc_g"), number(t, "auc_d"),
                t.column("score_by").getString(0), (int) number(t, "videos"), (int) number(t, "frames"),
                (int) number(t, "anomalous_frames"));
    }

    private static double number(Table t, String column) {
        var c = t.column(column);
        return c.isMissing(0) ? Double.NaN : ((Number) c.get(0)).doubleValue();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "AUC %.2f %% (%s)  AP %.2f %%  AUC_G %.2f %%  AUC_D %.2f %%  [%d videos, %d frames, %d anomalous]",
                100 * auc, scoreBy, 100 * averagePrecision, 100 * aucGenerator, 100 * aucDiscriminator, videos, frames, anomalousFrames);
    }
}
