package gcl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Profile;
import gcl.data.Dataset;
import gcl.synth.SyntheticFeatures;
import gcl.train.GclConfig;
import gcl.train.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

public class DiscriminatorFirstStepsTest {
    private static final Dataset QUICK = SyntheticFeatures.generate(Profile.QUICK, 0);

    @Test
    void dFirstLearnsTheInvertedRankingThenRecovers() {
        GclConfig config = GclConfig.forProfile(Profile.QUICK).withVariant(Variant.GCL_B);
        assertEquals(8 * 9, DiscriminatorFirstSteps.loopSteps(QUICK, config), "8 epochs of ⌈2220 / 256⌉ batches");
        Table t = DiscriminatorFirstSteps.track(QUICK, config, 72, 12);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 12, 24, 36, 48, 60, 72), t.intColumn("step").asList());
        double[] auc = t.doubleColumn("D test AUC %").asDoubleArray();
        double lowest = java.util.Arrays.stream(auc).min().orElseThrow();
        assertTrue(lowest < 20 && lowest < auc[0] - 20,
                "a few steps in, D ranks anomalies lowest: " + lowest + " (untrained: " + auc[0] + ")");
        assertTrue(auc[auc.length - 1] > 80, "with enough steps D learns G's labels: " + auc[auc.length - 1]);
        Table again = DiscriminatorFirstSteps.track(QUICK, config, 72, 12);
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
