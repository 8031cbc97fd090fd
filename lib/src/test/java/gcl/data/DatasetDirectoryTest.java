package gcl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DatasetDirectoryTest {
    @TempDir
    Path dir;

    static final DatasetInfo INFO = new DatasetInfo("tiny", 4, "test", 0, 30, GroundTruthConvention.SEGMENTS, true, "a test set");

    static INDArray features(int t, int d, float base) {
        return Nd4j.linspace(DataType.FLOAT, base, 1, (long) t * d).reshape(t, d);
    }

    /** Two train videos, two test videos (one with two anomalous intervals), d = 3, p = 4. */
    static void writeTiny(Path dir) throws IOException {
        DatasetWriter w = DatasetWriter.open(dir, INFO);
        w.writeVideo("train-a", Split.TRAIN, features(2, 3, 0), 8, VideoLabel.NORMAL, null);
        w.writeVideo("train-b", Split.TRAIN, features(3, 3, 10), 12, VideoLabel.ANOMALOUS, null);
        boolean[] gt = new boolean[16];
        gt[1] = gt[2] = gt[9] = true;
        w.writeVideo("test-a", Split.TEST, features(4, 3, 20), 16, VideoLabel.ANOMALOUS, gt);
        w.writeVideo("test-b", Split.TEST, features(1, 3, 40), 4, VideoLabel.NORMAL, null);
        w.finish();
    }

    @Test
    void writtenDirectoryLoadsBack() throws IOException {
        writeTiny(dir);
        assertEquals("id,start,end\ntest-a,1,3\ntest-a,9,10\n", Files.readString(dir.resolve("ground_truth.csv")));
        assertEquals("train-a\ntrain-b\n", Files.readString(dir.resolve("splits/train.txt")));
        assertTrue(Files.readString(dir.resolve("videos.csv")).contains("train-b,12,anomalous\n"));
        assertFalse(Files.exists(dir.resolve(DatasetWriter.JOURNAL)));

        Dataset ds = DatasetDirectory.load(dir);
        assertEquals(3, ds.info().featureDim());
        assertEquals("a test set", ds.info().description());
        assertEquals(5, ds.train().size());
        assertEquals(5, ds.test().size());
        Video a = ds.test().video("test-a");
        assertEquals(16, a.frames());
        assertArrayEquals(new boolean[] {false, true, true, false, false, false, false, false, false, true,
                false, false, false, false, false, false}, a.groundTruth());
        assertFalse(ds.test().video("test-b").hasAnomalousFrames());
        assertNull(ds.train().video("train-b").groundTruth(), "training videos carry no ground truth here");
        assertEquals(VideoLabel.ANOMALOUS, ds.train().video("train-b").label());
        assertEquals(features(4, 3, 20), ds.test().segmentsOf(a));
        assertEquals(16, ds.fingerprint().length());
        assertEquals(ds.fingerprint(), DatasetDirectory.load(dir).fingerprint());
    }

    @Test
    void fingerprintFollowsTheContent() throws IOException {
        writeTiny(dir);
        String before = DatasetDirectory.load(dir).fingerprint();
        Npy.write(DatasetDirectory.featureFile(dir, "train-a"), features(2, 3, 0.5f));
        assertNotEquals(before, DatasetDirectory.load(dir).fingerprint());
    }

    @Test
    void writerResumesAndOverwrites() throws IOException {
        DatasetWriter w = DatasetWriter.open(dir, INFO);
        w.writeVideo("train-a", Split.TRAIN, features(2, 3, 0), 8, VideoLabel.NORMAL, null);
        // the run stops here without finish(); a new writer picks up what was done
        DatasetWriter again = DatasetWriter.open(dir, INFO);
        assertTrue(again.contains("train-a"));
        assertEquals(1, again.size());
        again.writeVideo("train-a", Split.TRAIN, features(3, 3, 0), 12, VideoLabel.NORMAL, null);
        again.writeVideo("test-a", Split.TEST, features(2, 3, 0), 8, VideoLabel.NORMAL, null);
        again.finish();
        Dataset ds = DatasetDirectory.load(dir);
        assertEquals(3, ds.train().video("train-a").segments());
        // a finished directory reopens with its videos
        DatasetWriter more = DatasetWriter.open(dir, INFO);
        assertEquals(2, more.size());
        more.writeVideo("test-b", Split.TEST, features(1, 3, 0), 4, VideoLabel.NORMAL, null);
        more.finish();
        assertEquals(List.of("test-a", "test-b"), Annotations.readSplit(dir, Split.TEST));
    }

    @Test
    void publishedConventionCutsRealLengthGroundTruth() throws IOException {
        DatasetInfo real = new DatasetInfo("real", 4, "test", 0, 30, GroundTruthConvention.FRAMES, false);
        DatasetWriter w = DatasetWriter.open(dir, real);
        boolean[] gt = new boolean[10];
        gt[8] = gt[9] = gt[3] = true;
        w.writeVideo("v", Split.TEST, features(2, 3, 0), 10, VideoLabel.ANOMALOUS, gt); // 10 real frames, 2 segments
        w.writeVideo("t", Split.TRAIN, features(2, 3, 0), 10, VideoLabel.UNKNOWN, null);
        w.finish();
        assertEquals(10, DatasetDirectory.load(dir).test().video("v").frames());
        Dataset pub = DatasetDirectory.load(dir, DatasetDirectory.Options.defaults().withConvention(GroundTruthConvention.SEGMENTS));
        Video v = pub.test().video("v");
        assertEquals(8, v.frames());
        assertEquals(1, GroundTruth.count(v.groundTruth()));
        assertEquals(GroundTruthConvention.SEGMENTS, pub.info().groundTruthConvention());
        writeTiny(dir.resolve("seg"));
        IOException e = assertThrows(IOException.class, () -> DatasetDirectory.load(dir.resolve("seg"),
                DatasetDirectory.Options.defaults().withConvention(GroundTruthConvention.FRAMES)));
        assertTrue(e.getMessage().contains("dataset.json"), e.getMessage());
    }

    @Test
    void tenCropFilesFollowTheCropPolicy() throws IOException {
        writeTiny(dir);
        Npy.write(DatasetDirectory.featureFile(dir, "test-b"), Nd4j.ones(DataType.FLOAT, 1, 10, 3));
        Dataset mean = DatasetDirectory.load(dir);
        assertEquals(1, mean.test().video("test-b").segments());
        Dataset each = DatasetDirectory.load(dir, DatasetDirectory.Options.defaults().withCrops(CropPolicy.EACH));
        assertEquals(1 + 10, each.test().videos().size());
        assertEquals(4, each.test().video("test-b#9").frames());
    }

    @Test
    void brokenDirectoriesNameTheFile() throws IOException {
        writeTiny(dir);
        Files.delete(DatasetDirectory.featureFile(dir, "test-b"));
        IOException e = assertThrows(IOException.class, () -> DatasetDirectory.load(dir));
        assertTrue(e.getMessage().contains("test-b.npy") && e.getMessage().contains("missing"), e.getMessage());

        writeTiny(dir);
        Npy.write(DatasetDirectory.featureFile(dir, "train-a"), features(2, 5, 0));
        e = assertThrows(IOException.class, () -> DatasetDirectory.load(dir));
        assertTrue(e.getMessage().contains("train-a.npy") && e.getMessage().contains("d = 5"), e.getMessage());

        Files.writeString(dir.resolve("dataset.json"), "{ not json");
        e = assertThrows(IOException.class, () -> DatasetDirectory.load(dir));
        assertTrue(e.getMessage().contains("dataset.json"), e.getMessage());
    }

    @Test
    void badIdsAreRefused() throws IOException {
        DatasetWriter w = DatasetWriter.open(dir, INFO);
        assertThrows(IllegalArgumentException.class,
                () -> w.writeVideo("../x", Split.TRAIN, features(1, 3, 0), 4, VideoLabel.NORMAL, null));
    }
}
