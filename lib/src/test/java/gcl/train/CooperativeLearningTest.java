package gcl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Profile;
import gcl.data.Dataset;
import gcl.eval.Evaluation;
import gcl.eval.RunResult;
import gcl.eval.Runs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

/** End to end: the cooperative loop on a small set with a planted anomaly type. */
class CooperativeLearningTest {
    private static final Dataset DATA = PlantedAnomalies.small(11);

    /** The quick profile, made smaller still: two pre-training epochs, three of the loop. */
    private static GclConfig config(long seed) {
        return GclConfig.forProfile(Profile.QUICK).withVariant(Variant.GCL_PT).withSeed(seed)
                .with("generatorHidden", java.util.List.of(32, 16, 32))
                .with("discriminatorHidden", java.util.List.of(16, 4))
                .with("pretrainEpochs", 2).withEpochs(3);
    }

    @Test
    void theLoopLearnsAndOneSeedGivesOneResult() {
        RunResult a = Runs.train(DATA, config(5), null, true);
        assertTrue(a.metrics().aucDiscriminator() > 0.9, "D's frame AUC " + a.metrics());
        Table h = a.history();
        assertEquals(2 + 2 + 3, h.rowCount());
        assertEquals("gcl", h.stringColumn("phase").get(6));
        double byD = h.doubleColumn("anomalous_by_d").get(6);
        assertTrue(byD > 0 && byD < 0.5, "fraction labelled anomalous by D " + byD);
        assertTrue(h.columnNames().contains(Evaluation.TEST_AUC_D));
        assertNotNull(a.training().tdCleaning());

        RunResult b = Runs.train(DATA, config(5), null, true);
        assertArrayEquals(a.training().model().scores(DATA.test()), b.training().model().scores(DATA.test()));
        assertEquals(a.metrics(), b.metrics());

        RunResult c = Runs.train(DATA, config(6), null, true);
        assertFalse(java.util.Arrays.equals(a.training().model().scores(DATA.test()), c.training().model().scores(DATA.test())));
    }

    /**
     * One iteration by hand, as lesson 3 unrolls it, does what {@link GclModel#iterate} does (which
     * reuses G's forward pass of step 1 in step 7): the same numbers, bit for bit, with pseudo
     * targets and with the {@code none} target's mask.
     */
    @Test
    void oneIterationStepByStepEqualsIterate() {
        for (Variant v : new Variant[] {Variant.GCL_B, Variant.GCL_WO_NL}) {
            GclConfig cfg = config(3).withVariant(v);
            GclModel byHand = GclModel.create(cfg, DATA.train().dim());
            GclModel whole = GclModel.create(cfg, DATA.train().dim());
            var inputs = byHand.inputs(DATA.train());
            int[] rows = DATA.train().shuffledBatches(256, new Random(1)).get(0);
            INDArray batch = inputs.rows(rows);
            INDArray offsets = inputs.offsets(rows);

            INDArray errors = byHand.reconstructionErrors(batch);
            PseudoLabels lG = byHand.generatorLabels(errors);
            double lossD = byHand.trainDiscriminator(batch, lG.labels());
            PseudoLabels lD = byHand.discriminatorLabels(byHand.discriminatorScores(batch), lG);
            PseudoTargets t = byHand.pseudoTargets(batch, lD.labels(), offsets, new Random(9));
            double lossG = byHand.trainGenerator(batch, t);

            IterationResult r = whole.iterate(batch, offsets, null, new Random(9));
            assertEquals(lossD, r.discriminatorLoss(), 0, v.toString());
            assertEquals(lossG, r.generatorLoss(), 0, v.toString());
            assertEquals(lG.labels(), r.generatorLabels().labels());
            assertEquals(byHand.generator().params(), whole.generator().params());
            assertEquals(byHand.discriminator().params(), whole.discriminator().params());
            // Eq. (2) with μ + σ labels roughly the top sixth of a batch
            assertTrue(lG.fractionAnomalous() > 0.02 && lG.fractionAnomalous() < 0.4, lG.toString());
            if (v == Variant.GCL_WO_NL) {
                // the none target trains G on the D-normal rows only: the loss is their mean error
                assertTrue(t.trainedSamples() < batch.rows(), "some rows are left out");
            }
        }
    }

    /** An interrupted run resumes from its checkpoint and ends exactly where an uninterrupted one does. */
    @Test
    void runsResumeFromCheckpointsAndSavedRunsScore(@TempDir Path tmp) throws Exception {
        GclConfig cfg = config(8);
        RunResult whole = Runs.train(DATA, cfg, tmp.resolve("whole"), true);

        Path cut = tmp.resolve("cut");
        RunDirectory dir = new RunDirectory(cut);
        dir.writeManifest(RunManifest.now(cfg, DATA.info().name(), DATA.fingerprint()));
        GclTrainer interrupted = new GclTrainer(cfg).quiet().checkpointsIn(dir).listener((phase, epoch, model) -> {
            if (phase == Phase.COOPERATIVE && epoch == 1) {
                throw new IllegalStateException("power cut");
            }
            return Map.of();
        });
        assertThrows(IllegalStateException.class, () -> interrupted.train(DATA.train()));
        assertEquals(4, dir.loadState().completedEpochs());
        RunResult resumed = Runs.resume(cut, DATA, true);
        assertArrayEquals(whole.training().model().scores(DATA.test()), resumed.training().model().scores(DATA.test()));

        Path run = tmp.resolve("whole");
        for (String f : new String[] {RunDirectory.MANIFEST, RunDirectory.HISTORY, RunDirectory.METRICS,
                RunDirectory.CHECKPOINT + "/" + GclModel.GENERATOR_FILE, RunDirectory.CHECKPOINT + "/" + GclModel.DISCRIMINATOR_FILE}) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        RunManifest m = new RunDirectory(run).readManifest();
        assertEquals(8, m.config().seed());
        assertEquals(DATA.fingerprint(), m.dataFingerprint());
        GclModel loaded = Runs.load(run);
        assertArrayEquals(whole.training().model().scores(DATA.test()), loaded.scores(DATA.test()));
        assertThrows(IllegalArgumentException.class, () -> Runs.train(DATA, cfg, run, true));
    }

    @Test
    void everyVariantRuns() {
        for (Variant v : Variant.values()) {
            GclConfig cfg = config(2).withVariant(v).with("pretrainEpochs", 1).withEpochs(1).with("weakLabelFraction", 0.5);
            RunResult r = Runs.train(DATA, cfg, null, true);
            assertTrue(r.metrics().auc() > 0.5, v + ": " + r.metrics());
            assertEquals(v.cooperative(), !Double.isNaN(r.metrics().aucDiscriminator()), v.toString());
        }
    }
}
