package gcl.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.live.AlertTracker.State;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRuleTest {
    @Test
    void movingMeanOfTheLastScores() {
        assertArrayEquals(new double[] {1, 1.5, 2, 3, 4}, AlertRule.movingMean(new float[] {1, 2, 3, 4, 5}, 3), 1e-12);
        assertArrayEquals(new double[] {1, 2}, AlertRule.movingMean(new float[] {1, 2}, 1), 1e-12);
    }

    /** Linear interpolation between order statistics (NumPy's default): [1, 2, 3, 4] at 0.5 is 2.5, at 0.99 is 3.97. */
    @Test
    void quantilesInterpolate() {
        double[] v = {1, 2, 3, 4};
        assertEquals(2.5, AlertRule.quantile(v, 0.5), 1e-12);
        assertEquals(3.97, AlertRule.quantile(v, 0.99), 1e-12);
        assertEquals(1, AlertRule.quantile(v, 0), 1e-12);
        assertEquals(4, AlertRule.quantile(v, 1), 1e-12);
    }

    /** Thresholds from training scores smoothed per video (the window does not cross videos). */
    @Test
    void thresholdsFromSmoothedTrainingScores() {
        // video a smoothed (window 2): 0, 0.5, 1.5; video b: 10, 10 -> pooled sorted 0, 0.5, 1.5, 10, 10
        AlertRule r = AlertRule.fromTrainingScores(List.of(new float[] {0, 1, 2}, new float[] {10, 10}), 2, 0.75, 0.5, 0);
        assertEquals(10, r.enter(), 1e-12);
        assertEquals(1.5, r.leave(), 1e-12);
        assertEquals(5, r.trainingSegments());
        assertTrue(r.fromTraining());
        assertThrows(IllegalArgumentException.class, () -> AlertRule.fromTrainingScores(List.of(new float[] {1}), 2, 0.5, 0.9, 0));
        assertThrows(IllegalArgumentException.class, () -> AlertRule.of(1, 0.5, 0.8, 0));
    }

    /** Hysteresis: enter at 0.8, leave below 0.5, on raw scores (window 1). */
    @Test
    void alertsStartAtEnterAndEndBelowLeave() {
        AlertTracker t = new AlertTracker(AlertRule.of(1, 0.8, 0.5, 0));
        float[] scores = {0.1f, 0.9f, 0.7f, 0.6f, 0.4f, 0.79f, 0.8f};
        State[] expected = {State.NORMAL, State.ALERT, State.ALERT, State.ALERT, State.NORMAL, State.NORMAL, State.ALERT};
        List<String> transitions = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            AlertTracker.Step s = t.add(scores[i]);
            assertEquals(expected[i], s.state(), "segment " + i);
            if (s.started()) {
                transitions.add("start " + i);
            }
            if (s.ended()) {
                transitions.add("end " + i);
            }
        }
        assertEquals(List.of("start 1", "end 4", "start 6"), transitions);
    }

    @Test
    void noAlertDuringTheWarmUpAndSmoothingStartsAfreshAfterAGap() {
        AlertTracker t = new AlertTracker(AlertRule.of(2, 0.8, 0.5, 2));
        assertEquals(State.WARMUP, t.add(1f).state());
        assertEquals(State.WARMUP, t.add(1f).state());
        AlertTracker.Step third = t.add(1f);
        assertEquals(State.ALERT, third.state());
        assertTrue(third.started());
        t.gap();
        AlertTracker.Step afterGap = t.add(0.2f);
        assertEquals(0.2, afterGap.smoothed(), 1e-6, "the scores before the gap are forgotten");
        assertTrue(afterGap.ended());
        assertFalse(t.inAlert());
    }
}
