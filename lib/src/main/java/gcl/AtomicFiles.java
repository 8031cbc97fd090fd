package gcl;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Every file the library writes whole goes through here: written to a temporary file beside it,
 * then moved into place, so a reader (or an interrupted run) never finds half a file. Three kinds of
 * writing do not: folders that must appear whole (a finished run, a generated dataset, rendered
 * videos) are built beside their place and moved in by their owners; append-only journals (a
 * dataset's resume journal, {@code extraction.csv}) get one line per record; and FFmpeg writes a
 * video in place ({@code gcl.video.VideoWriter}), inside such a folder.
 */
public final class AtomicFiles {
    /** The longest part of a file's name that its temporary's name repeats. */
    private static final int MAX_PREFIX = 64;

    private AtomicFiles() {
    }

    /** What writes a file's content to the path it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    /** Writes {@code file} by {@code content} into a temporary beside it, then moves it into place. */
    public static Path write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        String name = target.getFileName().toString();
        // a name near the file system's 255-byte limit would overflow with the temporary's suffix
        String prefix = "." + (name.length() > MAX_PREFIX ? name.substring(0, MAX_PREFIX) : name);
        Path tmp = Files.createTempFile(target.getParent(), prefix, ".tmp");
        try {
            content.writeTo(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }

    /** Writes a text file (UTF-8). */
    public static Path writeString(Path file, CharSequence text) throws IOException {
        return write(file, tmp -> Files.writeString(tmp, text));
    }

    /** Removes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
