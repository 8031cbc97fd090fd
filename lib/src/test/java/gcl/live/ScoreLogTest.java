package gcl.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreLogTest {
    @TempDir
    Path dir;

    @Test
    void linesAreAppendedWholeAndAnotherWatchAppendsAfterThem() throws IOException {
        Path csv = dir.resolve("w.csv");
        try (ScoreLog log = ScoreLog.open(csv, "a,b")) {
            log.append("1,2");
            assertEquals(List.of("a,b", "1,2"), Files.readAllLines(csv), "on disk before the log is closed");
        }
        try (ScoreLog log = ScoreLog.open(csv, "a,b")) {
            log.append("3,4");
        }
        assertEquals(List.of("a,b", "1,2", "3,4"), Files.readAllLines(csv));
    }

    /** A process killed inside a write leaves a line without its newline: it is dropped, the rest kept. */
    @Test
    void aLineCutShortIsDroppedOnReopening() throws IOException {
        Path csv = dir.resolve("w.csv");
        Files.writeString(csv, "a,b\n1,2\n3,");
        try (ScoreLog log = ScoreLog.open(csv, "a,b")) {
            log.append("5,6");
        }
        assertEquals("a,b\n1,2\n5,6\n", Files.readString(csv));
    }

    @Test
    void aFileWithOtherColumnsOrAFolderIsRefused() throws IOException {
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "x,y\n1,2\n");
        IOException e = assertThrows(IOException.class, () -> ScoreLog.open(csv, "a,b"));
        assertTrue(e.getMessage().contains("exists with other columns"), e.getMessage());
        assertEquals("x,y\n1,2\n", Files.readString(csv), "untouched");
        assertThrows(IOException.class, () -> ScoreLog.open(dir, "a,b"));
    }
}
