package gcl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.clean.TemporalDifferenceFilter;
import gcl.eval.Evaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dataset directory whose annotations do not hold together is refused by the loader (so by train,
 * ablate, seeds and the notebooks) with one message naming the file, and reported, not thrown, by
 * {@link DatasetCheck}. The tiny set: train0–7 (even ones labelled anomalous), test0–7 (labels
 * unknown, the even ones with anomalous frames).
 */
class DatasetStructureTest {
    @TempDir
    Path dir;

    private void replace(String file, String from, String to) throws IOException {
        Path f = dir.resolve(file);
        String text = Files.readString(f);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(f, text.replace(from, to));
    }

    private void append(String file, String line) throws IOException {
        Files.writeString(dir.resolve(file), Files.readString(dir.resolve(file)) + line + "\n");
    }

    /** The load fails with a message containing {@code expected}; data check reports it without throwing. */
    private void refused(String expected) {
        String m = assertThrows(IOException.class, () -> DatasetDirectory.load(dir)).getMessage();
        assertTrue(m.contains(expected), m);
        DatasetCheck.Report report = DatasetCheck.run(dir);
        assertFalse(report.ok());
        assertTrue(report.problems().stream().anyMatch(p -> p.contains(expected)), report.text(20));
    }

    @Test
    void aSoundDirectoryLoadsAndChecksWithoutAManifest() throws IOException {
        TinyData.write(dir);
        DatasetDirectory.load(dir);
        DatasetCheck.Report report = DatasetCheck.run(dir);
        assertTrue(report.ok(), report.text(20));
        assertTrue(report.text(20).contains("is a sound dataset directory (no manifest"), report.text(20));
    }

    @Test
    void aVideoInBothSplitsIsALeak() throws IOException {
        TinyData.write(dir);
        append("splits/test.txt", "train3");
        refused("video train3 is also in " + dir.resolve("splits/train.txt") + " (a train/test leak)");
    }

    @Test
    void aSplitEntryOutsideTheDatasetIsRefused() throws IOException {
        TinyData.write(dir);
        append("splits/train.txt", "../elsewhere");
        refused(dir.resolve("splits/train.txt") + ": bad video id '../elsewhere'");
        replace("splits/train.txt", "../elsewhere", "sub/video");
        refused("bad video id 'sub/video'");
    }

    @Test
    void aSecondRowInVideosCsvIsRefused() throws IOException {
        TinyData.write(dir);
        append("videos.csv", "train3,48,normal");
        refused("video train3 has a second row");
    }

    @Test
    void groundTruthForAnUnknownVideoIsRefused() throws IOException {
        TinyData.write(dir);
        append("ground_truth.csv", "ghost,0,4");
        refused("ground truth for video ghost, which no split lists");
    }

    @Test
    void labelsMustAgreeWithTheGroundTruth() throws IOException {
        TinyData.write(dir);
        replace("videos.csv", "test1,48,unknown", "test1,48,anomalous");
        refused("no anomalous frame for video test1, which videos.csv labels anomalous");
        replace("videos.csv", "test1,48,anomalous", "test1,48,unknown");
        replace("videos.csv", "test0,48,unknown", "test0,48,normal");
        refused("anomalous frames for video test0, which videos.csv labels normal");
    }

    @Test
    void groundTruthWithoutAnAnomalousTestFrameIsRefused() throws IOException {
        TinyData.write(dir);
        // ground truth for a training video only: the test split has no anomalous frame
        Files.writeString(dir.resolve("ground_truth.csv"), "id,start,end\ntrain0,20,32\n");
        refused("no test video has an anomalous frame, so frame AUC is undefined");
        // without any ground truth the set loads (footage to score), and no AUC is computed on it
        Files.writeString(dir.resolve("ground_truth.csv"), "id,start,end\n");
        assertFalse(Evaluation.hasGroundTruth(DatasetDirectory.load(dir).test()));
    }

    @Test
    void frameCountsShorterThanTheFeaturesCoverAreRefused() throws IOException {
        DatasetWriter w = DatasetWriter.open(dir, new DatasetInfo("real", 4, "test", 2, 25, GroundTruthConvention.FRAMES, false));
        w.writeVideo("a", Split.TRAIN, Nd4j.rand(DataType.FLOAT, 3, 2), 9, VideoLabel.NORMAL, null);
        boolean[] gt = new boolean[8];
        gt[5] = true;
        w.writeVideo("t", Split.TEST, Nd4j.rand(DataType.FLOAT, 2, 2), 8, VideoLabel.ANOMALOUS, gt);
        w.finish();
        DatasetDirectory.load(dir); // 9 frames: two whole segments and a padded third
        replace("videos.csv", "a,9,normal", "a,8,normal");
        refused("frames 8 for video a, fewer than its 3 segments of 4 frames cover");
    }

    @Test
    void aVideoWithoutSegmentsLoadsChecksAndCleans() throws IOException {
        DatasetWriter w = DatasetWriter.open(dir, new DatasetInfo("short", 4, "test", 2, 25, GroundTruthConvention.SEGMENTS, false));
        w.writeVideo("a", Split.TRAIN, Nd4j.rand(DataType.FLOAT, 3, 2), 12, VideoLabel.NORMAL, null);
        w.writeVideo("short", Split.TRAIN, Nd4j.create(DataType.FLOAT, 0, 2), 0, VideoLabel.NORMAL, null);
        w.writeVideo("b", Split.TRAIN, Nd4j.rand(DataType.FLOAT, 2, 2), 8, VideoLabel.NORMAL, null);
        boolean[] gt = new boolean[8];
        gt[5] = true;
        w.writeVideo("t", Split.TEST, Nd4j.rand(DataType.FLOAT, 2, 2), 8, VideoLabel.ANOMALOUS, gt);
        w.finish();
        DatasetCheck.Report report = DatasetCheck.run(dir);
        assertTrue(report.ok(), report.text(20));
        Dataset ds = DatasetDirectory.load(dir);
        assertEquals(0, ds.train().video("short").segments());
        assertEquals(5, TemporalDifferenceFilter.paper().apply(ds.train()).total());
    }
}
