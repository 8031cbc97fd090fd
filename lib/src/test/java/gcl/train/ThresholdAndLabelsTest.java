package gcl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gcl.data.VideoLabel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ThresholdAndLabelsTest {
    /** Errors 1, 2, 3, 4, 10: μ = 4, σ = √10 = 3.1623 (population). */
    private static final double[] ERRORS = {1, 2, 3, 4, 10};

    @Test
    void meanPlusKStdIsTheBatchStatistic() {
        assertEquals(4 + Math.sqrt(10), Threshold.PAPER_GENERATOR.of(ERRORS), 1e-12);
        assertEquals(4 + 0.1 * Math.sqrt(10), Threshold.PAPER_DISCRIMINATOR.of(ERRORS), 1e-12);
    }

    /** Eq. (2): with L^th = 7.16 only the error 10 is anomalous. */
    @Test
    void generatorLabelsMarkErrorsAtOrAboveTheThreshold() {
        PseudoLabels l = new PseudoLabeler(Threshold.PAPER_GENERATOR).label(Nd4j.createFromArray(ERRORS));
        assertArrayEquals(new float[] {0, 0, 0, 0, 1}, l.labels().toFloatVector());
        assertEquals(0.2, l.fractionAnomalous(), 1e-12);
        assertEquals(4 + Math.sqrt(10), l.threshold(), 1e-9);
    }

    /** Eq. (4): probabilities 0.1, 0.2, 0.3, 0.4: μ = 0.25, σ = 0.1118, L^th = 0.2612: 0.3 and 0.4 are anomalous. */
    @Test
    void discriminatorLabelsUseTheSmallerMargin() {
        PseudoLabels l = new PseudoLabeler(Threshold.PAPER_DISCRIMINATOR).label(Nd4j.createFromArray(0.1, 0.2, 0.3, 0.4));
        assertArrayEquals(new float[] {0, 0, 1, 1}, l.labels().toFloatVector());
        assertEquals(0.25 + 0.1 * Math.sqrt(0.0125), l.threshold(), 1e-9);
    }

    @Test
    void aScoreEqualToTheThresholdIsAnomalous() {
        // μ + 0σ of {1, 3} is 2; 2 ≥ 2
        PseudoLabels l = new PseudoLabeler(Threshold.meanPlusStd(0)).label(Nd4j.createFromArray(1.0, 2.0, 3.0));
        assertArrayEquals(new float[] {0, 1, 1}, l.labels().toFloatVector());
    }

    @Test
    void aBatchWithoutSpreadIsAllNormal() {
        PseudoLabels l = new PseudoLabeler(Threshold.PAPER_GENERATOR).label(Nd4j.createFromArray(2.0, 2.0, 2.0));
        assertEquals(0, l.fractionAnomalous());
    }

    @Test
    void topPercentAndOtsu() {
        // top 40% of 5 values: the 2 largest (4 and 10)
        assertEquals(4, Threshold.topPercent(40).of(ERRORS), 0);
        // two clusters {0, 0.1, 0.2} and {5, 5.1}: Otsu's threshold lies between them
        double t = Threshold.otsu().of(new double[] {0, 0.1, 0.2, 5, 5.1});
        assertEquals(true, t > 0.2 && t <= 5, "threshold " + t);
    }

    /** match-g: G labelled 40 % of the batch, so D labels its 2 highest of 5 (ties at the cut-off too). */
    @Test
    void matchGLabelsTheShareGLabelled() {
        PseudoLabeler d = new PseudoLabeler(Threshold.MATCH_G);
        PseudoLabels l = d.label(Nd4j.createFromArray(0.1, 0.9, 0.3, 0.7, 0.2), null, 0.4);
        assertArrayEquals(new float[] {0, 1, 0, 1, 0}, l.labels().toFloatVector());
        assertEquals(0, d.label(Nd4j.createFromArray(0.1, 0.9), null, 0.0).fractionAnomalous(), "G labelled nothing");
        assertThrows(IllegalStateException.class, () -> Threshold.MATCH_G.of(ERRORS), "needs G's share");
        assertEquals(Threshold.MATCH_G, Threshold.parse("match-g"));
    }

    @Test
    void thresholdsParseAndPrint() {
        assertEquals(Threshold.meanPlusStd(0.1), Threshold.parse("mean+0.1std"));
        assertEquals("mean+1std", Threshold.parse("mean + 1 * std").id());
        assertEquals("top:10", Threshold.parse("top:10%").id());
        assertEquals(Threshold.otsu(), Threshold.parse("OTSU"));
        assertThrows(IllegalArgumentException.class, () -> Threshold.parse("median"));
        assertThrows(IllegalArgumentException.class, () -> Threshold.parse("top:0"));
    }

    /** Soft labels: min-max scaled errors, (e − 1)/(10 − 1). */
    @Test
    void softLabelsScaleTheErrors() {
        PseudoLabels l = new PseudoLabeler(Threshold.PAPER_GENERATOR, true).label(Nd4j.createFromArray(ERRORS));
        assertArrayEquals(new float[] {0, 1 / 9f, 2 / 9f, 3 / 9f, 1}, l.labels().toFloatVector(), 1e-6f);
        assertEquals(15.0 / 9 / 5, l.fractionAnomalous(), 1e-6);
    }

    /**
     * Weak labels: errors 1, 2, 3, 10, 10: μ = 5.2, σ = 3.97, L^th = 9.17, so samples 3 and 4 pass the
     * threshold; sample 4 comes from a video labelled normal and gets 0. The anomalous label of
     * sample 2's video changes nothing.
     */
    @Test
    void weakLabelsForceSamplesOfNormalVideosToNormal() {
        VideoLabel[] known = {VideoLabel.UNKNOWN, VideoLabel.UNKNOWN, VideoLabel.ANOMALOUS, VideoLabel.UNKNOWN, VideoLabel.NORMAL};
        PseudoLabels l = new PseudoLabeler(Threshold.PAPER_GENERATOR).label(Nd4j.createFromArray(1.0, 2.0, 3.0, 10.0, 10.0), known);
        assertArrayEquals(new float[] {0, 0, 0, 1, 0}, l.labels().toFloatVector());
        assertEquals(5.2 + Math.sqrt(15.76), l.threshold(), 1e-9);
        assertEquals(0.2, l.fractionAnomalous(), 1e-12);
    }
}
