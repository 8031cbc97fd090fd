package gcl.c2fpl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Profile;
import gcl.data.FeatureSet;
import gcl.data.Video;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class MagnitudeCentringTest {
    @Test
    void eachVideoIsCentredOnItsOwnMedian() {
        FeatureSet set = Sets.of(new float[][][] {{{1}, {2}, {10}}, {{1}, {3}}, {}});
        double[] norms = FeatureMagnitude.norms(set);
        assertArrayEquals(new double[] {-1, 0, 8, -1, 1}, MagnitudeCentring.VIDEO_MEDIAN.apply(set, norms), 1e-12);
        assertSame(norms, MagnitudeCentring.NONE.apply(set, norms));
        assertEquals(MagnitudeCentring.VIDEO_MEDIAN, MagnitudeCentring.parse("Video_Median"));
        assertEquals("video-median", MagnitudeCentring.VIDEO_MEDIAN.id());
    }

    /**
     * Two cameras: every video of the second is 4 times as large, and each camera has as many videos with
     * an event as without. On the magnitudes themselves the camera decides most of the variance of the videos' mean
     * magnitude; centred on each video's median, almost none of it, and the coarse stage takes the videos
     * with an event, of either camera.
     */
    @Test
    void centringTakesTheCameraOutOfTheCoarseStage() {
        FeatureSet train = twoCameras();
        C2fplConfig centred = C2fplConfig.forProfile(Profile.QUICK).with("magnitudeCentring", "video-median");
        double[] norms = FeatureMagnitude.norms(train);
        assertTrue(cameraShareOfMean(train, norms) > 0.8, "the camera sets the level");
        assertTrue(cameraShareOfMean(train, MagnitudeCentring.VIDEO_MEDIAN.apply(train, norms)) < 0.2, "centring removes it");
        PseudoLabelQuality event = PseudoLabelQuality.of(train, C2fpl.pseudoLabels(train, centred), Sets.P);
        assertTrue(event.videoPrecision() >= 0.9 && event.videoRecall() >= 0.9, "centred magnitudes follow the events: " + event);
    }

    /** The share of the variance of the videos' mean magnitude μ_i that lies between the two cameras. */
    private static double cameraShareOfMean(FeatureSet set, double[] norms) {
        double[][] x = FeatureMagnitude.videoStatistics(set, norms);
        double all = 0;
        double[] sum = new double[2];
        int[] n = new int[2];
        for (int i = 0; i < x.length; i++) {
            int c = set.videos().get(i).id().startsWith("cam0") ? 0 : 1;
            sum[c] += x[i][0];
            n[c]++;
            all += x[i][0];
        }
        double mean = all / x.length;
        double total = 0;
        for (double[] xi : x) {
            total += (xi[0] - mean) * (xi[0] - mean);
        }
        double between = 0;
        for (int c = 0; c < 2; c++) {
            between += n[c] * Math.pow(sum[c] / n[c] - mean, 2);
        }
        return between / total;
    }

    private static FeatureSet twoCameras() {
        List<Video> videos = new ArrayList<>();
        List<INDArray> features = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            FeatureSet cam = Sets.events(6, 6, 24, 8, 10 + c);
            for (Video v : cam.videos()) {
                videos.add(new Video("cam" + c + "_" + v.id(), 0, v.segments(), v.frames(), v.label(), v.groundTruth()));
                features.add(cam.segmentsOf(v).mul(c == 0 ? 1.0 : 4.0));
            }
        }
        return FeatureSet.of(videos, features);
    }
}
