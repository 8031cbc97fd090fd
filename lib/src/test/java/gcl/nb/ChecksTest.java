package gcl.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChecksTest {
    @Test
    void aBlankAnswerNeverPasses() {
        assertFalse(Checks.number("n", Checks.BLANK, 0.5, 1e-9, "the share", "divide").passed());
        assertFalse(Checks.choice("c", null, "G", "G's errors rank the events").passed());
        assertFalse(Checks.choice("c", " ", "G", "G's errors rank the events").passed());
    }

    @Test
    void aNumberPassesWithinItsToleranceOnly() {
        assertTrue(Checks.number("n", 0.5004, 0.5, 1e-3, "the share", "divide").passed());
        Checks.Result wrong = Checks.number("n", 0.51, 0.5, 1e-3, "the share", "divide the rows kept by all rows");
        assertFalse(wrong.passed());
        assertTrue(wrong.message().contains("divide the rows kept"), wrong.message());
    }

    @Test
    void aChoiceIgnoresCaseAndSpaces() {
        assertTrue(Checks.choice("c", " g ", "G", "why").passed());
        assertFalse(Checks.choice("c", "D", "G", "why").passed());
        assertEquals("❌ **c**: the run says G, not D: why", Checks.choice("c", "D", "G", "why").markdown());
    }

    @Test
    void requireAllPassedNamesTheExercisesThatFailed() {
        Checks.show(Checks.choice("first", "G", "G", "why"));
        Checks.show(Checks.choice("second", "D", "G", "why"));
        IllegalStateException e = assertThrows(IllegalStateException.class, Checks::requireAllPassed);
        assertTrue(e.getMessage().contains("second") && !e.getMessage().contains("first"), e.getMessage());
        Checks.show(Checks.choice("second", "G", "G", "why"));
        assertTrue(Checks.requireAllPassed().startsWith("all "));
    }
}
