package gcl.clean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.data.VideoLabel;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.GclTrainer;
import gcl.train.Preset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class VideoCentringTest {
    /**
     * Video a (3 segments): [1, 10], [2, 30], [9, 20]: medians 2 and 20.
     * Video b (2 segments): [0, 4], [2, 8]: medians (0+2)/2 = 1 and (4+8)/2 = 6.
     */
    private static FeatureSet twoVideos() {
        return FeatureSet.of(
                List.of(new Video("a", 0, 3, 48, VideoLabel.UNKNOWN, null), new Video("b", 0, 2, 32, VideoLabel.UNKNOWN, null)),
                List.of(Nd4j.createFromArray(new float[][] {{1, 10}, {2, 30}, {9, 20}}),
                        Nd4j.createFromArray(new float[][] {{0, 4}, {2, 8}})));
    }

    @Test
    void medianCentringSubtractsEachVideosOwnMedian() {
        VideoCentring.Centred c = VideoCentring.MEDIAN.of(twoVideos());
        // rows 4 (b's second) and 1 (a's second), in that order
        INDArray x = c.rows(new int[] {4, 1});
        assertArrayEquals(new float[] {1, 2}, x.getRow(0).toFloatVector());
        assertArrayEquals(new float[] {0, 10}, x.getRow(1).toFloatVector());
        assertArrayEquals(new float[] {1, 6}, c.offsets(new int[] {4}).getRow(0).toFloatVector());
        assertArrayEquals(new float[] {-1, -10}, c.range(0, 1).getRow(0).toFloatVector());
    }

    /** The buffered per-video medians equal median() of each video's rows, on a dense matrix and on an 'f'-ordered one. */
    @Test
    void videoMediansEqualEachVideosMedian() {
        Random r = new Random(3);
        List<INDArray> perVideo = new ArrayList<>();
        List<gcl.data.Video> videos = new ArrayList<>();
        for (int t : new int[] {5, 1, 4, 0, 7}) {
            float[][] x = new float[t][6];
            for (float[] row : x) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = (float) r.nextGaussian();
                }
            }
            perVideo.add(t == 0 ? Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 0, 6) : Nd4j.createFromArray(x));
            videos.add(new gcl.data.Video("v" + videos.size(), 0, t, t * 16, gcl.data.VideoLabel.UNKNOWN, null));
        }
        FeatureSet dense = FeatureSet.of(videos, perVideo);
        FeatureSet fOrder = new FeatureSet(dense.features().dup('f'), dense.videos());
        for (FeatureSet set : List.of(dense, fOrder)) {
            INDArray m = VideoCentring.videoMedians(set);
            for (int i = 0; i < set.videos().size(); i++) {
                gcl.data.Video v = set.videos().get(i);
                float[] expected = v.segments() == 0 ? new float[6] : VideoCentring.median(set.segmentsOf(v).toFloatMatrix());
                assertArrayEquals(expected, m.getRow(i).toFloatVector(), v.id());
            }
        }
    }

    /**
     * Medians by selection equal medians by sorting on columns full of ties, signed zeros, odd and
     * even lengths, and videos longer than the 16 rows read at a time.
     */
    @Test
    void videoMediansEqualSortedMediansOnTiesAndSignedZeros() {
        Random r = new Random(11);
        float[] values = {-0.0f, 0.0f, 1.5f, -2.25f, 3.0f, Float.MIN_VALUE, -Float.MAX_VALUE};
        List<INDArray> perVideo = new ArrayList<>();
        List<gcl.data.Video> videos = new ArrayList<>();
        for (int t : new int[] {1, 2, 3, 16, 17, 40, 101, 2, 64}) {
            float[][] x = new float[t][9];
            for (float[] row : x) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = k < 5 ? values[r.nextInt(values.length)] : (float) r.nextGaussian();
                }
            }
            perVideo.add(Nd4j.createFromArray(x));
            videos.add(new gcl.data.Video("v" + videos.size(), 0, t, t * 16, gcl.data.VideoLabel.UNKNOWN, null));
        }
        FeatureSet set = FeatureSet.of(videos, perVideo);
        INDArray m = VideoCentring.videoMedians(set);
        for (int i = 0; i < set.videos().size(); i++) {
            gcl.data.Video v = set.videos().get(i);
            float[] expected = VideoCentring.median(set.segmentsOf(v).toFloatMatrix());
            float[] got = m.getRow(i).toFloatVector();
            for (int k = 0; k < expected.length; k++) {
                assertEquals(Float.floatToIntBits(expected[k]), Float.floatToIntBits(got[k]), v.id() + " dimension " + k);
            }
        }
    }

    /** Selection puts the k-th smallest at k, nothing larger before it and nothing smaller after, for every k. */
    @Test
    void selectionPutsTheKthSmallestInPlace() {
        Random r = new Random(5);
        for (int n : new int[] {1, 2, 15, 16, 17, 33, 200}) {
            for (int k = 0; k < n; k++) {
                int[] a = new int[n + 4];
                for (int i = 0; i < a.length; i++) {
                    a[i] = r.nextInt(7) - 3;
                }
                int[] sorted = Arrays.copyOfRange(a, 2, 2 + n);
                Arrays.sort(sorted);
                int[] outside = {a[0], a[1], a[n + 2], a[n + 3]};
                VideoCentring.select(a, 2, n, k);
                assertEquals(sorted[k], a[2 + k], "n " + n + ", k " + k);
                for (int i = 2; i < 2 + n; i++) {
                    assertTrue(i < 2 + k ? a[i] <= a[2 + k] : a[i] >= a[2 + k], "n " + n + ", k " + k + ", at " + i);
                }
                assertArrayEquals(outside, new int[] {a[0], a[1], a[n + 2], a[n + 3]}, "only the range moves");
            }
        }
    }

    @Test
    void theSetItselfIsNotChanged() {
        FeatureSet set = twoVideos();
        VideoCentring.MEDIAN.of(set).rows(new int[] {0, 1, 2, 3, 4});
        assertArrayEquals(new float[] {1, 10}, set.features().getRow(0).toFloatVector());
    }

    @Test
    void applyOnOneVideoEqualsTheSetsRows() {
        FeatureSet set = twoVideos();
        INDArray a = VideoCentring.MEDIAN.apply(set.segmentsOf(set.video("a")));
        assertEquals(VideoCentring.MEDIAN.of(set).range(0, 3), a);
    }

    /** Streaming: segment t minus the median of segments 0..t: a's first dimension 1, 2, 9 → medians 1, 1.5, 2. */
    @Test
    void streamingCentringUsesOnlyThePast() {
        INDArray a = VideoCentring.STREAMING.apply(twoVideos().segmentsOf(twoVideos().video("a")));
        assertArrayEquals(new float[] {0, 0.5f, 7}, a.getColumn(0).toFloatVector(), 1e-6f);
        assertArrayEquals(new float[] {0, 10, 0}, a.getColumn(1).toFloatVector(), 1e-6f);
        VideoCentring.Centred c = VideoCentring.STREAMING.of(twoVideos());
        assertEquals(a, c.range(0, 3));
        assertArrayEquals(new float[] {1.5f, 20}, c.offsets(new int[] {1}).getRow(0).toFloatVector(), 1e-6f);
    }

    @Test
    void noneLeavesFeaturesAsTheyAre() {
        FeatureSet set = twoVideos();
        VideoCentring.Centred c = VideoCentring.NONE.of(set);
        assertEquals(set.rows(new int[] {2}), c.rows(new int[] {2}));
        assertNull(c.offsets(new int[] {2}));
        INDArray seg = set.segmentsOf(set.video("b"));
        assertSame(seg, VideoCentring.NONE.apply(seg));
    }

    @Test
    void parsesItsCommandLineForms() {
        assertEquals(VideoCentring.MEDIAN, VideoCentring.parse(" Median "));
        assertEquals("streaming", VideoCentring.STREAMING.id());
        assertThrows(IllegalArgumentException.class, () -> VideoCentring.parse("mean"));
    }

    /**
     * 1-D: video a [0, 2] (mean 1), video b [4, 6] (mean 5), overall mean 3. Total sum of squares
     * 9 + 1 + 1 + 9 = 20, between videos 2·(1−3)² + 2·(5−3)² = 16: share 0.8.
     */
    @Test
    void sceneShareIsTheBetweenVideoPartOfTheVariance() {
        FeatureSet set = FeatureSet.of(
                List.of(new Video("a", 0, 2, 32, VideoLabel.UNKNOWN, null), new Video("b", 0, 2, 32, VideoLabel.UNKNOWN, null)),
                List.of(Nd4j.createFromArray(new float[][] {{0}, {2}}), Nd4j.createFromArray(new float[][] {{4}, {6}})));
        assertEquals(0.8, VideoCentring.sceneShare(set), 1e-6);
        FeatureSet same = FeatureSet.of(
                List.of(new Video("a", 0, 2, 32, VideoLabel.UNKNOWN, null), new Video("b", 0, 2, 32, VideoLabel.UNKNOWN, null)),
                List.of(Nd4j.createFromArray(new float[][] {{0}, {2}}), Nd4j.createFromArray(new float[][] {{2}, {0}})));
        assertEquals(0.0, VideoCentring.sceneShare(same), 1e-6, "both videos have the same mean: nothing between them");
    }

    /** Auto centres where the scene decides most of the variance (0.8 above) and leaves shared scenes alone. */
    @Test
    void autoCentresOnlyWhereTheSceneDominates() {
        List<Video> two = List.of(new Video("a", 0, 2, 32, VideoLabel.UNKNOWN, null), new Video("b", 0, 2, 32, VideoLabel.UNKNOWN, null));
        FeatureSet scenes = FeatureSet.of(two, List.of(Nd4j.createFromArray(new float[][] {{0}, {2}}), Nd4j.createFromArray(new float[][] {{4}, {6}})));
        FeatureSet shared = FeatureSet.of(two, List.of(Nd4j.createFromArray(new float[][] {{0}, {2}}), Nd4j.createFromArray(new float[][] {{2}, {0}})));
        assertEquals(VideoCentring.MEDIAN, VideoCentring.AUTO.resolve(scenes));
        assertEquals(VideoCentring.NONE, VideoCentring.AUTO.resolve(shared));
        assertEquals(VideoCentring.NONE, VideoCentring.NONE.resolve(scenes), "a named centring is kept");
        assertEquals(VideoCentring.AUTO, VideoCentring.parse("Auto"));
        assertThrows(IllegalStateException.class, () -> VideoCentring.AUTO.apply(Nd4j.createFromArray(new float[][] {{1}})));
        // the robust preset's config resolves on the training split; a model refuses the undecided one
        GclConfig robust = GclConfig.of(Preset.ROBUST);
        assertEquals(VideoCentring.AUTO, robust.videoCentring());
        GclConfig decided = new GclTrainer(robust, scenes).config();
        assertEquals(VideoCentring.MEDIAN, decided.videoCentring());
        assertSame(decided, new GclTrainer(decided, shared).config(), "once decided, the choice stays (test splits never decide it)");
        assertThrows(IllegalArgumentException.class, () -> GclModel.create(robust, 1));
    }
}
