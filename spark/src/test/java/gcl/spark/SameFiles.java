package gcl.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Two folders with the same files, byte for byte (after an optional mask of what may differ, e.g. timings). */
final class SameFiles {
    private SameFiles() {
    }

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    static void assertSame(Path expected, Path actual) throws IOException {
        assertSame(expected, actual, (file, text) -> text);
    }

    /** A mask: the text of a file with what may differ (timings, clocks) blanked; binary files are compared whole. */
    interface Mask {
        String apply(String file, String text);
    }

    static void assertSame(Path expected, Path actual, Mask mask) throws IOException {
        List<String> names = files(expected);
        assertEquals(names, files(actual), "the same files in " + actual + " as in " + expected);
        for (String name : names) {
            byte[] a = Files.readAllBytes(expected.resolve(name));
            byte[] b = Files.readAllBytes(actual.resolve(name));
            if (isText(name)) {
                UnaryOperator<String> m = t -> mask.apply(name, t);
                assertEquals(m.apply(new String(a, StandardCharsets.UTF_8)), m.apply(new String(b, StandardCharsets.UTF_8)), name);
            } else {
                assertArrayEquals(a, b, name + " byte for byte");
            }
        }
    }

    private static boolean isText(String name) {
        return name.endsWith(".json") || name.endsWith(".csv") || name.endsWith(".txt") || name.equals("DONE");
    }
}
