package gcl.nb;

import gcl.experiment.Experiment;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Tables as a student reads them: a runs table without cache keys and timings, a training history
 * under readable names.
 */
public final class StudentTables {
    private StudentTables() {
    }

    /**
     * A runs table ({@link Experiment#table}) as a student reads it: method, preset, seed and the
     * AUC columns, without the cache key, timings and the diagnostics (lesson 03 reads those with
     * {@link gcl.experiment.Symptoms}).
     */
    public static Table runs(Table runs) {
        List<String> keep = List.of("method", "preset", "seed", "AUC %", "AUC_G %", "AUC_D %", "AP %");
        return runs.selectColumns(keep.stream().filter(runs.columnNames()::contains).toArray(String[]::new))
                .setName(runs.name());
    }

    /**
     * A run's training history as a student reads it: per epoch of each phase the losses, the shares
     * labelled anomalous, the main diagnostics and the test AUC in %, under readable names with the
     * history column after each ({@code Run#history} keeps every column under its own name).
     */
    public static Table history(Table history) {
        Table out = Table.create(history.name());
        out.addColumns(history.column("phase").copy(), history.column("epoch").copy());
        String[][] shown = {
            {"g_loss", "G loss L_G"}, {"d_loss", "D loss L_D"}, {"anomalous_by_g", "share G labels anomalous"},
            {"anomalous_by_d", "share D labels anomalous"}, {"d_agrees_g", "D agrees with G"},
            {"whole_videos_d", "D's labels in whole videos"}, {"kept_d", "D's labels kept"},
            {"test_auc_g", "test AUC of G %"}, {"test_auc_d", "test AUC of D %"},
        };
        for (String[] c : shown) {
            if (!history.columnNames().contains(c[0])) {
                continue;
            }
            double[] v = history.numberColumn(c[0]).asDoubleArray();
            boolean percent = c[0].startsWith("test_auc");
            DoubleColumn col = DoubleColumn.create(c[1] + " (" + c[0] + ")");
            for (double x : v) {
                col.append(percent ? Math.round(x * 10000) / 100.0 : x);
            }
            out.addColumns(col);
        }
        return out;
    }
}
