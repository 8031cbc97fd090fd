package gcl.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-epoch numbers of a run, for plots of convergence (Fig. 5, 9, 10): losses, the fractions
 * pseudo-labelled anomalous, and whatever {@link EpochListener}s measured (test AUC). The reported
 * result of a run is always its last epoch, never the best row of this table.
 */
public final class TrainingHistory {
    private final List<EpochRecord> records = new ArrayList<>();

    public TrainingHistory() {
    }

    public TrainingHistory(List<EpochRecord> records) {
        this.records.addAll(records);
    }

    public void add(EpochRecord r) {
        records.add(r);
    }

    public List<EpochRecord> records() {
        return List.copyOf(records);
    }

    public int size() {
        return records.size();
    }

    /** The last record, or null when empty. */
    public EpochRecord last() {
        return records.isEmpty() ? null : records.get(records.size() - 1);
    }

    /**
     * The history as a table: step (1-based over all phases), phase, epoch, g_loss, d_loss,
     * anomalous_by_g, anomalous_by_d, seconds, then the listeners' columns.
     */
    public Table table() {
        IntColumn step = IntColumn.create("step");
        StringColumn phase = StringColumn.create("phase");
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn gLoss = DoubleColumn.create("g_loss");
        DoubleColumn dLoss = DoubleColumn.create("d_loss");
        DoubleColumn byG = DoubleColumn.create("anomalous_by_g");
        DoubleColumn byD = DoubleColumn.create("anomalous_by_d");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        Set<String> extra = new LinkedHashSet<>();
        records.forEach(r -> extra.addAll(r.metrics().keySet()));
        List<DoubleColumn> extraColumns = new ArrayList<>();
        for (String name : extra) {
            extraColumns.add(DoubleColumn.create(name));
        }
        int i = 0;
        for (EpochRecord r : records) {
            step.append(++i);
            phase.append(r.phase());
            epoch.append(r.epoch());
            gLoss.append(r.generatorLoss());
            dLoss.append(r.discriminatorLoss());
            byG.append(r.anomalousByG());
            byD.append(r.anomalousByD());
            seconds.append(r.seconds());
            for (DoubleColumn c : extraColumns) {
                Double v = r.metrics().get(c.name());
                c.append(v == null ? Double.NaN : v);
            }
        }
        Table t = Table.create("training history", step, phase, epoch, gLoss, dLoss, byG, byD, seconds);
        extraColumns.forEach(t::addColumns);
        return t;
    }

    /** Writes {@link #table()} as CSV with a header row (NaN as an empty cell). */
    public void writeCsv(Path file) throws IOException {
        table().write().csv(file.toFile());
    }

    @Override
    public String toString() {
        return "TrainingHistory[" + records.size() + " epochs]";
    }
}
