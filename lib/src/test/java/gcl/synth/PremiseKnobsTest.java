package gcl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Profile;
import gcl.data.Dataset;
import gcl.experiment.DatasetProperties;
import org.junit.jupiter.api.Test;

/**
 * The premise knobs: with the config's own values the shipped datasets keep their fingerprints
 * (recorded in {@code data-manifests/synthetic-*.json}); each knob moves the property it is for,
 * measured on the data made, the way it is meant to.
 */
class PremiseKnobsTest {
    /** A small quick-profile config: 24 + 20 videos, so that each property is measured in well under a second. */
    private static final SyntheticFeatures.Config TINY = new SyntheticFeatures.Config("synthetic-tiny", 64, 6, 5, 24, 20,
            24, 48, 0.5, 0.10, 0.40, 0.25);

    @Test
    void theConfigsOwnKnobsKeepTheShippedFingerprints() {
        assertEquals("d6f3fabcefe4734c", SyntheticFeatures.generate(Profile.QUICK, 0).fingerprint());
        SyntheticFeatures.Config quick = SyntheticFeatures.Config.of(Profile.QUICK);
        assertEquals("d6f3fabcefe4734c", SyntheticFeatures.generate(quick, PremiseKnobs.of(quick), 0).fingerprint());
        SyntheticFeatures.Config full = SyntheticFeatures.Config.of(Profile.FULL);
        assertEquals("b187aa4c3c50c64a", SyntheticFeatures.generate(full, PremiseKnobs.of(full), 0).fingerprint());
        assertEquals("", PremiseKnobs.of(quick).suffix(quick));
    }

    @Test
    void aKnobAwayFromItsDefaultNamesTheDataAndChangesIt() {
        SyntheticFeatures.Config quick = SyntheticFeatures.Config.of(Profile.QUICK);
        PremiseKnobs k = PremiseKnobs.of(quick).withTrainAnomalousShare(0.25).withSceneScale(1.5);
        assertEquals("-share0.25-scene1.5", k.suffix(quick));
        Dataset moved = SyntheticFeatures.generate(TINY, PremiseKnobs.of(TINY).withEventStrength(2), 0);
        assertEquals("synthetic-tiny-strength2", moved.info().name());
        assertNotEquals(SyntheticFeatures.generate(TINY, 0).fingerprint(), moved.fingerprint());
        assertThrows(IllegalArgumentException.class, () -> new PremiseKnobs(1.5, 1, 60, 1));
        assertThrows(IllegalArgumentException.class, () -> new PremiseKnobs(0.5, -1, 60, 1));
        assertThrows(IllegalArgumentException.class, () -> new PremiseKnobs(0.5, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PremiseKnobs(0.5, 1, 60, Double.NaN));
    }

    @Test
    void theAnomalousShareKnobMovesTheAnomalousShareOfTrainingSegmentsOnly() {
        PremiseKnobs base = PremiseKnobs.of(TINY);
        Dataset few = SyntheticFeatures.generate(TINY, base.withTrainAnomalousShare(0.125), 0);
        Dataset many = SyntheticFeatures.generate(TINY, base.withTrainAnomalousShare(0.875), 0);
        double a = DatasetProperties.of(few).anomalousTrainSegmentShare();
        double b = DatasetProperties.of(many).anomalousTrainSegmentShare();
        assertTrue(a > 0 && a < 0.06 && b > 0.15 && b > 4 * a, "anomalous share of training segments " + a + " -> " + b);
        assertEquals(few.test().features(), many.test().features(), "the test split does not move");
    }

    @Test
    void theStrengthKnobMakesEventsEasierToSee() {
        // how far an event moves a segment from its video's normal level, against the normal spread
        PremiseKnobs base = PremiseKnobs.of(TINY);
        double weak = DatasetProperties.eventContrast(SyntheticFeatures.generate(TINY, base.withEventStrength(0.5), 0));
        double plain = DatasetProperties.eventContrast(SyntheticFeatures.generate(TINY, base, 0));
        double strong = DatasetProperties.eventContrast(SyntheticFeatures.generate(TINY, base.withEventStrength(2), 0));
        assertTrue(weak < plain && plain < strong, "event contrast " + weak + " < " + plain + " < " + strong);
    }

    @Test
    void theVideosKnobMovesTheTrainingSegments() {
        PremiseKnobs base = PremiseKnobs.of(TINY);
        DatasetProperties small = DatasetProperties.of(SyntheticFeatures.generate(TINY, base.withTrainVideos(12), 0));
        DatasetProperties large = DatasetProperties.of(SyntheticFeatures.generate(TINY, base.withTrainVideos(48), 0));
        assertEquals(12, small.trainVideos());
        assertEquals(48, large.trainVideos());
        assertTrue(large.trainSegments() > 3 * small.trainSegments());
        assertEquals(small.testSegments(), large.testSegments(), "the test split does not move");
    }

    @Test
    void theSceneKnobMovesTheSceneShareOfVariance() {
        PremiseKnobs base = PremiseKnobs.of(TINY);
        double low = DatasetProperties.of(SyntheticFeatures.generate(TINY, base.withSceneScale(0.25), 0)).sceneShare();
        double plain = DatasetProperties.of(SyntheticFeatures.generate(TINY, base, 0)).sceneShare();
        double high = DatasetProperties.of(SyntheticFeatures.generate(TINY, base.withSceneScale(2), 0)).sceneShare();
        assertTrue(low < plain - 0.05 && plain < high - 0.03, "scene share " + low + " < " + plain + " < " + high);
    }
}
