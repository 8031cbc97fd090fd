package gcl.eval;

import java.io.IOException;
import java.nio.file.Path;
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

    /** Writes {@link #table()} as CSV. */
    public void writeCsv(Path file) throws IOException {
        table().write().csv(file.toFile());
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "AUC %.4f (%s)  AP %.4f  AUC_G %.4f  AUC_D %.4f  [%d videos, %d frames, %d anomalous]",
                auc, scoreBy, averagePrecision, aucGenerator, aucDiscriminator, videos, frames, anomalousFrames);
    }
}
