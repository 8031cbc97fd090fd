package gcl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Profile;
import gcl.data.Dataset;
import gcl.synth.SyntheticFeatures;
import gcl.train.GclConfig;
import gcl.train.Preset;
import gcl.train.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

public class DiscriminatorFirstStepsTest {
    private static final Dataset QUICK = SyntheticFeatures.generate(Profile.QUICK, 0);

    /**
     * With the paper's recipe, D trained on an untrained G's labels ranks anomalies below chance for
     * its first steps and needs a dozen or more to come round; with the robust preset (each video
     * centred, D's output bias at G's expected share) it is above chance from the first step on.
     */
    @Test
    void thePapersRecipeStartsDUpsideDownTheRobustOneDoesNot() {
        GclConfig paper = GclConfig.forProfile(Preset.PAPER, Profile.QUICK).withVariant(Variant.GCL_B);
        assertEquals(8 * 9, DiscriminatorFirstSteps.loopSteps(QUICK, paper), "8 epochs of ⌈2220 / 256⌉ batches");
        Table t = DiscriminatorFirstSteps.track(QUICK, paper, 72, 12);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 12, 24, 36, 48, 60, 72), t.intColumn("step").asList());
        double[] auc = t.doubleColumn("D test AUC %").asDoubleArray();
        for (int step = 1; step <= 6; step++) {
            assertTrue(auc[step] < 50, "paper recipe, step " + step + ": D below chance: " + auc[step]);
        }
        assertTrue(auc[auc.length - 1] > 55, "with enough steps D comes round: " + auc[auc.length - 1]);

        double[] robust = DiscriminatorFirstSteps.track(QUICK, paper.withPreset(Preset.ROBUST), 72, 12)
                .doubleColumn("D test AUC %").asDoubleArray();
        for (int step = 2; step <= 6; step++) {
            assertTrue(robust[step] > 60, "robust preset, step " + step + ": " + robust[step]);
        }
        assertTrue(robust[robust.length - 1] > 80, "robust preset after 72 steps: " + robust[robust.length - 1]);

        Table again = DiscriminatorFirstSteps.track(QUICK, paper, 72, 12);
        assertEquals(List.of(auc[auc.length - 1]), List.of(again.doubleColumn("D test AUC %").get(auc.length - 1)),
                "same seed, same numbers");
    }

    @Test
    void autoencodersHaveNoDiscriminatorToTrack() {
        GclConfig ae = GclConfig.forProfile(Profile.QUICK).withVariant(Variant.AE_ALL_DATA);
        assertThrows(IllegalArgumentException.class, () -> DiscriminatorFirstSteps.track(QUICK, ae, 5, 1));
        GclConfig b = ae.withVariant(Variant.GCL_B);
        assertThrows(IllegalArgumentException.class, () -> DiscriminatorFirstSteps.track(QUICK, b, 0, 1));
    }
}
