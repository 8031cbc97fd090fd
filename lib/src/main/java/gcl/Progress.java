package gcl;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress of long work, shown the same way in a terminal and in a notebook cell.
 *
 * <p>It prints one line at most every {@code interval} (and always the last one), with the count
 * done, the rate, and the time left, for example {@code train  3/15 epochs  0.8 epochs/s  ETA 15s}.
 * Lines, not carriage returns, so that notebook outputs and CI logs read well; by default they go
 * through the library's {@link Log}.
 */
public final class Progress {
    private final String task;
    private final String unit;
    private final long total;
    private final Consumer<String> out;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long done;
    private long lastPrint = Long.MIN_VALUE;
    private String note = "";

    /**
     * @param task  what is being done, e.g. {@code "extract"}
     * @param unit  what is counted, e.g. {@code "videos"}
     * @param total how many in all, or 0 when unknown
     */
    public Progress(String task, String unit, long total) {
        this(task, unit, total, Log::info, Duration.ofSeconds(2));
    }

    /** As {@link #Progress(String, String, long)}, printing to {@code out} (null: nowhere). */
    public Progress(String task, String unit, long total, PrintStream out, Duration interval) {
        this(task, unit, total, out == null ? line -> { } : line -> {
            out.println(line);
            out.flush();
        }, interval);
    }

    private Progress(String task, String unit, long total, Consumer<String> out, Duration interval) {
        this.task = task;
        this.unit = unit;
        this.total = total;
        this.out = out;
        this.intervalNanos = interval.toNanos();
    }

    /** A progress that prints nothing (for tests and nested work). */
    public static Progress silent(String task, String unit, long total) {
        return new Progress(task, unit, total, (PrintStream) null, Duration.ZERO);
    }

    /** Counts {@code n} more done, with an optional note (e.g. a loss) shown at the end of the line. */
    public synchronized void step(long n, String note) {
        done += n;
        if (note != null) {
            this.note = note;
        }
        long now = System.nanoTime();
        if (done >= total && total > 0 || lastPrint == Long.MIN_VALUE || now - lastPrint >= intervalNanos) {
            lastPrint = now;
            out.accept(line());
        }
    }

    public void step(String note) {
        step(1, note);
    }

    public void step() {
        step(1, null);
    }

    /** Seconds since this progress was made. */
    public double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The current line, e.g. {@code extract  4/10 videos  2.0 videos/s  ETA 3s}. */
    public synchronized String line() {
        double seconds = Math.max(elapsedSeconds(), 1e-9);
        double rate = done / seconds;
        StringBuilder s = new StringBuilder(task).append("  ").append(done);
        if (total > 0) {
            s.append('/').append(total);
        }
        s.append(' ').append(unit);
        s.append(String.format(Locale.ROOT, "  %.1f %s/s", rate, unit));
        if (total > 0 && done < total && rate > 0) {
            s.append("  ETA ").append(formatSeconds((total - done) / rate));
        } else if (total > 0 && done >= total) {
            s.append("  done in ").append(formatSeconds(seconds));
        }
        if (!note.isEmpty()) {
            s.append("  ").append(note);
        }
        return s.toString();
    }

    static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
