package gcl.data.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.data.GroundTruth.Interval;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UcfCrimeAnnotationsTest {
    static final List<String> LINES = List.of(
            "Abuse028_x264.mp4  Abuse  165  240  -1  -1",
            "Arson011_x264.mp4  Arson  150  420  680  1267",
            "Normal_Videos_003_x264.mp4  Normal  -1  -1  -1  -1",
            "");

    @Test
    void publishedLinesGiveHalfOpenZeroBasedIntervals() throws IOException {
        Map<String, UcfCrimeAnnotations.Annotation> a = UcfCrimeAnnotations.parse(LINES, "ann.txt", false);
        assertEquals(3, a.size());
        assertEquals(List.of(new Interval(165, 241)), a.get("Abuse028_x264").intervals());
        assertEquals(List.of(new Interval(150, 421), new Interval(680, 1268)), a.get("Arson011_x264").intervals());
        assertEquals("Arson", a.get("Arson011_x264").className());
        assertTrue(a.get("Normal_Videos_003_x264").normal());
    }

    @Test
    void oneBasedReadingShiftsTheStart() throws IOException {
        Map<String, UcfCrimeAnnotations.Annotation> a = UcfCrimeAnnotations.parse(LINES, "ann.txt", true);
        assertEquals(List.of(new Interval(149, 420), new Interval(679, 1267)), a.get("Arson011_x264").intervals());
    }

    @Test
    void badLinesNameTheFileAndLine() {
        IOException e = assertThrows(IOException.class,
                () -> UcfCrimeAnnotations.parse(List.of("Arson011_x264.mp4  Arson  150  x  -1  -1"), "ann.txt", false));
        assertTrue(e.getMessage().startsWith("ann.txt: line 1"), e.getMessage());
        e = assertThrows(IOException.class,
                () -> UcfCrimeAnnotations.parse(List.of("Arson011_x264.mp4  Arson  420  150  -1  -1"), "ann.txt", false));
        assertTrue(e.getMessage().contains("bad interval"), e.getMessage());
        assertThrows(IOException.class, () -> UcfCrimeAnnotations.parse(List.of("a.mp4 A 1"), "ann.txt", false));
    }
}
