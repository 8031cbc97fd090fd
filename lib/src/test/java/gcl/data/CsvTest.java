package gcl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    private static final List<String> INDEX = List.of("id", "split", "from", "to", "label");

    @Test
    void optionalColumnsMayBeLeftOutAndFieldsAreTrimmedAndUnquoted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("index.csv");
        Files.writeString(file, "id,split,from,to\n v1 , train, 0, 10\n\n\"v,2\",test,10,20\n");
        List<Csv.Row> rows = Csv.read(file, INDEX, 4);
        assertEquals(2, rows.size());
        assertEquals("v1", rows.get(0).text(0));
        assertEquals("", rows.get(0).text(4), "the optional label is empty");
        assertEquals("v,2", rows.get(1).text(0));
        assertEquals(20, rows.get(1).integer(3, "to"));
        assertEquals(4, rows.get(1).line());
    }

    @Test
    void anotherHeaderOrARowOfTheWrongLengthIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("index.csv");
        Files.writeString(file, "id,from,to\nv1,0,10\n");
        IOException e = assertThrows(IOException.class, () -> Csv.read(file, INDEX, 4));
        assertEquals(file + ": expected the header 'id,split,from,to[,label]', found 'id,from,to'", e.getMessage());
        Files.writeString(file, "id,split,from,to\nv1,train,0\n");
        e = assertThrows(IOException.class, () -> Csv.read(file, INDEX, 4));
        assertEquals(file + ": line 2: 3 fields, expected id,split,from,to[,label]", e.getMessage());
        e = assertThrows(IOException.class, () -> Csv.read(dir.resolve("none.csv"), INDEX, 4));
        assertEquals(dir.resolve("none.csv") + ": missing", e.getMessage());
    }

    @Test
    void writtenRowsReadBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.csv");
        Csv.write(file, List.of("id", "frames"), List.of(List.of("a", "16"), List.of("b,c", "32")));
        assertEquals("id,frames\na,16\n\"b,c\",32\n", Files.readString(file));
        assertEquals("b,c", Csv.read(file, List.of("id", "frames"), 2).get(1).text(0));
    }

    @Test
    void aByteOrderMarkIsSkipped(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("videos.csv");
        Files.writeString(csv, "\uFEFFid,frames,label\na,16,normal\n");
        assertEquals("a", Csv.read(csv, Annotations.VIDEOS_HEADER, 2).get(0).text(0));
        Path list = dir.resolve("train.txt");
        Files.writeString(list, "\uFEFFa\r\nb\r\n");
        assertEquals(List.of("a", "b"), Csv.readList(list));
    }

    @Test
    void aFileThatIsNotUtf8IsNamed(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("train.txt");
        Files.write(list, new byte[] {'a', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'}); // "café" in Latin-1
        String m = assertThrows(IOException.class, () -> Csv.readList(list)).getMessage();
        assertTrue(m.startsWith(list + ": line 2 is not UTF-8 text"), m);
    }
}
