package gcl.live;

import gcl.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The CSV a watch writes, one line per segment as it is scored, so that a process killed at any
 * moment leaves every line but at most the one being written:
 * <ul>
 *   <li>a new file gets its header whole ({@link AtomicFiles}: written beside it, then moved in);</li>
 *   <li>each line is one {@code write} of the whole line on a file opened for appending, with no
 *       buffer in the process (what was written is the operating system's, whatever happens to the
 *       process), and then forced to the disk (so it survives a crash of the machine too);</li>
 *   <li>a file that ends in a line cut short (the process was killed inside a write) is cut back
 *       to its last whole line when it is opened again, and the watch appends after it.</li>
 * </ul>
 * An existing file is appended to only when its header is this one: two watches in a row into the
 * same file give one table.
 */
final class ScoreLog implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;

    private ScoreLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens a CSV for appending, creating it with {@code header} when it does not exist.
     *
     * @throws IOException naming the file when it exists with other columns or cannot be written
     */
    static ScoreLog open(Path file, String header) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder; give a file for the scores, e.g. " + file.resolve("watch.csv"));
        }
        if (!Files.exists(file) || Files.size(file) == 0) {
            AtomicFiles.writeString(file, header + "\n");
        } else {
            String first;
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                first = lines.findFirst().orElse("");
            }
            if (!first.equals(header)) {
                throw new IOException(file + " exists with other columns (" + first + "); give a new file for the scores");
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            cutToLastWholeLine(channel);
            channel.position(channel.size());
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new ScoreLog(file, channel);
    }

    /** Drops a last line without its newline (one cut short by a killed process). */
    private static void cutToLastWholeLine(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        long end = size;
        while (end > 0) {
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        if (end < size) {
            channel.truncate(end);
        }
    }

    /** Appends one line (a newline is added) and forces it to the disk. */
    void append(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
