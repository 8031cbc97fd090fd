package gcl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.data.VideoLabel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class DiagnosticsTest {
    /** Two videos of 5 segments each (rows 0–4 and 5–9), d = 2. */
    private static FeatureSet tenRows() {
        return FeatureSet.of(
                List.of(new Video("a", 0, 5, 80, VideoLabel.UNKNOWN, null), new Video("b", 0, 5, 80, VideoLabel.UNKNOWN, null)),
                List.of(Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 2),
                        Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 2)));
    }

    private static PseudoLabels labels(float... l) {
        double s = 0;
        for (float v : l) {
            s += v;
        }
        return new PseudoLabels(Nd4j.createFromArray(l), 0.5, s / l.length);
    }

    /** Scores 0.1, 0.4, 0.35, 0.8 against labels 0, 0, 1, 1: pairs (0.35 > 0.1), (0.35 < 0.4), (0.8 > both): 3 of 4. */
    @Test
    void agreementIsTheAucOfDAgainstGsLabels() {
        assertEquals(0.75, Diagnostics.auc(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new float[] {0, 0, 1, 1}), 1e-12);
        assertEquals(0.5, Diagnostics.auc(new float[] {0.3f, 0.3f}, new float[] {0, 1}), 1e-12, "ties count one half");
        assertTrue(Double.isNaN(Diagnostics.auc(new float[] {0.3f, 0.5f}, new float[] {1, 1})));
    }

    /**
     * G labels rows 5–9 (all of video b: labelled whole) and row 0 (one of a's five): 5 of its 6
     * labels lie in a whole video. D labels rows 0 and 1 only: none in a whole video.
     */
    @Test
    void wholeVideoShareSpotsLabelsThatCoverWholeVideos() {
        Diagnostics d = new Diagnostics(tenRows());
        d.batch(new int[] {0, 1, 2, 3, 4}, labels(1, 0, 0, 0, 0), Nd4j.createFromArray(0.9f, 0.8f, 0.1f, 0.1f, 0.1f),
                labels(1, 1, 0, 0, 0));
        d.batch(new int[] {5, 6, 7, 8, 9}, labels(1, 1, 1, 1, 1), Nd4j.createFromArray(0.5f, 0.5f, 0.5f, 0.5f, 0.5f),
                labels(0, 0, 0, 0, 0));
        Map<String, Double> m = d.finish(null, null);
        assertEquals(5 / 6.0, m.get("whole_videos_g"), 1e-12);
        assertEquals(0.0, m.get("whole_videos_d"), 1e-12);
        // first batch: D ranks G's only anomaly (0.9) first: AUC 1; second batch has one class only: skipped
        assertEquals(1.0, m.get("d_agrees_g"), 1e-12);
        assertEquals((0.4 * 5 + 0.5 * 5) / 10, m.get("d_mean"), 1e-6);
        assertFalse(m.containsKey("kept_d"), "a first epoch has nothing to compare with");
    }

    @Test
    void keptIsTheShareOfLabelsTheNetworkAlsoGaveLastEpoch() {
        FeatureSet set = tenRows();
        Diagnostics first = new Diagnostics(set);
        first.batch(new int[] {0, 1, 2, 3}, labels(1, 1, 0, 0), null, labels(1, 0, 0, 0));
        first.finish(null, null);
        Diagnostics second = new Diagnostics(set, first);
        second.batch(new int[] {0, 1, 2, 3}, labels(1, 0, 1, 1), null, labels(1, 0, 0, 0));
        Map<String, Double> m = second.finish(null, null);
        assertEquals(1 / 3.0, m.get("kept_g"), 1e-12);
        assertEquals(1.0, m.get("kept_d"), 1e-12);
    }

    @Test
    void deadUnitsAreColumnsThatAreZeroForEveryRow() {
        var a = Nd4j.createFromArray(new float[][] {{0, 1, 0, 0}, {0, 0, 2, 0}, {0, 3, 0, 0}});
        assertEquals(0.5, Diagnostics.deadShare(a), 1e-12);
    }
}
