package gcl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.data.VideoLabel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class FrameScoresTest {
    @Test
    void segmentScoresRepeatOverTheirFramesWithPaddingAndTrimming() {
        float[] seg = {0.2f, 0.9f};
        double[] padded = FrameScores.ofVideo(seg, 40, 16);
        assertEquals(0.2f, padded[15], 1e-7);
        assertEquals(0.9f, padded[16], 1e-7);
        assertEquals(0.9f, padded[39], 1e-7);
        assertEquals(20, FrameScores.ofVideo(seg, 20, 16).length);
        assertArrayEquals(new double[3], FrameScores.ofVideo(new float[0], 3, 16));
    }

    @Test
    void testVideosAreConcatenatedAndVideosWithoutGroundTruthSkipped() {
        boolean[] gt = new boolean[8];
        gt[4] = gt[5] = gt[6] = gt[7] = true; // second segment anomalous (p = 4)
        FeatureSet set = FeatureSet.of(List.of(
                        new Video("a", 0, 2, 8, VideoLabel.ANOMALOUS, gt),
                        new Video("b", 0, 1, 4, VideoLabel.UNKNOWN, null),
                        new Video("c", 0, 1, 4, VideoLabel.NORMAL, new boolean[4])),
                List.of(Nd4j.zeros(2, 3), Nd4j.zeros(1, 3), Nd4j.zeros(1, 3)));
        FrameScores.FrameLevel f = FrameScores.of(set, new float[] {0.1f, 0.8f, 0.5f, 0.3f}, 4);
        assertEquals(12, f.frames());
        assertEquals(4, f.anomalousFrames());
        assertEquals(List.of("a", "c"), f.videoIds());
        assertArrayEquals(new int[] {0, 8}, f.videoStart());
        assertEquals(0.3f, f.scores()[8], 1e-7);
        // anomalous frames score 0.8, normal ones 0.1 and 0.3: AUC 1
        assertEquals(1.0, f.auc(), 1e-12);
    }

    /** The field's 10-crop protocol: a video's crops scored one by one, averaged per segment, the video counted once. */
    @Test
    void cropScoresAreAveragedPerSegmentAndEachVideoCountsOnce() {
        boolean[] gt = new boolean[8];
        gt[4] = gt[5] = gt[6] = gt[7] = true; // second segment anomalous (p = 4)
        FeatureSet set = FeatureSet.of(List.of(
                        new Video("a#0", 0, 2, 8, VideoLabel.ANOMALOUS, gt),
                        new Video("a#1", 0, 2, 8, VideoLabel.ANOMALOUS, gt),
                        new Video("c", 0, 1, 4, VideoLabel.NORMAL, new boolean[4])),
                List.of(Nd4j.zeros(2, 3), Nd4j.zeros(2, 3), Nd4j.zeros(1, 3)));
        // crop 0 ranks the normal segment of a above the anomalous one; the crops' mean does not
        float[] scores = {0.6f, 0.5f, 0.0f, 0.9f, 0.4f};
        assertEquals(5.0 / 6, FrameScores.of(set, scores, 4).auc(), 1e-12, "crop by crop: crop 0 is wrong about a");
        FrameScores.FrameLevel f = FrameScores.ofCropAveraged(set, scores, 4);
        assertEquals(List.of("a#0", "c"), f.videoIds());
        assertEquals(12, f.frames(), "each video once");
        assertEquals(0.3, f.scores()[0], 1e-6);
        assertEquals(0.7, f.scores()[4], 1e-6);
        assertEquals(1.0, f.auc(), 1e-12);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FrameScores.ofCropAveraged(FeatureSet.of(List.of(new Video("c", 0, 1, 4, VideoLabel.NORMAL, new boolean[4])),
                        List.of(Nd4j.zeros(1, 3))), new float[] {0.1f}, 4), "no crops to average");
    }
}
