package gcl.live;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An {@link AlertRule} applied to a stream of segment scores, one at a time: the smoothed score and
 * the state (warm-up, normal, alert) after each.
 */
public final class AlertTracker {
    /** Where a stream stands after a segment. */
    public enum State {
        /** The first segments of a stream: no alert starts yet. */
        WARMUP,
        /** No alert. */
        NORMAL,
        /** In an alert. */
        ALERT;

        /** The word printed and written to the CSV. */
        public String word() {
            return switch (this) {
                case WARMUP -> "warm-up";
                case NORMAL -> "normal";
                case ALERT -> "ALERT";
            };
        }
    }

    /**
     * What one segment did.
     *
     * @param smoothed the smoothed score
     * @param state    the state after it
     * @param started  whether an alert started with this segment
     * @param ended    whether an alert ended with this segment (it is the first normal one)
     */
    public record Step(double smoothed, State state, boolean started, boolean ended) {
    }

    private final AlertRule rule;
    private final Deque<Float> recent = new ArrayDeque<>();
    private double sum;
    private long segments;
    private boolean alert;

    public AlertTracker(AlertRule rule) {
        this.rule = rule;
    }

    public AlertRule rule() {
        return rule;
    }

    /** Takes the next segment's score. */
    public Step add(float score) {
        recent.addLast(score);
        sum += score;
        if (recent.size() > rule.window()) {
            sum -= recent.removeFirst();
        }
        segments++;
        double smoothed = sum / recent.size();
        boolean started = false;
        boolean ended = false;
        if (alert && smoothed < rule.leave()) {
            alert = false;
            ended = true;
        } else if (!alert && segments > rule.warmup() && smoothed >= rule.enter()) {
            alert = true;
            started = true;
        }
        State state = alert ? State.ALERT : segments <= rule.warmup() ? State.WARMUP : State.NORMAL;
        return new Step(smoothed, state, started, ended);
    }

    /**
     * The stream had a gap: the next score is not adjacent in time to the last, so the smoothing
     * starts afresh (an alert in progress goes on until a smoothed score ends it).
     */
    public void gap() {
        recent.clear();
        sum = 0;
    }

    /** Whether an alert is in progress. */
    public boolean inAlert() {
        return alert;
    }
}
