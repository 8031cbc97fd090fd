package gcl.data;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import gcl.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one way the library reads and writes its small CSV files (videos.csv, ground_truth.csv,
 * frame counts, index files), on univocity's parser (the one Tablesaw uses): a header row that must
 * name the expected columns, then rows of at least the required fields; quoting as in RFC 4180,
 * blank lines skipped, spaces around fields trimmed. Files are UTF-8 (a byte-order mark is
 * skipped). Every problem is one message naming the file and the line.
 */
public final class Csv {
    private Csv() {
    }

    /**
     * One row after the header.
     *
     * @param file   the file it came from
     * @param line   its line number in the file (1 = the header)
     * @param fields its fields; missing optional fields are ""
     */
    public record Row(Path file, long line, String[] fields) {
        /** Field i as text ("" when empty or absent). */
        public String text(int i) {
            return i < fields.length && fields[i] != null ? fields[i] : "";
        }

        /** Field i as a whole number; {@code what} names it in the message when it is not one. */
        public int integer(int i, String what) throws IOException {
            try {
                return Integer.parseInt(text(i));
            } catch (NumberFormatException e) {
                throw problem(what + " '" + text(i) + "' is not a whole number");
            }
        }

        /** An exception for a problem with this row: {@code file: line N: message}. */
        public IOException problem(String message) {
            return new IOException(file + ": line " + line + ": " + message);
        }
    }

    /**
     * Reads a CSV file whose header is {@code columns}: the first {@code required} of them must be
     * there, the others may follow in order. Each row must give the required fields and no more
     * fields than the header has.
     *
     * @throws IOException naming the file (and line) when it is missing, has another header, or a row is malformed
     */
    public static List<Row> read(Path file, List<String> columns, int required) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing");
        }
        String expected = String.join(",", columns.subList(0, required))
                + (required < columns.size() ? "[," + String.join(",", columns.subList(required, columns.size())) + "]" : "");
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setComment('\0');
        settings.setNullValue("");
        settings.setEmptyValue("");
        settings.setMaxColumns(Math.max(64, columns.size() + 1));
        CsvParser parser = new CsvParser(settings);
        List<Row> rows = new ArrayList<>();
        try (Reader in = new StringReader(readText(file))) {
            parser.beginParsing(in);
            String[] header = parser.parseNext();
            if (header == null || header.length < required || header.length > columns.size()
                    || !Arrays.asList(header).equals(columns.subList(0, header.length))) {
                throw new IOException(file + ": expected the header '" + expected + "', found '"
                        + (header == null ? "" : String.join(",", header)) + "'");
            }
            for (String[] f; (f = parser.parseNext()) != null; ) {
                long line = parser.getContext().currentLine();
                if (f.length < required || f.length > header.length) {
                    throw new IOException(file + ": line " + line + ": " + f.length + " fields, expected " + expected);
                }
                String[] fields = Arrays.copyOf(f, header.length);
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i] == null ? "" : fields[i];
                }
                rows.add(new Row(file, line, fields));
            }
        } catch (com.univocity.parsers.common.TextParsingException e) {
            throw new IOException(file + ": line " + e.getLineIndex() + ": not readable as CSV (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        } finally {
            parser.stopParsing();
        }
        return rows;
    }

    /** Writes a header and rows as CSV (quoting fields that need it), through {@link AtomicFiles}. */
    public static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        StringWriter text = new StringWriter();
        CsvWriterSettings settings = new CsvWriterSettings();
        settings.getFormat().setLineSeparator("\n");
        CsvWriter writer = new CsvWriter(text, settings);
        writer.writeRow(header);
        for (List<String> row : rows) {
            writer.writeRow(row);
        }
        writer.close();
        AtomicFiles.writeString(file, text.toString());
    }

    /**
     * The entries of a list file (one per line, as {@code splits/train.txt} or a published feature
     * list): lines trimmed, blank lines and lines starting with {@code #} skipped.
     */
    public static List<String> readList(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing list file");
        }
        List<String> out = new ArrayList<>();
        for (String line : readText(file).split("\r?\n|\r")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A small text file as UTF-8, without the byte-order mark that some editors put first.
     *
     * @throws IOException naming the file when it is not UTF-8 text
     */
    public static String readText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(in).toString();
        } catch (CharacterCodingException e) {
            long line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new IOException(file + ": line " + line + " is not UTF-8 text (another encoding, such as Latin-1?);"
                    + " save the file as UTF-8", e);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Writes a list file, one entry per line, through {@link AtomicFiles}. */
    public static void writeList(Path file, List<String> entries) throws IOException {
        StringBuilder s = new StringBuilder();
        for (String e : entries) {
            s.append(e).append('\n');
        }
        AtomicFiles.writeString(file, s);
    }
}
