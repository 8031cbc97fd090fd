package gcl.c2fpl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.data.VideoLabel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class PseudoLabelQualityTest {
    /**
     * Three videos of 4 segments of 2 frames. Truth: video 0 anomalous in its segments 1–2 (frames 2–5),
     * video 1 normal, video 2 anomalous in segment 3 (frames 6–7). Pseudo-labels: videos 0 and 1 anomalous
     * (windows: segments 2–3 of video 0, segment 0 of video 1), video 2 normal.
     * Videos: TP 1, FP 1, FN 1 → precision 1/2, recall 1/2, accuracy 1/3.
     * Frames: labelled 1 are frames 4–7 of video 0 (4, 5 anomalous) and 0–1 of video 1: TP 2, FP 4;
     * anomalous frames 6 (2–5 of video 0, 6–7 of video 2): FN 4 → precision 1/3, recall 1/3, IoU 2/10.
     */
    @Test
    void countsByHand() {
        int p = 2;
        boolean[] gt0 = {false, false, true, true, true, true, false, false};
        boolean[] gt1 = new boolean[8];
        boolean[] gt2 = {false, false, false, false, false, false, true, true};
        List<Video> videos = List.of(new Video("a", 0, 4, 8, VideoLabel.UNKNOWN, gt0),
                new Video("b", 0, 4, 8, VideoLabel.UNKNOWN, gt1), new Video("c", 0, 4, 8, VideoLabel.UNKNOWN, gt2));
        float[][] f = new float[4][2];
        FeatureSet set = FeatureSet.of(videos, List.of(Nd4j.createFromArray(f), Nd4j.createFromArray(f), Nd4j.createFromArray(f)));
        double[][] stats = {{3, 1}, {2, 1}, {1, 1}};
        CoarseLabels coarse = new CoarseLabels(new boolean[] {true, true, false}, new int[] {1, 1, 0}, stats, List.of());
        float[] labels = {0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
        double[] zeros = new double[12];
        double[] ones = new double[12];
        Arrays.fill(ones, 1);
        FineLabels fine = new FineLabels(labels, zeros, ones, new int[] {2, 0, -1}, new int[] {2, 1, 0},
                new NormalMagnitudes(0, 1, 4), 0);
        PseudoLabelQuality q = PseudoLabelQuality.of(set, new C2fplLabels(coarse, fine), p);
        assertEquals(3, q.videos());
        assertEquals(2, q.anomalousVideos());
        assertEquals(0.5, q.videoPrecision(), 1e-12);
        assertEquals(0.5, q.videoRecall(), 1e-12);
        assertEquals(1.0 / 3, q.videoAccuracy(), 1e-12);
        assertEquals(0.5, q.videoMeanAuc(), 1e-12, "μ: anomalous 3 and 1 against normal 2");
        assertEquals(24, q.frames());
        assertEquals(6, q.anomalousFrames());
        assertEquals(1.0 / 3, q.framePrecision(), 1e-12);
        assertEquals(1.0 / 3, q.frameRecall(), 1e-12);
        assertEquals(0.2, q.frameIou(), 1e-12);
        assertEquals(0.5, q.magnitudeFrameAuc(), 1e-12, "equal magnitudes tell nothing");
        assertEquals(14, q.table().rowCount());
    }

    @Test
    void withoutAnyTruthItIsRefused() {
        FeatureSet set = Sets.of(new float[][][] {{{1, 0}, {2, 0}}, {{1, 0}, {3, 0}}});
        CoarseLabels coarse = new CoarseLabels(new boolean[] {true, false}, new int[] {1, 0}, new double[2][2], List.of());
        FineLabels fine = new FineLabels(new float[4], new double[4], new double[4], new int[] {0, -1}, new int[] {2, 0},
                new NormalMagnitudes(0, 1, 2), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PseudoLabelQuality.of(set, new C2fplLabels(coarse, fine), 16));
        assertEquals(true, e.getMessage().contains("pseudo-label quality needs one"), e.getMessage());
    }
}
