package gcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void helpAndVersionSucceed() {
        assertEquals(0, Main.run("--help"));
        assertEquals(0, Main.run("version"));
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, Main.run("no-such-command"));
    }
}
