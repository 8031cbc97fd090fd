package gcl.train;

import gcl.data.Dataset;
import gcl.data.DatasetInfo;
import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.data.VideoLabel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tiny in-memory dataset with one clearly planted anomaly type, for tests of the method.
 *
 * <p>Normal segments: a per-video scene offset plus a slow 4-dimensional random walk mapped into
 * d dimensions, plus a little noise. Anomalous stretches (in some videos, 10–20 consecutive
 * segments) add a large step along one fixed direction and jittery noise, so they are both
 * different from the normal data and "eventful" (large temporal differences). Segment size 16.
 */
public final class PlantedAnomalies {
    public static final int SEGMENT = 16;

    private PlantedAnomalies() {
    }

    /** 24 training videos (8 with an anomaly) and 12 test videos (4), 40 segments each, d = 32. */
    public static Dataset small(long seed) {
        return make(seed, 32, 24, 8, 12, 4, 40);
    }

    public static Dataset make(long seed, int d, int trainVideos, int trainAnomalous, int testVideos, int testAnomalous,
                               int segments) {
        Random rng = new Random(seed);
        double[][] w = new double[d][4];
        for (double[] row : w) {
            for (int k = 0; k < 4; k++) {
                row[k] = 0.5 * rng.nextGaussian();
            }
        }
        double[] u = new double[d];
        double norm = 0;
        for (int j = 0; j < d; j++) {
            u[j] = rng.nextGaussian();
            norm += u[j] * u[j];
        }
        for (int j = 0; j < d; j++) {
            u[j] /= Math.sqrt(norm);
        }
        FeatureSet train = split("train", rng, w, u, trainVideos, trainAnomalous, segments, false);
        FeatureSet test = split("test", rng, w, u, testVideos, testAnomalous, segments, true);
        DatasetInfo info = new DatasetInfo("planted-" + seed, SEGMENT, "planted", d, 30, DatasetInfo.SEGMENTS, true);
        return new Dataset(info, train, test, "planted-" + seed + "-" + d);
    }

    private static FeatureSet split(String name, Random rng, double[][] w, double[] u, int videos, int anomalous,
                                    int segments, boolean withGroundTruth) {
        int d = u.length;
        List<Video> list = new ArrayList<>();
        List<INDArray> mats = new ArrayList<>();
        for (int v = 0; v < videos; v++) {
            boolean hasAnomaly = v % Math.max(1, videos / Math.max(1, anomalous)) == 0 && countAnomalous(list) < anomalous;
            int start = -1;
            int end = -1;
            if (hasAnomaly) {
                int len = 10 + rng.nextInt(11);
                start = 5 + rng.nextInt(segments - len - 10);
                end = start + len;
            }
            double[] scene = new double[d];
            for (int j = 0; j < d; j++) {
                scene[j] = 0.3 * rng.nextGaussian();
            }
            double[] z = new double[4];
            float[][] f = new float[segments][d];
            for (int t = 0; t < segments; t++) {
                for (int k = 0; k < 4; k++) {
                    z[k] = 0.9 * z[k] + 0.1 * rng.nextGaussian();
                }
                boolean anomalousNow = t >= start && t < end;
                for (int j = 0; j < d; j++) {
                    double x = scene[j] + 0.05 * rng.nextGaussian();
                    for (int k = 0; k < 4; k++) {
                        x += w[j][k] * z[k];
                    }
                    if (anomalousNow) {
                        x += 3.0 * u[j] + 0.3 * rng.nextGaussian();
                    }
                    f[t][j] = (float) x;
                }
            }
            boolean[] gt = null;
            if (withGroundTruth) {
                gt = new boolean[segments * SEGMENT];
                if (hasAnomaly) {
                    Arrays.fill(gt, start * SEGMENT, end * SEGMENT, true);
                }
            }
            list.add(new Video(name + "-" + v, 0, segments, segments * SEGMENT,
                    hasAnomaly ? VideoLabel.ANOMALOUS : VideoLabel.NORMAL, gt));
            mats.add(Nd4j.createFromArray(f));
        }
        return FeatureSet.of(list, mats);
    }

    private static int countAnomalous(List<Video> videos) {
        return (int) videos.stream().filter(v -> v.label() == VideoLabel.ANOMALOUS).count();
    }
}
