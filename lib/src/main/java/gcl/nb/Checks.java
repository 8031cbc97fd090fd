package gcl.nb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The automatic checks of the lessons' exercises. An exercise cell leaves its answer blank (a value that
 * no right answer has: {@link #BLANK} for a number, −1 for a count); the check cell below it computes the
 * right answer with the library and shows ✅ or ❌ with a hint:
 * {@code Checks.show(Checks.number("share kept", answer, kept, 1e-9, "the share TD keeps", "divide the rows kept by all rows"))}. A check never throws, so a lesson with
 * blank answers still runs from top to bottom; the solutions notebook ends with {@link #requireAllPassed()},
 * which fails when any check of the session did not pass.
 *
 * <p>Each check is named after what it checks and takes the lesson's objects and the student's answer.
 */
public final class Checks {
    /** A blank numeric answer. */
    public static final double BLANK = Double.NaN;

    /** The outcome of each exercise checked in this session (kernel), by exercise name, the last check counting. */
    private static final Map<String, Boolean> RESULTS = new LinkedHashMap<>();

    private Checks() {
    }

    /**
     * The outcome of one check.
     *
     * @param exercise its name
     * @param passed   whether the answer is right
     * @param message  what the student reads: the right value's meaning, or a hint
     */
    public record Result(String exercise, boolean passed, String message) {
        /** The result as markdown: ✅ or ❌, the exercise, the message. */
        public String markdown() {
            return (passed ? "✅ **" : "❌ **") + exercise + "**: " + message;
        }
    }

    /** Shows a check's result as markdown (✅ or ❌ with its message) and records it for {@link #requireAllPassed()}. */
    public static Object show(Result r) {
        synchronized (RESULTS) {
            RESULTS.put(r.exercise(), r.passed());
        }
        return Show.markdown(r.markdown());
    }

    /**
     * A numeric answer checked against the right value within {@code tolerance}; a blank answer ({@link #BLANK})
     * does not pass.
     *
     * @param exercise its name
     * @param answer   the student's answer
     * @param right    the right value, computed by the library
     * @param meaning  what the right value is, shown when the answer passes (e.g. "the share of rows TD keeps")
     * @param hint     shown when the answer is wrong: how to compute it
     */
    public static Result number(String exercise, double answer, double right, double tolerance, String meaning, String hint) {
        if (Double.isNaN(answer)) {
            return new Result(exercise, false, "not answered yet.");
        }
        if (Math.abs(answer - right) <= tolerance) {
            return new Result(exercise, true, String.format(Locale.ROOT, "%s is %s.", meaning, String.format(Locale.ROOT, "%.4g", right)));
        }
        return new Result(exercise, false, String.format(Locale.ROOT, "%s is not it: %s", String.format(Locale.ROOT, "%.4g", answer), hint));
    }

    /**
     * A prediction among named choices ("G" or "D", "higher" or "lower"), checked against what the run gave;
     * a blank answer (null or empty) does not pass.
     */
    public static Result choice(String exercise, String answer, String right, String why) {
        if (answer == null || answer.isBlank()) {
            return new Result(exercise, false, "not answered yet: write your prediction before you run the cell above.");
        }
        boolean passed = answer.trim().equalsIgnoreCase(right);
        return new Result(exercise, passed, (passed ? "yes, " : "the run says " + right + ", not " + answer.trim() + ": ") + why);
    }

    /**
     * For the solutions notebook: passes when every exercise checked in this session passed its last check.
     *
     * @throws IllegalStateException naming the exercises that did not pass, or when none was checked
     */
    public static String requireAllPassed() {
        List<String> failed = new ArrayList<>();
        synchronized (RESULTS) {
            if (RESULTS.isEmpty()) {
                throw new IllegalStateException("no exercise was checked in this session");
            }
            RESULTS.forEach((name, passed) -> {
                if (!passed) {
                    failed.add(name);
                }
            });
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("exercises not passed: " + failed);
        }
        return "all " + RESULTS.size() + " exercises passed";
    }
}
