package gcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class LogTest {
    /** What the library logs while {@code body} runs, from the standard output stream in force then. */
    private static String captured(Runnable body) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void linesGoToTheCurrentStandardOutputAsTheyAre() {
        assertEquals("train GCL_B  3/15 epochs\nwarning: two videos share an id\n", captured(() -> {
            Log.info("train GCL_B  3/15 epochs");
            Log.warn("two videos share an id");
        }));
    }

    @Test
    void oneLevelSilencesTheLibrary() {
        Level old = Log.logger().getLevel();
        Log.logger().setLevel(Level.WARNING);
        try {
            assertEquals("", captured(() -> new Progress("extract", "videos", 2).step()));
        } finally {
            Log.logger().setLevel(old);
        }
    }

    @Test
    void aStreamForProgressWritesLinesThroughTheLogger() {
        assertEquals("synth videos  1/2\n", captured(() -> Log.stream().println("synth videos  1/2")));
    }
}
