package gcl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroundTruthTest {
    @Test
    void intervalsAndMasksAreInverse() {
        List<GroundTruth.Interval> ivs = List.of(new GroundTruth.Interval(1, 3), new GroundTruth.Interval(5, 6));
        boolean[] m = GroundTruth.mask(ivs, 8);
        assertArrayEquals(new boolean[] {false, true, true, false, false, true, false, false}, m);
        assertEquals(ivs, GroundTruth.intervals(m));
        assertEquals(3, GroundTruth.count(m));
        assertEquals(List.of(new GroundTruth.Interval(0, 2)), GroundTruth.intervals(new boolean[] {true, true}));
    }

    @Test
    void intervalsPastTheEndAreClipped() {
        boolean[] m = GroundTruth.mask(List.of(new GroundTruth.Interval(3, 10)), 4);
        assertArrayEquals(new boolean[] {false, false, false, true}, m);
    }

    @Test
    void segmentLabelsByAnyAndByMajority() {
        // p = 4; segment 0 has 1 anomalous frame, segment 1 has 3, segment 2 none.
        boolean[] m = {false, false, false, true, true, true, true, false, false, false, false, false};
        assertArrayEquals(new boolean[] {true, true, false}, GroundTruth.segmentLabels(m, 3, 4));
        assertArrayEquals(new boolean[] {false, true, false}, GroundTruth.segmentLabels(m, 3, 4, GroundTruth.SegmentRule.MAJORITY));
        assertArrayEquals(new boolean[] {false, false}, GroundTruth.segmentLabels(null, 2, 4));
    }

    @Test
    void fitCutsOrPadsToThePublishedLength() {
        boolean[] m = {true, false, true};
        assertArrayEquals(new boolean[] {true, false}, GroundTruth.fit(m, 2));
        assertArrayEquals(new boolean[] {true, false, true, false}, GroundTruth.fit(m, 4));
        assertEquals(48, GroundTruth.framesOfSegments(3, 16));
        assertArrayEquals(new boolean[] {false, false, true, true}, GroundTruth.framesOfSegmentLabels(new boolean[] {false, true}, 2));
    }
}
