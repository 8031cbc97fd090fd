package gcl.c2fpl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gcl.data.FeatureSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FineLabelingTest {
    /** A [20, 3] video whose row t is magnitude[t] along the first axis. */
    static float[][] video(double[] magnitude) {
        float[][] f = new float[magnitude.length][3];
        for (int t = 0; t < f.length; t++) {
            f[t][0] = (float) magnitude[t];
        }
        return f;
    }

    /**
     * Three normal videos whose magnitudes alternate 0.9 and 1.1 (Γ = 1, √Σ = 0.1), and one video the coarse
     * stage called anomalous: magnitude 1 everywhere but the planted window 8–12, which flickers
     * 1, 4, 1, 4, 1. With α = 0.25 (w = 5) the fine stage labels exactly segments 8–12 of that video.
     */
    @Test
    void aPlantedWindowIsFound() {
        double[] normal = new double[20];
        for (int t = 0; t < 20; t++) {
            normal[t] = t % 2 == 0 ? 0.9 : 1.1;
        }
        double[] planted = new double[20];
        Arrays.fill(planted, 1.0);
        planted[9] = 4;
        planted[11] = 4;
        FeatureSet set = Sets.of(new float[][][] {video(normal), video(normal), video(normal), video(planted)});
        CoarseLabels coarse = new CoarseLabels(new boolean[] {false, false, false, true}, new int[] {0, 0, 0, 1},
                new double[4][2], List.of());
        FineLabels fine = FineLabeling.label(set, FeatureMagnitude.norms(set), coarse, 0.25);

        assertEquals(1.0, fine.normal().mean(), 1e-6);
        assertEquals(0.1, fine.normal().std(), 1e-6);
        assertEquals(60, fine.normal().segments(), "fitted on the normal videos' segments only");
        float[] expected = new float[80];
        Arrays.fill(expected, 60 + 8, 60 + 13, 1f);
        assertArrayEquals(expected, fine.labels());
        assertArrayEquals(new int[] {-1, -1, -1, 8}, fine.windowStart());
        assertArrayEquals(new int[] {0, 0, 0, 5}, fine.windowLength());
        assertEquals(5.0 / 80, fine.anomalousShare(), 1e-12);
        assertEquals(2.0 / 20, fine.rejectedShare(), 1e-12, "the two segments of magnitude 4, 30 σ from Γ");
        assertEquals(80, fine.segmentsTable(set).rowCount());
    }

    @Test
    void labelsMustBelongToTheSet() {
        FeatureSet set = Sets.of(new float[][][] {video(new double[] {1, 2}), video(new double[] {1, 3})});
        CoarseLabels threeVideos = new CoarseLabels(new boolean[3], new int[3], new double[3][2], List.of());
        assertThrows(IllegalArgumentException.class, () -> FineLabeling.label(set, FeatureMagnitude.norms(set), threeVideos, 0.5));
    }
}
