package gcl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Profile;
import java.util.List;
import org.junit.jupiter.api.Test;

class GclConfigTest {
    @Test
    void thePaperPresetIsThePapersRecipe() {
        GclConfig c = GclConfig.paper();
        assertEquals(Preset.PAPER, c.preset());
        assertEquals(List.of(1024, 512, 256, 512, 1024), c.generatorHidden());
        assertEquals(List.of(512, 32), c.discriminatorHidden());
        assertEquals(0.00002, c.learningRate());
        assertEquals(0.60, c.momentum());
        assertEquals(15, c.epochs());
        assertEquals(8192, c.batchSize());
        assertEquals("mean+1std", c.generatorThreshold().id());
        assertEquals("mean+0.1std", c.discriminatorThreshold().id());
        assertEquals("ones", c.negativeTarget().id());
        assertEquals(0.70, c.tdThreshold().value());
        assertEquals(gcl.clean.VideoCentring.NONE, c.videoCentring());
        assertEquals(0.0, c.discriminatorPrior());
        assertEquals(GclConfig.defaults(), GclConfig.forProfile(Profile.FULL));
    }

    /** The robust preset changes only its recipe fields; sizes and schedule stay the paper's. */
    @Test
    void theRobustPresetAddsItsRemediesOnly() {
        GclConfig r = GclConfig.of(Preset.ROBUST);
        assertEquals(Preset.ROBUST, r.preset());
        assertEquals(gcl.clean.VideoCentring.AUTO, r.videoCentring());
        assertEquals(0.16, r.discriminatorPrior());
        assertEquals(Threshold.MATCH_G, r.discriminatorThreshold());
        assertEquals("p70", r.tdThreshold().id());
        assertEquals(ScoreSource.EITHER, r.scoreBy());
        GclConfig back = r.with("preset", "paper").with("videoCentring", "none").with("discriminatorPrior", 0)
                .with("discriminatorThreshold", "mean+0.1std").with("tdThreshold", "0.70").with("scoreBy", "d");
        assertEquals(GclConfig.paper(), back);
        GclConfig quick = GclConfig.forProfile(Preset.PAPER, Profile.QUICK).withSeed(7);
        GclConfig moved = quick.withPreset(Preset.ROBUST);
        assertEquals(quick.generatorHidden(), moved.generatorHidden());
        assertEquals(7, moved.seed());
        assertEquals(GclConfig.forProfile(Preset.ROBUST, Profile.QUICK).withSeed(7), moved);
        assertThrows(IllegalArgumentException.class, () -> r.with("generatorThreshold", "match-g"));
        assertThrows(IllegalArgumentException.class, () -> r.with("discriminatorPrior", 1.0));
    }

    @Test
    void jsonRoundTripsEveryProfileAndVariant() {
        for (Profile p : Profile.values()) {
            for (Variant v : Variant.values()) {
                GclConfig c = GclConfig.forProfile(p).withVariant(v).withNegativeTarget(NegativeTarget.gaussian(1.5)).withSeed(99);
                assertEquals(c, GclConfig.fromJson(c.toJson()));
            }
        }
    }

    @Test
    void missingFieldsTakeDefaultsAndUnknownOnesAreErrors() {
        GclConfig c = GclConfig.fromJson("{\"variant\": \"GCL_B\", \"epochs\": 3}");
        assertEquals(Variant.GCL_B, c.variant());
        assertEquals(3, c.epochs());
        assertEquals(8192, c.batchSize());
        var e = assertThrows(IllegalArgumentException.class, () -> GclConfig.fromJson("{\"epoch\": 3}"));
        assertTrue(e.getMessage().contains("epoch"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GclConfig.defaults().with("batchSize", 0));
        assertThrows(IllegalArgumentException.class, () -> GclConfig.defaults().with("negativeTarget", "zeros"));
    }

    @Test
    void theTableDescribesEveryField() {
        var t = GclConfig.defaults().toTable();
        assertEquals(GclConfig.fieldNames().size(), t.rowCount());
        assertTrue(t.stringColumn("description").asList().stream().noneMatch(String::isBlank));
    }

    @Test
    void variantsParseInEveryForm() {
        assertEquals(Variant.AE_ALL_DATA, Variant.parse("AE_AllData"));
        assertEquals(Variant.GCL_WO_NL, Variant.parse("gcl-wo-nl"));
        assertEquals(Variant.GCL_PT, Variant.parse("GCL_PT"));
        assertThrows(IllegalArgumentException.class, () -> Variant.parse("GCL_X"));
        // config fields take the command-line spellings too
        GclConfig c = GclConfig.defaults().with("variant", "gcl-wo-nl").with("hiddenActivation", "tanh").with("scoreBy", "g");
        assertEquals(Variant.GCL_WO_NL, c.variant());
        assertEquals(org.nd4j.linalg.activations.Activation.TANH, c.hiddenActivation());
        assertEquals(ScoreSource.GENERATOR, c.scoreBy());
        assertEquals(c, GclConfig.fromJson(c.toJson()));
        // GCL w/o NL trains G on D-normal samples whatever target is set
        assertEquals(NegativeTarget.NONE, GclConfig.defaults().withVariant(Variant.GCL_WO_NL).effectiveNegativeTarget());
        assertEquals(ScoreSource.GENERATOR, GclConfig.defaults().withVariant(Variant.AE_TD).effectiveScoreBy());
    }

    @Test
    void schedulesFollowTheVariant() {
        GclConfig c = GclConfig.defaults().with("epochs", 2).with("pretrainEpochs", 1);
        assertEquals(List.of(new Schedule.Stage(Phase.PRETRAIN_G, 1), new Schedule.Stage(Phase.PRETRAIN_D, 1),
                new Schedule.Stage(Phase.COOPERATIVE, 1), new Schedule.Stage(Phase.COOPERATIVE, 2)),
                Schedule.of(c.withVariant(Variant.GCL_PT)));
        assertEquals(2, Schedule.of(c.withVariant(Variant.GCL_B)).size());
        assertEquals(List.of(new Schedule.Stage(Phase.AUTOENCODER, 1), new Schedule.Stage(Phase.AUTOENCODER, 2)),
                Schedule.of(c.withVariant(Variant.AE_TD)));
    }

    @Test
    void aFractionForAWholeNumberFieldIsRefusedNotTruncated() {
        GclConfig c = GclConfig.defaults();
        String m = assertThrows(IllegalArgumentException.class, () -> c.with("epochs", 2.7)).getMessage();
        assertEquals("field epochs takes a whole number, got 2.7", m);
        assertEquals(3, c.with("epochs", 3).epochs());
    }
}
