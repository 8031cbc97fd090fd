package gcl.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.clean.CleaningQuality;
import gcl.clean.DifferenceThreshold;
import gcl.clean.TemporalDifferenceFilter;
import gcl.data.Dataset;
import gcl.train.PseudoLabels;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The lessons' exercise checks: each passes on the right answer and fails on a blank or a wrong one. */
class LessonChecksTest {

    static Table toy() {
        // segments 0..5; the burst is 2..3; differences 0, 1, 4, 6, 1, 2 → burst mean 5, calm mean (1 + 1 + 2) / 3
        return Table.create("toy", IntColumn.create("segment", 0, 1, 2, 3, 4, 5),
                DoubleColumn.create("temporal difference", 0, 1, 4, 6, 1, 2),
                IntColumn.create("in burst", 0, 0, 1, 1, 0, 0));
    }

    @Test
    void burstContrastIsTheRatioOfMeansWithoutSegmentZero() {
        assertEquals(5 / (4.0 / 3), QuickstartChecks.burstContrast(toy()), 1e-12);
        assertTrue(QuickstartChecks.burstContrast(toy(), 3.75).passed());
        assertFalse(QuickstartChecks.burstContrast(toy(), 5 / (4.0 / 5)).passed(), "segment 0 counted");
        assertFalse(QuickstartChecks.burstContrast(toy(), Checks.BLANK).passed());
    }

    @Test
    void largestChangesCountsTheTopSegmentsInTheBurst() {
        assertEquals(2, QuickstartChecks.topInBurst(toy(), 2));
        assertEquals(2, QuickstartChecks.topInBurst(toy(), 4));
        assertTrue(QuickstartChecks.largestChanges(toy(), 2, "yes").passed());
        assertFalse(QuickstartChecks.largestChanges(toy(), 4, "yes").passed(), "2 of 4 is not most");
        assertFalse(QuickstartChecks.largestChanges(toy(), 2, "").passed());
    }

    @Test
    void segmentCountRoundsUp() {
        assertTrue(FeatureChecks.segmentCount(33, 16, 3).passed());
        assertFalse(FeatureChecks.segmentCount(33, 16, 2).passed());
        assertFalse(FeatureChecks.segmentCount(32, 16, Checks.BLANK).passed());
    }

    @Test
    void largestChangeLooksAtTheFramesOfTheSegmentWithTheLargestDifference() {
        boolean[] truth = new boolean[48];
        for (int f = 20; f < 24; f++) {
            truth[f] = true;  // only segment 1 (frames 16..31) is anomalous
        }
        assertTrue(FeatureChecks.largestChangeInEvent(new double[] {0, 5, 1}, truth, 16));
        assertFalse(FeatureChecks.largestChangeInEvent(new double[] {9, 1, 5}, truth, 16), "segment 0 has no difference");
        assertTrue(FeatureChecks.largestChange(new double[] {0, 1, 5}, truth, 16, "no").passed());
    }

    @Test
    void aucByHandAgreesWithTheLibraryAndReadsPercent() {
        double[] scores = {0.1, 0.4, 0.35, 0.8, 0.4};
        boolean[] truth = {false, false, true, true, true};
        // pairs (anomalous > normal): 0.35 > 0.1; 0.8 > both; 0.4 > 0.1, 0.4 = 0.4 → (1 + 2 + 1.5) / 6
        assertTrue(FeatureChecks.aucByHand(scores, truth, 4.5 / 6).passed());
        assertTrue(FeatureChecks.aucByHand(scores, truth, 75.0).passed());
        assertFalse(FeatureChecks.aucByHand(scores, truth, 4.0 / 6).passed(), "ties count one half");
        assertFalse(FeatureChecks.aucByHand(scores, truth, Checks.BLANK).passed());
    }

    @Test
    void removalPrecisionIsTheAnomalousShareOfTheRemovedRows() {
        Dataset data = TinyData.planted(1);
        var td = new TemporalDifferenceFilter(DifferenceThreshold.percentile(70), true).apply(data.test());
        boolean[] anomalous = CleaningQuality.anomalousRows(data.test(), TinyData.SEGMENT);
        boolean[] kept = new boolean[anomalous.length];
        for (int r : td.keptRows()) {
            kept[r] = true;
        }
        int removed = 0;
        int hit = 0;
        for (int r = 0; r < kept.length; r++) {
            removed += kept[r] ? 0 : 1;
            hit += !kept[r] && anomalous[r] ? 1 : 0;
        }
        assertTrue(removed > 0 && hit > 0, "the planted test split has anomalies among the removed rows");
        assertEquals((double) hit / removed, CleaningChecks.removalPrecision(td, TinyData.SEGMENT), 1e-12);
        assertTrue(CleaningChecks.removalPrecision(td, TinyData.SEGMENT, (double) hit / removed).passed());
        assertFalse(CleaningChecks.removalPrecision(td, TinyData.SEGMENT, (double) hit / kept.length).passed());
    }

    @Test
    void contaminationComparesP90WithP70() {
        Table sweep = Table.create("sweep", StringColumn.create("D_th", "p70", "p90"),
                DoubleColumn.create("kept %", 70, 90), DoubleColumn.create("anomalous in kept %", 2.0, 3.5));
        assertTrue(CleaningChecks.contamination(sweep, "more").passed());
        assertFalse(CleaningChecks.contamination(sweep, "less").passed());
        assertFalse(CleaningChecks.contamination(sweep, null).passed());
    }

    @Test
    void meanAucTakesTheMethodsRowsOnly() {
        Table runs = Table.create("runs", StringColumn.create("method", "AE_TD", "AE_OCC", "AE_TD"),
                DoubleColumn.create("AUC %", 70, 90, 74));
        assertEquals(72, CleaningChecks.meanAuc(runs, "AE_TD"), 1e-12);
        assertTrue(CleaningChecks.meanAuc(runs, "AE_TD", 72).passed());
        assertFalse(CleaningChecks.meanAuc(runs, "AE_TD", 78).passed());
    }

    @Test
    void papersShareComparesDsShareWithGs() {
        PseudoLabels g = new PseudoLabels(Nd4j.createFromArray(1f, 0f, 0f, 0f), 0.5, 0.25);
        PseudoLabels d = new PseudoLabels(Nd4j.createFromArray(1f, 1f, 0f, 0f), 0.5, 0.5);
        assertTrue(LoopChecks.papersShare(g, d, "more").passed());
        assertFalse(LoopChecks.papersShare(g, d, "fewer").passed());
        assertTrue(LoopChecks.papersShare(d, g, "fewer").passed());
    }
}
