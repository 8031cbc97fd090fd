package gcl.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.nb.Course;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every load (train, ablate, seeds, score, the notebooks through {@link Course#data}) refuses what
 * {@code data check} reports, with the same message: ids equal but for case, ground truth beyond a
 * video's frames, frame counts other than T·p under the segments convention, feature files that are
 * not [T, d]. The tiny set: train0–7, test0–7, 12 segments of p = 4 (48 frames) each.
 */
class SameChecksTest {
    @TempDir
    Path dir;

    private void append(String file, String line) throws IOException {
        Files.writeString(dir.resolve(file), Files.readString(dir.resolve(file)) + line + "\n");
    }

    /** The load, the notebooks' load and data check all name {@code expected}. */
    private String refusedEverywhere(String expected) {
        String m = assertThrows(IOException.class, () -> DatasetDirectory.load(dir)).getMessage();
        assertTrue(m.contains(expected), m);
        String notebook = assertThrows(UncheckedIOException.class, () -> Course.data(dir)).getMessage();
        assertTrue(notebook.contains(expected), notebook);
        DatasetCheck.Report report = DatasetCheck.run(dir);
        assertFalse(report.ok());
        assertTrue(report.problems().stream().anyMatch(p -> p.contains(expected)), report.text(20));
        return m;
    }

    @Test
    void idsEqualButForCaseAcrossSplitsAreALeak() throws IOException {
        TinyData.write(dir);
        Files.copy(DatasetDirectory.featureFile(dir, "test2"), DatasetDirectory.featureFile(dir, "Test2"));
        append("splits/train.txt", "Test2");
        append("videos.csv", "Test2,48,normal");
        String m = refusedEverywhere("video test2 and video Test2 in " + dir.resolve("splits/train.txt"));
        assertTrue(m.contains("differ only in case") && m.contains("a train/test leak"), m);
    }

    @Test
    void idsEqualButForCaseInOneSplitCollideToo() throws IOException {
        TinyData.write(dir);
        Files.copy(DatasetDirectory.featureFile(dir, "train3"), DatasetDirectory.featureFile(dir, "TRAIN3"));
        append("splits/train.txt", "TRAIN3");
        append("videos.csv", "TRAIN3,48,normal");
        assertFalse(refusedEverywhere("video TRAIN3 and video train3 differ only in case").contains("leak"));
    }

    @Test
    void anIntervalBeyondTheVideoIsRefusedNotCut() throws IOException {
        TinyData.write(dir);
        append("ground_truth.csv", "test0,100,200");
        refusedEverywhere("interval [100, 200) of video test0 ends after its 48 frames");
    }

    @Test
    void frameCountsOtherThanSegmentsTimesPUnderTheSegmentsConvention() throws IOException {
        TinyData.write(dir);
        Path videos = dir.resolve("videos.csv");
        Files.writeString(videos, Files.readString(videos).replace("train1,48,", "train1,88,"));
        refusedEverywhere("frames 88 for video train1, but 12 segments × 4 = 48 under the segments convention");
    }

    @Test
    void aOneDimensionalFeatureFileIsNotReadAsOneLongVideo() throws IOException {
        TinyData.write(dir);
        Path f = DatasetDirectory.featureFile(dir, "train0");
        Npy.write(f, new float[96], 96);
        String m = assertThrows(IOException.class, () -> DatasetDirectory.load(dir)).getMessage();
        assertTrue(m.startsWith(f + ": shape [96]") && m.contains("[T, d]"), m);
        assertTrue(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("(96,)"), "the file is 1-D");
    }
}
