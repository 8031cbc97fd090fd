package gcl;

import gcl.data.Dataset;
import gcl.data.DatasetInfo;
import gcl.data.DatasetWriter;
import gcl.data.FeatureSet;
import gcl.data.GroundTruthConvention;
import gcl.data.Video;
import gcl.data.VideoLabel;
import gcl.train.GclConfig;
import gcl.train.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The tests' shared small datasets, in memory or written as a dataset directory, and a config
 * small enough to train on them in well under a second.
 *
 * <ul>
 *   <li>{@link #dataset()}: eight training and eight test videos of 12 segments, d = 8, p = 4; the
 *       even videos have an anomalous middle (segments 5–7, large values) with frame ground truth
 *       in the test split. For the run layer, the cache and the CLI.</li>
 *   <li>{@link #planted(long)}: 24 + 12 videos of 40 segments, d = 32, p = 16, one clearly
 *       planted anomaly type, for tests that the method learns.</li>
 * </ul>
 */
public final class TinyData {
    /** Segment size of {@link #planted}. */
    public static final int SEGMENT = 16;

    private TinyData() {
    }

    /** The tiny dataset (see the class comment); always the same numbers. */
    public static Dataset dataset() {
        Random rng = new Random(3);
        List<Video> train = new ArrayList<>();
        List<INDArray> trainX = new ArrayList<>();
        List<Video> test = new ArrayList<>();
        List<INDArray> testX = new ArrayList<>();
        for (int v = 0; v < 8; v++) {
            float[][] x = new float[12][8];
            boolean[] gt = new boolean[12 * 4];
            for (int t = 0; t < 12; t++) {
                boolean anomalous = v % 2 == 0 && t >= 5 && t < 8;
                for (int k = 0; k < 8; k++) {
                    x[t][k] = (float) (anomalous ? 2 + rng.nextDouble() : 0.3 + 0.05 * rng.nextGaussian());
                }
                for (int f = 0; f < 4; f++) {
                    gt[t * 4 + f] = anomalous;
                }
            }
            train.add(new Video("train" + v, 0, 12, 48, v % 2 == 0 ? VideoLabel.ANOMALOUS : VideoLabel.NORMAL, null));
            trainX.add(Nd4j.createFromArray(x));
            test.add(new Video("test" + v, 0, 12, 48, VideoLabel.UNKNOWN, gt));
            testX.add(Nd4j.createFromArray(x).dup());
        }
        DatasetInfo info = new DatasetInfo("tiny", 4, "test", 8, 25, GroundTruthConvention.SEGMENTS, true);
        return new Dataset(info, FeatureSet.of(train, trainX), FeatureSet.of(test, testX), "tiny-fingerprint");
    }

    /** The tiny dataset written as a dataset directory at {@code dir}. */
    public static Path write(Path dir) throws IOException {
        DatasetWriter.write(dir, dataset());
        return dir;
    }

    /** GCL_B with hidden layers of 4 units, batch 32, 2 epochs (1 of pre-training), learning rate 0.01. */
    public static GclConfig config() {
        return GclConfig.defaults().withVariant(Variant.GCL_B)
                .with("generatorHidden", List.of(4)).with("discriminatorHidden", List.of(4))
                .with("batchSize", 32).with("epochs", 2).with("pretrainEpochs", 1).with("learningRate", 0.01);
    }

    /**
     * GCL_PT in the quick profile, made smaller still for {@link #planted}: G [32, 16, 32], D [16, 4],
     * two pre-training epochs and three of the loop.
     */
    public static GclConfig plantedConfig(long seed) {
        return GclConfig.forProfile(Profile.QUICK).withVariant(Variant.GCL_PT).withSeed(seed)
                .with("generatorHidden", List.of(32, 16, 32))
                .with("discriminatorHidden", List.of(16, 4))
                .with("pretrainEpochs", 2).withEpochs(3);
    }

    /** 24 training videos (8 with an anomaly) and 12 test videos (4), 40 segments each, d = 32. */
    public static Dataset planted(long seed) {
        return planted(seed, 32, 24, 8, 12, 4, 40);
    }

    /**
     * A dataset with one planted anomaly type. Normal segments: a per-video scene offset plus a
     * slow 4-dimensional random walk mapped into d dimensions, plus a little noise. Anomalous
     * stretches (in some videos, 10–20 consecutive segments) add a large step along one fixed
     * direction and jittery noise, so they are both different from the normal data and "eventful"
     * (large temporal differences). Segment size {@value #SEGMENT}.
     */
    public static Dataset planted(long seed, int d, int trainVideos, int trainAnomalous, int testVideos, int testAnomalous,
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
        DatasetInfo info = new DatasetInfo("planted-" + seed, SEGMENT, "planted", d, 30, GroundTruthConvention.SEGMENTS, true);
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
