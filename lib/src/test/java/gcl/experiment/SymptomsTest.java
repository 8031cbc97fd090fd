package gcl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.train.EpochRecord;
import gcl.train.RunDirectory;
import gcl.train.TrainingHistory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class SymptomsTest {
    private static Map<String, Double> metrics(double agrees, double wholeD, double dead1, double dead2) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("d_agrees_g", agrees);
        m.put("whole_videos_d", wholeD);
        m.put("dead_d1", dead1);
        m.put("dead_d2", dead2);
        return m;
    }

    /** A short run's fractions are often exactly 0 or 1: read back from CSV they must still be numbers. */
    @Test
    void signalsOfAHistoryReadBackWhereEveryValueIsWhole(@TempDir Path dir) throws Exception {
        TrainingHistory h = new TrainingHistory(List.of(
                new EpochRecord("pretrain-g", 1, 1, Double.NaN, 0, Double.NaN, 1, Map.of()),
                new EpochRecord("gcl", 1, 1, 1, 0, 0, 1, metrics(0, 1, 0, 1)),
                new EpochRecord("gcl", 2, 1, 1, 0, 0, 1, metrics(1, 0, 1, 0))));
        RunDirectory run = new RunDirectory(dir);
        run.writeHistory(h);
        Table back = run.readHistory();
        assertEquals("DOUBLE", back.column("d_agrees_g").type().name());
        assertEquals("INTEGER", back.column("epoch").type().name());
        Map<String, Double> s = Symptoms.of(back);
        assertEquals(0.0, s.get("d_agrees_g_first"), "D's first epoch: the first row where D was labelled");
        assertEquals(1.0, s.get("d_agrees_g"));
        assertEquals(0.0, s.get("whole_videos_d"));
        assertEquals(0.5, s.get("dead_d"), 1e-12, "mean over D's two hidden layers");
        assertTrue(Double.isNaN(s.get("dead_g")), "no G layers recorded");
    }

    /** Means per setting over its seeds; one seed has no spread to show. */
    @Test
    void bySettingAveragesEachSettingsSeeds() {
        Table runs = Table.create("runs",
                tech.tablesaw.api.StringColumn.create("method", "A", "A", "B"),
                tech.tablesaw.api.DoubleColumn.create("AUC %", 70.0, 72.0, 60.0),
                tech.tablesaw.api.DoubleColumn.create("d_agrees_g", 0.5, 0.7, Double.NaN));
        Table t = Symptoms.bySetting(runs);
        assertEquals(List.of("A", "B"), t.stringColumn("method").asList());
        assertEquals("D agrees with G (d_agrees_g)", Symptoms.column("d_agrees_g"));
        assertEquals(0.6, t.doubleColumn(Symptoms.column("d_agrees_g")).get(0), 1e-12);
        assertTrue(t.doubleColumn(Symptoms.column("d_agrees_g")).isMissing(1), "no value, no mean");
        assertEquals("71.0 ± 1.4", t.stringColumn(t.columnCount() - 1).get(0));
        assertEquals("60.0 (1 seed)", t.stringColumn(t.columnCount() - 1).get(1));
    }
}
