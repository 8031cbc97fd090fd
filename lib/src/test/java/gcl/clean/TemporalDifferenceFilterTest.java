package gcl.clean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.data.VideoLabel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class TemporalDifferenceFilterTest {
    /**
     * Video a: [0,0] → [0.3,0.4] (0.5) → [0.3,1.4] (1.0) → [0.3,1.5] (0.1).
     * Video b: [5,5] → [5,5.6] (0.6).
     */
    private static FeatureSet twoVideos() {
        return FeatureSet.of(
                List.of(new Video("a", 0, 4, 64, VideoLabel.UNKNOWN, null), new Video("b", 0, 2, 32, VideoLabel.UNKNOWN, null)),
                List.of(Nd4j.createFromArray(new float[][] {{0, 0}, {0.3f, 0.4f}, {0.3f, 1.4f}, {0.3f, 1.5f}}),
                        Nd4j.createFromArray(new float[][] {{5, 5}, {5, 5.6f}})));
    }

    /** A video of 0 segments (shorter than one segment) between two others: no differences, no crash. */
    @Test
    void aVideoWithoutSegmentsIsSkipped() {
        FeatureSet set = FeatureSet.of(
                List.of(new Video("a", 0, 3, 48, VideoLabel.UNKNOWN, null), new Video("empty", 0, 0, 10, VideoLabel.UNKNOWN, null),
                        new Video("b", 0, 2, 32, VideoLabel.UNKNOWN, null)),
                List.of(Nd4j.createFromArray(new float[][] {{0, 0}, {0.3f, 0.4f}, {0.3f, 1.4f}}), Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 0, 2),
                        Nd4j.createFromArray(new float[][] {{5, 5}, {5, 5.6f}})));
        var r = new TemporalDifferenceFilter(DifferenceThreshold.absolute(0.55), true).apply(set);
        assertArrayEquals(new int[] {0, 1, 3}, r.keptRows());
    }

    @Test
    void keepsSegmentsWhoseStepFromThePreviousIsSmall() {
        TemporalDifferenceFilter.Result r = TemporalDifferenceFilter.paper().apply(twoVideos());
        // D_th = 0.70: a drops row 2 (difference 1.0); first segments 0 and 4 are kept
        assertArrayEquals(new int[] {0, 1, 3, 4, 5}, r.keptRows());
        assertEquals(5, r.kept());
        assertEquals(6, r.total());
        assertEquals(0.5, r.differences()[1], 1e-6);
        assertEquals(Double.NaN, r.differences()[4]);
        assertEquals(3, r.perVideo().intColumn("kept").get(0));
    }

    @Test
    void firstSegmentsCanBeDropped() {
        var r = new TemporalDifferenceFilter(DifferenceThreshold.absolute(0.55), false).apply(twoVideos());
        assertArrayEquals(new int[] {1, 3}, r.keptRows());
    }

    /** Differences 0.5, 1.0, 0.1, 0.6 sorted: 0.1, 0.5, 0.6, 1.0; the 50th percentile is 0.55. */
    @Test
    void percentileThresholdsAdaptToTheData() {
        var r = new TemporalDifferenceFilter(DifferenceThreshold.parse("p50"), true).apply(twoVideos());
        assertEquals(0.55, r.threshold(), 1e-6);
        assertArrayEquals(new int[] {0, 1, 3, 4}, r.keptRows());
    }

    @Test
    void thresholdsParseAndPrint() {
        assertEquals(DifferenceThreshold.absolute(0.7), DifferenceThreshold.parse("0.7"));
        assertEquals("p60", DifferenceThreshold.parse("percentile:60").id());
        assertThrows(IllegalArgumentException.class, () -> DifferenceThreshold.parse("p150"));
        assertThrows(IllegalArgumentException.class, () -> DifferenceThreshold.parse("abc"));
    }

    @Test
    void aVideoStartingAtRowTMinusOneKeepsItsDifferences() {
        // video a has 10 segments, so b (11 segments) starts at row 10 = T_b - 1: the case where
        // slicing a view of b from row 1 came back empty in ND4J 1.0.0-M2.1
        var a = new gcl.data.Video("a", 0, 10, 160, gcl.data.VideoLabel.UNKNOWN, null);
        var b = new gcl.data.Video("b", 0, 11, 176, gcl.data.VideoLabel.UNKNOWN, null);
        var set = gcl.data.FeatureSet.of(List.of(a, b), List.of(
                org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 10, 3),
                org.nd4j.linalg.factory.Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 11, 3)));
        double[] d = TemporalDifferenceFilter.differences(set.segmentsOf(set.video("b")));
        org.junit.jupiter.api.Assertions.assertEquals(10, d.length);
        var result = new TemporalDifferenceFilter(DifferenceThreshold.absolute(0.5), true).apply(set);
        org.junit.jupiter.api.Assertions.assertEquals(21, result.kept());
    }
}
