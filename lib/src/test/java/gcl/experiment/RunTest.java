package gcl.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.data.Dataset;
import gcl.eval.Evaluation;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.GclTrainer;
import gcl.train.Phase;
import gcl.train.RunDirectory;
import gcl.train.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** End to end: whole runs of the cooperative loop on a small set with a planted anomaly type. */
class RunTest {
    private static final Dataset DATA = TinyData.planted(11);

    @Test
    void theLoopLearnsAndOneSeedGivesOneResult() {
        Run a = Run.train("a", DATA, TinyData.plantedConfig(5), null, true);
        assertTrue(a.metrics().aucDiscriminator() > 0.9, "D's frame AUC " + a.metrics());
        Table h = a.history();
        assertEquals(2 + 2 + 3, h.rowCount());
        assertEquals("gcl", h.stringColumn("phase").get(6));
        double byD = h.doubleColumn("anomalous_by_d").get(6);
        assertTrue(byD > 0 && byD < 0.5, "fraction labelled anomalous by D " + byD);
        assertTrue(h.columnNames().contains(Evaluation.TEST_AUC_D));
        assertNotNull(a.training().tdCleaning());

        Run b = Run.train("b", DATA, TinyData.plantedConfig(5), null, true);
        assertArrayEquals(a.training().model().scores(DATA.test()), b.training().model().scores(DATA.test()));
        assertEquals(a.metrics(), b.metrics());

        Run c = Run.train("c", DATA, TinyData.plantedConfig(6), null, true);
        assertFalse(Arrays.equals(a.training().model().scores(DATA.test()), c.training().model().scores(DATA.test())));
    }

    /** An interrupted run resumes from its checkpoint and ends exactly where an uninterrupted one does. */
    @Test
    void runsResumeFromCheckpointsAndSavedRunsScore(@TempDir Path tmp) throws Exception {
        GclConfig cfg = TinyData.plantedConfig(8);
        Run whole = Run.train("whole", DATA, cfg, tmp.resolve("whole"), true);

        Path cut = tmp.resolve("cut");
        RunDirectory dir = new RunDirectory(cut);
        dir.writeManifest(RunDirectory.Manifest.now(cfg, DATA.info().name(), DATA.fingerprint()));
        GclTrainer interrupted = new GclTrainer(cfg, DATA.train()).quiet().checkpointsIn(dir).listener((phase, epoch, model) -> {
            if (phase == Phase.COOPERATIVE && epoch == 2) {
                throw new IllegalStateException("power cut");
            }
            return Map.of();
        });
        assertThrows(IllegalStateException.class, () -> interrupted.train());
        assertEquals(5, dir.loadState().completedEpochs());
        Run resumed = Run.resume("resumed", cut, DATA, true);
        assertArrayEquals(whole.training().model().scores(DATA.test()), resumed.training().model().scores(DATA.test()));
        // the diagnostics that compare an epoch with the one before are the same too
        for (String column : new String[] {"kept_g", "kept_d", "d_agrees_g", "whole_videos_d"}) {
            assertArrayEquals(whole.history().doubleColumn(column).asDoubleArray(),
                    resumed.history().doubleColumn(column).asDoubleArray(), column);
        }

        Path run = tmp.resolve("whole");
        for (String f : new String[] {RunDirectory.MANIFEST, RunDirectory.HISTORY, RunDirectory.METRICS,
                RunDirectory.CHECKPOINT + "/" + GclModel.GENERATOR_FILE, RunDirectory.CHECKPOINT + "/" + GclModel.DISCRIMINATOR_FILE}) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        RunDirectory.Manifest m = new RunDirectory(run).readManifest();
        assertEquals(8, m.config().seed());
        assertEquals(DATA.fingerprint(), m.dataFingerprint());
        GclModel loaded = Run.read("whole", run).model();
        assertArrayEquals(whole.training().model().scores(DATA.test()), loaded.scores(DATA.test()));
        assertThrows(IllegalArgumentException.class, () -> Run.train("again", DATA, cfg, run, true));
    }

    @Test
    void everyVariantRuns() {
        for (Variant v : Variant.values()) {
            GclConfig cfg = TinyData.plantedConfig(2).withVariant(v).with("pretrainEpochs", 1).withEpochs(1).with("weakLabelFraction", 0.5);
            Run r = Run.train(v.paperName(), DATA, cfg, null, true);
            assertTrue(r.metrics().auc() > 0.5, v + ": " + r.metrics());
            assertEquals(v.cooperative(), !Double.isNaN(r.metrics().aucDiscriminator()), v.toString());
        }
    }
}
