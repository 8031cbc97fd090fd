package gcl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.data.Dataset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One cooperative iteration (Eq. 1–6) on a small set with a planted anomaly type. */
class CooperativeLearningTest {
    private static final Dataset DATA = TinyData.planted(11);

    /**
     * One iteration by hand, as lesson 3 unrolls it, does what {@link GclModel#iterate} does (which
     * reuses G's forward pass of step 1 in step 7): the same numbers, bit for bit, with pseudo
     * targets and with the {@code none} target's mask.
     */
    @Test
    void oneIterationStepByStepEqualsIterate() {
        for (Variant v : new Variant[] {Variant.GCL_B, Variant.GCL_WO_NL}) {
            GclConfig cfg = TinyData.plantedConfig(3).withVariant(v).resolvedFor(DATA.train());
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

    /** The test split scored after every epoch is centred once: the same centres object until another split is asked for. */
    @Test
    void medianInputsOfASplitAreComputedOnce() {
        GclConfig cfg = TinyData.plantedConfig(3).withVariant(Variant.GCL_B)
                .with("videoCentring", gcl.clean.VideoCentring.MEDIAN);
        try (GclModel model = GclModel.create(cfg, DATA.train().dim())) {
            var first = model.inputs(DATA.test());
            org.junit.jupiter.api.Assertions.assertSame(first, model.inputs(DATA.test()));
            var train = model.inputs(DATA.train());
            org.junit.jupiter.api.Assertions.assertNotSame(first, train);
            org.junit.jupiter.api.Assertions.assertEquals(first.rows(new int[] {0, 1}), model.inputs(DATA.test()).rows(new int[] {0, 1}));
        }
    }
}
