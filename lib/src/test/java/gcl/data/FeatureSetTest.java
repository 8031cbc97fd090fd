package gcl.data;

import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class FeatureSetTest {
    private static FeatureSet twoVideos() {
        Video a = new Video("a", 0, 2, 32, VideoLabel.NORMAL, null);
        Video b = new Video("b", 0, 3, 48, VideoLabel.ANOMALOUS, null);
        return FeatureSet.of(List.of(a, b), List.of(
                Nd4j.createFromArray(new float[][] {{1, 1}, {2, 2}}),
                Nd4j.createFromArray(new float[][] {{3, 3}, {4, 4}, {5, 5}})));
    }

    /** A batch gathers the rows asked for, in that order, into a row-major matrix of its own. */
    @Test
    void rowsGathersABatch() {
        FeatureSet s = twoVideos();
        INDArray batch = s.rows(new int[] {4, 0, 2, 0});
        assertArrayEquals(new float[] {5, 1, 3, 1}, batch.getColumn(1).toFloatVector());
        assertEquals('c', batch.ordering());
        batch.close();
        assertEquals(5f, s.features().getFloat(4, 1), "closing a batch leaves the set alone");
        assertEquals(0, s.rows(new int[0]).rows());
    }

    @Test
    void videosKeepTheirSegmentsInOrder() {
        FeatureSet s = twoVideos();
        assertEquals(5, s.size());
        assertEquals(2, s.dim());
        Video b = s.video("b");
        assertEquals(2, b.firstRow());
        assertArrayEquals(new float[] {3, 4, 5}, s.segmentsOf(b).getColumn(0).toFloatVector());
        assertArrayEquals(new int[] {0, 0, 1, 1, 1}, s.videoIndexOfRows());
    }

    @Test
    void shuffledBatchesCoverEveryRowOnce() {
        FeatureSet s = twoVideos();
        List<int[]> batches = s.shuffledBatches(2, new Random(1));
        assertEquals(3, batches.size());
        int[] all = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, all);
        assertEquals(1, s.shuffledBatches(100, new Random(1)).size());
    }

    @Test
    void subsetCopiesTheChosenVideos() {
        FeatureSet normal = twoVideos().subset(v -> v.label() == VideoLabel.NORMAL);
        assertEquals(2, normal.size());
        assertEquals("a", normal.videos().get(0).id());
    }

    @Test
    void badShapesAreRejected() {
        Video a = new Video("a", 0, 2, 32, VideoLabel.NORMAL, null);
        assertThrows(IllegalArgumentException.class, () -> new FeatureSet(Nd4j.zeros(3, 2), List.of(a)));
        assertThrows(IllegalArgumentException.class, () -> new Video("x", 0, 1, 16, VideoLabel.UNKNOWN, new boolean[3]));
    }
}
