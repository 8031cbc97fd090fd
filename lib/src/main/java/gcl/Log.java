package gcl;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The library's one logger: every progress line, note and warning of the method's stages goes
 * through the {@link java.util.logging} logger {@code "gcl"}, so one setting silences or redirects
 * them all ({@code Log.logger().setLevel(Level.WARNING)}, or a logging.properties file). What a
 * command prints as its result ({@code gcl.cli}) and what a notebook cell shows ({@code gcl.nb.Show})
 * are printed directly.
 *
 * <p>Lines are written as they are, without level or time, to the standard output stream in force
 * when each line is written. In a notebook that is the running cell's output: the JJava kernel
 * sends {@code System.out} as the cell's {@code stdout} stream and {@code System.err} as
 * {@code stderr}, which JupyterLab draws in red like an error; progress lines are part of a
 * lesson's reading, so they go to standard output. (Deeplearning4j's own warnings go through
 * SLF4J's simple logger to standard error, set to warnings only in {@code simplelogger.properties}.)
 */
public final class Log {
    private static final Logger LOGGER = create();

    private Log() {
    }

    private static Logger create() {
        Logger logger = Logger.getLogger("gcl");
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (isLoggable(r)) {
                    PrintStream out = System.out; // looked up per line: a notebook kernel swaps it per cell
                    out.println(r.getLevel().intValue() >= Level.WARNING.intValue() ? "warning: " + r.getMessage() : r.getMessage());
                    out.flush();
                }
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {
            }
        });
        return logger;
    }

    /** The logger itself, for its level. */
    public static Logger logger() {
        return LOGGER;
    }

    /** A line for people: progress, a note on what the library is doing. */
    public static void info(String line) {
        LOGGER.info(line);
    }

    /** Something worth a look that does not stop the work. */
    public static void warn(String line) {
        LOGGER.warning(line);
    }

    /**
     * A stream whose lines go to {@link #info}, for code that takes a {@link PrintStream} for its
     * progress (batch extraction, video rendering).
     */
    public static PrintStream stream() {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    info(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else if (b != '\r') {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }
}
