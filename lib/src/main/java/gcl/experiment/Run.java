package gcl.experiment;

import gcl.data.FeatureSet;
import gcl.eval.Metrics;
import gcl.eval.Runs;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A finished run of an experiment, fresh or read back from the {@link RunCache}.
 *
 * @param name      the trial's name
 * @param config    its full config (seed included)
 * @param metrics   frame-level metrics of the model after the last configured epoch
 * @param history   the per-epoch training history (test AUC columns for plots only)
 * @param dir       its run directory (config.json, checkpoint, history.csv, metrics.csv)
 * @param fromCache whether it was read back rather than trained now
 * @param seconds   how long it took to get it (training, or reading back)
 */
public record Run(String name, GclConfig config, Metrics metrics, Table history, Path dir, boolean fromCache,
                  double seconds) {

    /** The trained model (G, and D for GCL variants), loaded from the run directory. */
    public GclModel model() {
        return Runs.load(dir);
    }

    /** Per-segment scores of a set by this run's model (see {@link Runs#segmentScores}). */
    public Table segmentScores(FeatureSet set, int segmentSize) {
        return Runs.segmentScores(model(), set, segmentSize);
    }

    /**
     * How long training took, summed over the epochs of its history (pre-training included), even
     * when the run was read back from the cache; NaN when the history has no {@code seconds}.
     */
    public double trainingSeconds() {
        if (!history.columnNames().contains("seconds")) {
            return Double.NaN;
        }
        double sum = 0;
        var column = history.column("seconds");
        for (int i = 0; i < history.rowCount(); i++) {
            if (!column.isMissing(i)) {
                sum += ((Number) column.get(i)).doubleValue();
            }
        }
        return sum;
    }

    /** Frame-level AUC in percent, as the paper reports it. */
    public double aucPercent() {
        return 100 * metrics.auc();
    }

    /** Reads a finished run back from its directory. */
    static Run read(String name, GclConfig config, Path dir, double seconds) {
        RunDirectory run = new RunDirectory(dir);
        return new Run(name, config, readMetrics(run.metricsFile()), readCsv(run.historyFile()), dir, true, seconds);
    }

    static Table readCsv(Path file) {
        if (!Files.exists(file)) {
            return Table.create(file.getFileName().toString());
        }
        try {
            return Table.read().csv(CsvReadOptions.builder(file.toFile()).missingValueIndicator("", "NaN").build());
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + ": not a readable CSV table: " + e.getMessage(), e);
        }
    }

    static Metrics readMetrics(Path file) {
        Table t = readCsv(file);
        if (t.rowCount() != 1) {
            throw new IllegalStateException(file + ": expected one row of metrics, found " + t.rowCount());
        }
        return new Metrics(number(t, "auc"), number(t, "average_precision"), number(t, "auc_g"), number(t, "auc_d"),
                t.column("score_by").getString(0), (int) number(t, "videos"), (int) number(t, "frames"),
                (int) number(t, "anomalous_frames"));
    }

    private static double number(Table t, String column) {
        var c = t.column(column);
        return c.isMissing(0) ? Double.NaN : ((Number) c.get(0)).doubleValue();
    }
}
