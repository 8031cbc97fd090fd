package gcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void aFileAppearsWholeAndNoTemporaryIsLeft(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/table.csv");
        AtomicFiles.writeString(file, "a,b\n1,2\n");
        assertEquals("a,b\n1,2\n", Files.readString(file));
        AtomicFiles.writeString(file, "a,b\n3,4\n");
        assertEquals("a,b\n3,4\n", Files.readString(file), "replaced");
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(1, s.count(), "no temporary file beside it");
        }
    }

    @Test
    void aWriterThatFailsLeavesTheOldFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("metrics.csv");
        AtomicFiles.writeString(file, "old\n");
        assertThrows(IOException.class, () -> AtomicFiles.write(file, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old\n", Files.readString(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "the temporary is removed");
        }
    }

    @Test
    void aNameOf251CharactersIsWrittenAndItsTemporaryFits(@TempDir Path dir) throws IOException {
        // a temporary that repeated the whole name would pass the file system's 255 bytes with its suffix
        Path file = dir.resolve("v".repeat(247) + ".npy");
        AtomicFiles.writeString(file, "whole\n");
        assertEquals("whole\n", Files.readString(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary left beside it");
        }
    }

    @Test
    void deleteTreeRemovesAFolderAndIgnoresAMissingOne(@TempDir Path dir) throws IOException {
        Path tree = dir.resolve("run");
        AtomicFiles.writeString(tree.resolve("checkpoint/state.json"), "{}");
        AtomicFiles.deleteTree(tree);
        assertFalse(Files.exists(tree));
        AtomicFiles.deleteTree(tree);
    }
}
