package gcl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.data.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs that cannot mean anything stop with a message that says why, instead of returning a model. */
class TrainingGuardsTest {
    private static final Dataset DATA = TinyData.dataset();

    private static String failure(GclConfig config) {
        return assertThrows(RuntimeException.class, () -> new GclTrainer(config, DATA.train()).quiet().train()).getMessage();
    }

    @Test
    void aThresholdNoSampleReachesIsDegenerate() {
        String m = failure(TinyData.config().with("generatorThreshold", "mean+100std"));
        assertTrue(m.contains("degenerate pseudo-labels") && m.contains("G labelled no segment"), m);
        assertTrue(m.contains("generatorThreshold mean+100") && m.contains("batch size 32"), m);
    }

    @Test
    void aBatchOfOneIsDegenerate() {
        String m = failure(TinyData.config().with("batchSize", 1));
        assertTrue(m.contains("degenerate pseudo-labels") && m.contains("batch size 1"), m);
    }

    @Test
    void constantFeaturesAreDegenerate() {
        Dataset zeros = TinyData.dataset();
        zeros.train().features().assign(0);
        String m = assertThrows(IllegalStateException.class,
                () -> new GclTrainer(TinyData.config(), zeros.train()).quiet().train()).getMessage();
        assertTrue(m.contains("degenerate pseudo-labels"), m);
    }

    @Test
    void aHugeLearningRateDiverges() {
        for (Variant v : new Variant[] {Variant.GCL_B, Variant.GCL_PT, Variant.AE_ALL_DATA}) {
            String m = failure(TinyData.config().withVariant(v).with("learningRate", 1e6));
            assertTrue(m.contains("training diverged in") && m.contains("epoch 1"), m);
        }
    }

    @Test
    void noEpochIsNotATrainedModel() {
        for (Variant v : new Variant[] {Variant.GCL_B, Variant.AE_ALL_DATA}) {
            String m = failure(TinyData.config().withVariant(v).withEpochs(0));
            assertTrue(m.contains("nothing to train") && m.contains("epochs = 0"), m);
        }
    }

    @Test
    void nanFeaturesAreRefusedBeforeTraining() {
        Dataset spoilt = TinyData.dataset();
        spoilt.train().features().putScalar(13, 0, Float.NaN);
        String m = assertThrows(IllegalArgumentException.class,
                () -> new GclTrainer(TinyData.config(), spoilt.train()).quiet().train()).getMessage();
        assertTrue(m.startsWith("video train1: segment 1 holds NaN"), m);
    }

    @Test
    void aSoundRunPassesTheGuards() {
        TrainingResult r = new GclTrainer(TinyData.config(), DATA.train()).quiet().train();
        assertEquals(2, r.history().records().size());
    }

    /** TD cleaning that keeps almost nothing, and a batch larger than the data, are warned about even in a quiet run. */
    @Test
    void almostNothingToTrainOnIsWarnedAbout() {
        GclConfig c = TinyData.config().withVariant(Variant.AE_TD).with("tdThreshold", "p2").with("tdKeepFirst", false);
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            new GclTrainer(c, DATA.train()).quiet().train();
        } finally {
            System.setOut(out);
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("warning: TD cleaning keeps only") && printed.contains("tdThreshold p2"), printed);
        assertTrue(printed.contains("warning: batch size 32 exceeds the"), printed);

        buf.reset();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            new GclTrainer(TinyData.config(), DATA.train()).quiet().train();
        } finally {
            System.setOut(out);
        }
        assertEquals("", buf.toString(StandardCharsets.UTF_8), "a sound setting trains without a word");
    }
}
