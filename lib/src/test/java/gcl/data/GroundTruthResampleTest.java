package gcl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frame-based annotations follow the frame rate: resampled frame k shows source frame
 * round(k · from / to) and takes its label (hand-computed below).
 */
class GroundTruthResampleTest {
    private static final List<GroundTruth.Interval> EVENT = List.of(new GroundTruth.Interval(5, 32));

    @Test
    void fromTwentyFiveToFiveFramesPerSecond() {
        // k shows source frame 5k: frames 1..6 show 5..30, inside [5, 32); frame 7 shows 35
        assertEquals(List.of(new GroundTruth.Interval(1, 7)), GroundTruth.intervals(GroundTruth.resample(EVENT, 25, 5, 10)));
    }

    @Test
    void fromTwentyFiveToFiftyFramesPerSecond() {
        // k shows source frame round(k / 2), halves rounded up: 9 shows 5 (4.5), 62 shows 31, 63 shows 32
        assertEquals(List.of(new GroundTruth.Interval(9, 63)), GroundTruth.intervals(GroundTruth.resample(EVENT, 25, 50, 100)));
    }

    @Test
    void theSameRateKeepsTheMaskAndShortVideosAreCut() {
        assertEquals(List.of(new GroundTruth.Interval(5, 20)), GroundTruth.intervals(GroundTruth.resample(EVENT, 30, 30, 20)));
        assertThrows(IllegalArgumentException.class, () -> GroundTruth.resample(EVENT, 0, 30, 20));
    }
}
