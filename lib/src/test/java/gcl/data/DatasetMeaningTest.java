package gcl.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a dataset's files mean is recorded in dataset.json and compared wherever features would mix:
 * a writer resumed on a finished or an interrupted directory refuses other settings by name, and
 * ids that differ only in case (one file on macOS and Windows) are refused.
 */
class DatasetMeaningTest {
    @TempDir
    Path dir;

    private static DatasetInfo info(double fps, String size) {
        return new DatasetInfo("mine", 16, "gcl-default-v3", 8, fps, GroundTruthConvention.FRAMES, false, "").withFrameSize(size);
    }

    @Test
    void differencesNameEachFieldWithBothValuesAndUnknownsAgree() {
        DatasetMeaning a = info(25, null).meaning();
        assertEquals(List.of(), a.differences(info(25, null).meaning(), "now", "before"));
        assertEquals(List.of("frameRate 5 (now) vs 25 (before)", "frameSize 320x240 (now) vs each video's own (before)"),
                info(5, "320x240").meaning().differences(a, "now", "before"));
        assertEquals(List.of(), info(0, null).meaning().differences(a, "now", "before"), "a frame rate of 0 is unknown");
        DatasetMeaning drop = new DatasetMeaning("gcl-default-v3", 8, 16, 25, null, GroundTruthConvention.SEGMENTS, null);
        assertEquals(List.of("groundTruthConvention segments (now) vs frames (before)"), drop.differences(a, "now", "before"));
        assertEquals(List.of(), drop.featureDifferences(a, "now", "before"), "the convention is the ground truth's, not the features'");
    }

    private static void writeOne(DatasetWriter w, String id) throws IOException {
        w.writeVideo(id, Split.TRAIN, Nd4j.ones(DataType.FLOAT, 3, 8), 48, VideoLabel.UNKNOWN, null);
    }

    @Test
    void aFinishedDirectoryTakesMoreVideosOnlyWithTheSameMeaning() throws IOException {
        DatasetWriter w = DatasetWriter.open(dir, info(25, "160x120"));
        writeOne(w, "a");
        w.finish();
        String m = assertThrows(IOException.class, () -> DatasetWriter.open(dir, info(5, "160x120"))).getMessage();
        assertTrue(m.startsWith(dir + " holds features that mean something else: frameRate 5 (now) vs 25 (the directory's dataset.json)")
                && m.contains("write into a new directory"), m);
        m = assertThrows(IOException.class, () -> DatasetWriter.open(dir, info(25, null))).getMessage();
        assertTrue(m.contains("frameSize each video's own (now) vs 160x120"), m);
        DatasetWriter again = DatasetWriter.open(dir, info(25, "160x120"));
        writeOne(again, "b");
        again.finish();
        assertEquals(List.of("a", "b"), DatasetDirectory.load(dir).train().videos().stream().map(Video::id).toList());
        assertEquals("160x120", DatasetDirectory.readInfo(dir).frameSize(), "the frame size is recorded");
    }

    @Test
    void anInterruptedRunIsResumedOnlyWithTheSameMeaning() throws IOException {
        DatasetWriter w = DatasetWriter.open(dir, info(25, null));
        writeOne(w, "a"); // no finish(): the journal and what the run began are all there is
        assertTrue(Files.notExists(dir.resolve(DatasetDirectory.DATASET_JSON)));
        String m = assertThrows(IOException.class, () -> DatasetWriter.open(dir, info(50, null))).getMessage();
        assertTrue(m.contains("frameRate 50 (now) vs 25 (what an interrupted run began)"), m);
        DatasetWriter resumed = assertDoesNotThrow(() -> DatasetWriter.open(dir, info(25, null)));
        assertTrue(resumed.contains("a"));
        resumed.finish();
        assertTrue(Files.notExists(dir.resolve(".writer")), "the journal and the plan are gone once finished");
    }

    @Test
    void anotherKindOfDatasetIsNotWrittenIntoAnExistingOne() throws IOException {
        TinyData.write(dir);
        String before = Files.readString(dir.resolve("videos.csv"));
        DatasetInfo other = new DatasetInfo("cat", 16, "unknown", 0, 0, GroundTruthConvention.SEGMENTS, false);
        String m = assertThrows(IOException.class, () -> DatasetWriter.open(dir, other)).getMessage();
        assertTrue(m.contains("featureKind unknown (now) vs test") && m.contains("segmentSize 16 (now) vs 4"), m);
        assertEquals(before, Files.readString(dir.resolve("videos.csv")), "nothing written");
    }

    @Test
    void idsThatDifferOnlyInCaseAreOneFileElsewhereAndRefused() throws IOException {
        DatasetWriter w = DatasetWriter.open(dir, info(25, null));
        writeOne(w, "Test-0002");
        String m = assertThrows(IllegalArgumentException.class, () -> writeOne(w, "test-0002")).getMessage();
        assertTrue(m.contains("videos Test-0002 and test-0002 differ only in case"), m);
        assertTrue(Files.notExists(DatasetDirectory.featureFile(dir, "test-0002")), "not written");
    }

    @Test
    void anIdTooLongForItsFeatureFileIsRefusedByName() {
        assertEquals(null, DatasetWriter.idProblem("v".repeat(251)));
        String m = DatasetWriter.idProblem("v".repeat(252));
        assertTrue(m.contains("252 bytes long") && m.contains("<id>.npy"), m);
        assertTrue(DatasetWriter.idProblem("._clip").contains("no leading '.'"));
    }
}
