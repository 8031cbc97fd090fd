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

    /** One iteration by hand, as lesson 3 unrolls it, does what {@link GclModel#iterate} does. */
    @Test
    void oneIterationStepByStepEqualsIterate() {
        GclConfig cfg = TinyData.plantedConfig(3).withVariant(Variant.GCL_B);
        GclModel byHand = GclModel.create(cfg, DATA.train().dim());
        GclModel whole = GclModel.create(cfg, DATA.train().dim());
        INDArray batch = DATA.train().rows(DATA.train().shuffledBatches(256, new Random(1)).get(0));

        INDArray errors = byHand.reconstructionErrors(batch);
        PseudoLabels lG = byHand.generatorLabels(errors);
        double lossD = byHand.trainDiscriminator(batch, lG.labels());
        PseudoLabels lD = byHand.discriminatorLabels(byHand.discriminatorScores(batch));
        PseudoTargets t = byHand.pseudoTargets(batch, lD.labels(), new Random(9));
        double lossG = byHand.trainGenerator(batch, t);

        IterationResult r = whole.iterate(batch, new Random(9));
        assertEquals(lossD, r.discriminatorLoss(), 0);
        assertEquals(lossG, r.generatorLoss(), 0);
        assertEquals(lG.labels(), r.generatorLabels().labels());
        assertEquals(byHand.generator().network().params(), whole.generator().network().params());
        // Eq. (2) with μ + σ labels roughly the top sixth of a batch
        assertTrue(lG.fractionAnomalous() > 0.02 && lG.fractionAnomalous() < 0.4, lG.toString());
    }
}
