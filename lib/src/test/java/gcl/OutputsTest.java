package gcl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a command may write: never over or inside its inputs, never inside a dataset or run directory, names that fit. */
class OutputsTest {
    @TempDir
    Path dir;

    private String refused(Runnable check) {
        return assertThrows(IllegalArgumentException.class, check::run).getMessage();
    }

    @Test
    void anOutputThatIsHoldsOrLiesInsideAnInputIsRefusedNamingBoth() throws IOException {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        String same = refused(() -> Outputs.refuseOverlap("--out", videos, Outputs.inputs("--videos", videos)));
        assertTrue(same.contains("--out " + videos) && same.contains("--videos " + videos) && same.contains("same folder"), same);
        String inside = refused(() -> Outputs.refuseOverlap("--out", videos.resolve("ds"), Outputs.inputs("--videos", videos)));
        assertTrue(inside.contains("is inside --videos"), inside);
        Path index = dir.resolve("x/videos.csv");
        String holds = refused(() -> Outputs.refuseOverlap("--out", dir.resolve("x"), Outputs.inputs("--index", index)));
        assertTrue(holds.contains("holds --index " + index), holds);
        // another spelling of the same folder, through a link
        Path link = Files.createSymbolicLink(dir.resolve("link"), videos);
        assertTrue(refused(() -> Outputs.refuseOverlap("--out", link, Outputs.inputs("--videos", videos))).contains("same folder"));
        assertDoesNotThrow(() -> Outputs.refuseOverlap("--out", dir.resolve("ds"), Outputs.inputs("--videos", videos, "--gt", null)));
    }

    @Test
    void aFileInsideADatasetOrRunDirectoryIsRefused() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("dataset.json"), "{}");
        String m = refused(() -> Outputs.refuseInsideManaged("--out", data.resolve("videos.csv")));
        assertTrue(m.contains("inside the dataset directory " + data.toRealPath()), m);
        Path run = Files.createDirectories(dir.resolve("cache/runs/abc"));
        Files.writeString(run.resolve("run.json"), "{}");
        assertTrue(refused(() -> Outputs.refuseInsideManaged("--out", run.resolve("checkpoint/x.csv"))).contains("run directory"));
        assertDoesNotThrow(() -> Outputs.refuseInsideManaged("--out", dir.resolve("cache/runs/rows.csv")));
    }

    @Test
    void namesTheFileSystemCannotTakeAndFilesInTheWayAreRefusedBeforeAnyWork() throws IOException {
        String longName = refused(() -> Outputs.checkFile("--out", dir.resolve("r".repeat(296) + ".csv")));
        assertTrue(longName.startsWith("--out: the name") && longName.contains("300 bytes"), longName);
        assertDoesNotThrow(() -> Outputs.checkFile("--out", dir.resolve("r".repeat(251) + ".csv")));
        Path file = Files.writeString(dir.resolve("afile"), "x");
        assertTrue(refused(() -> Outputs.checkFile("--out", file.resolve("rows.csv"))).contains(file + " is a file, not a folder"));
        assertTrue(refused(() -> Outputs.checkFile("--out", dir)).contains("is a folder"));
        assertTrue(refused(() -> Outputs.checkFolder("--cache", file)).contains("--cache " + file + " is a file"));
        assertDoesNotThrow(() -> Outputs.checkFolder("--cache", dir.resolve("new/cache")));
    }
}
