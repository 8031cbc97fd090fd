package gcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void sameMasterAndStreamGiveTheSameNumbers() {
        assertEquals(new Seeds(7).random("G.init").nextLong(), new Seeds(7).random("G.init").nextLong());
    }

    @Test
    void streamsAndMastersDiffer() {
        Seeds s = new Seeds(7);
        assertNotEquals(s.seed("G.init"), s.seed("D.init"));
        assertNotEquals(s.seed("G.init"), new Seeds(8).seed("G.init"));
        assertNotEquals(s.child("epoch-1").seed("batches"), s.child("epoch-2").seed("batches"));
    }

    @Test
    void profileParsesAndRejects() {
        assertEquals(Profile.FULL, Profile.parse(" Full "));
        assertEquals("quick", Profile.QUICK.id());
        assertThrows(IllegalArgumentException.class, () -> Profile.parse("medium"));
    }

    @Test
    void progressLineShowsCountAndTotal() {
        Progress p = Progress.silent("extract", "videos", 4);
        p.step(2, "x");
        String line = p.line();
        assertEquals(true, line.startsWith("extract  2/4 videos"), line);
        assertEquals("1m05s", Progress.formatSeconds(65));
    }
}
