package gcl.c2fpl;

import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.data.VideoLabel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small feature sets made by the tests, with 16-frame segments. */
final class Sets {
    static final int P = 16;

    private Sets() {
    }

    /** One video per [T][d] block; labels unknown, no ground truth. */
    static FeatureSet of(float[][][] videos) {
        List<Video> vs = new ArrayList<>();
        List<INDArray> ms = new ArrayList<>();
        int d = 0;
        for (float[][] v : videos) {
            if (v.length > 0) {
                d = v[0].length;
            }
        }
        for (int i = 0; i < videos.length; i++) {
            float[][] v = videos[i];
            vs.add(new Video("v" + i, 0, v.length, v.length * P, VideoLabel.UNKNOWN, null));
            ms.add(v.length == 0 ? Nd4j.create(DataType.FLOAT, 0, d) : Nd4j.createFromArray(v));
        }
        return FeatureSet.of(vs, ms);
    }

    /**
     * A set of videos of d-dimensional features made to fit C2FPL's assumptions: each video is its own
     * scene (a random direction, norm 3 times a per-video gain 1 ± 0.2) with a little noise per segment; an
     * anomalous video carries one event over a contiguous third of its segments during which the feature
     * swells and shrinks back (gain 1 + sin, up to twice its size). Frame ground truth on every video.
     */
    static FeatureSet events(int normal, int anomalous, int segments, int d, long seed) {
        Random rng = new Random(seed);
        List<Video> vs = new ArrayList<>();
        List<INDArray> ms = new ArrayList<>();
        int length = segments / 3;
        for (int i = 0; i < normal + anomalous; i++) {
            boolean event = i >= normal;
            double size = 3 * (1 + 0.2 * rng.nextGaussian());
            float[] scene = new float[d];
            double ss = 0;
            for (int k = 0; k < d; k++) {
                scene[k] = (float) (1 + 0.3 * rng.nextGaussian());
                ss += scene[k] * scene[k];
            }
            for (int k = 0; k < d; k++) {
                scene[k] *= (float) (size / Math.sqrt(ss));
            }
            int start = event ? length / 2 + rng.nextInt(segments - length - length / 2) : -1;
            boolean[] gt = new boolean[segments * P];
            float[][] f = new float[segments][d];
            for (int t = 0; t < segments; t++) {
                boolean in = event && t >= start && t < start + length;
                double gain = in ? 1 + Math.sin(Math.PI * (t - start + 0.5) / length) : 1;
                for (int k = 0; k < d; k++) {
                    f[t][k] = (float) (scene[k] * gain + 0.01 * rng.nextGaussian());
                }
                if (in) {
                    Arrays.fill(gt, t * P, (t + 1) * P, true);
                }
            }
            vs.add(new Video((event ? "a" : "n") + i, 0, segments, segments * P,
                    event ? VideoLabel.ANOMALOUS : VideoLabel.NORMAL, gt));
            ms.add(Nd4j.createFromArray(f));
        }
        return FeatureSet.of(vs, ms);
    }

    /** The same features with every video's label replaced and its ground truth removed. */
    static FeatureSet relabelled(FeatureSet set, VideoLabel label) {
        List<Video> vs = new ArrayList<>();
        List<INDArray> ms = new ArrayList<>();
        for (Video v : set.videos()) {
            vs.add(new Video(v.id(), 0, v.segments(), v.frames(), label, null));
            ms.add(set.segmentsOf(v));
        }
        return FeatureSet.of(vs, ms);
    }
}
