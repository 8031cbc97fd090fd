package gcl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.train.GclConfig;
import gcl.train.HeldOutProbe;
import gcl.train.Preset;
import gcl.train.ScoreSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The held-out warning on a runs table and on an epoch's columns, and the presets' scores. */
class HeldOutWarningTest {
    @Test
    void oneWarningPerRunWhoseDAgreesWithGOnHeldOutVideosBelowTheLine() {
        Table runs = Table.create("runs",
                StringColumn.create("method", List.of("GCL_B", "GCL_PT", "GCL_PT")),
                StringColumn.create("seed", List.of("1", "1", "2")),
                DoubleColumn.create("ho_agree", new double[] {0.62, 0.97, Double.NaN}));
        List<String> w = Symptoms.warnings(runs);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("GCL_B seed 1") && w.get(0).contains("0.62"), w.get(0));
        assertTrue(Symptoms.warnings(Table.create("no probe", StringColumn.create("method", List.of("GCL_B")))).isEmpty(),
                "runs without held-out videos have no ho_agree column and no warning");
    }

    @Test
    void theEpochWarningNamesBothAgreements() {
        String w = HeldOutProbe.warning(Map.of("ho_agree", 0.7, "fit_agree", 1.0));
        assertTrue(w.contains("0.70") && w.contains("1.00"), w);
        assertNull(HeldOutProbe.warning(Map.of("ho_agree", HeldOutProbe.MEMORISED, "fit_agree", 1.0)), "at the line: no warning");
        assertNull(HeldOutProbe.warning(Map.of("d_agrees_g", 1.0)), "no held-out videos: no warning");
    }

    @Test
    void theRobustPresetScoresByEitherAndThePaperPresetByD() {
        assertEquals(ScoreSource.EITHER, GclConfig.of(Preset.ROBUST).scoreBy());
        assertEquals(ScoreSource.DISCRIMINATOR, GclConfig.of(Preset.PAPER).scoreBy());
        assertEquals(ScoreSource.DISCRIMINATOR, GclConfig.of(Preset.ROBUST).withPreset(Preset.PAPER).scoreBy());
        assertEquals(0.0, GclConfig.of(Preset.ROBUST).heldOutShare(), "holding out videos is opt-in");
    }
}
