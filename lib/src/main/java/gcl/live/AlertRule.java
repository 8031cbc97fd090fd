package gcl.live;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * When a live score raises an alert: the <b>smoothed</b> score (the mean of the last {@code window}
 * segment scores) must reach {@code enter} to start an alert, and fall below {@code leave} to end it
 * (hysteresis: a score that hovers near one threshold does not make a string of alerts). During the
 * first {@code warmup} segments of a stream no alert starts (a streaming median over a few segments
 * is still noisy).
 *
 * <p>The thresholds come from the run's own <b>training</b> scores (no test label is used):
 * {@link #fromTrainingScores} smooths each training video's scores the same way and takes two
 * quantiles of them, by default the 99th percentile to enter and the 95th to leave, so that about
 * 1 % of the training footage's smoothed scores would be alarming. The training split of an
 * unsupervised run holds anomalies too; the quantiles say how rare an alarming score is, not that
 * it is an anomaly.
 *
 * @param window        segments the smoothed score averages, at least 1
 * @param enter         the smoothed score at which an alert starts
 * @param leave         the smoothed score below which it ends, at most {@code enter}
 * @param warmup        segments at the start of a stream during which no alert starts
 * @param enterQuantile the training quantile {@code enter} was taken at (NaN when set by hand)
 * @param leaveQuantile the training quantile {@code leave} was taken at (NaN when set by hand)
 * @param trainingSegments the training segments the quantiles were taken over (0 when set by hand)
 */
public record AlertRule(int window, double enter, double leave, int warmup, double enterQuantile, double leaveQuantile,
                        int trainingSegments) {
    /** Segments the smoothed score averages by default: three (about 1.9 s at 25 fps). */
    public static final int DEFAULT_WINDOW = 3;
    /** The training quantile at which an alert starts by default. */
    public static final double DEFAULT_ENTER = 0.99;
    /** The training quantile below which it ends by default. */
    public static final double DEFAULT_LEAVE = 0.95;
    /** Segments without alerts at the start of a stream whose run centres its features: eight (about 5 s at 25 fps). */
    public static final int CENTRING_WARMUP = 8;

    public AlertRule {
        if (window < 1) {
            throw new IllegalArgumentException("the smoothing window must be at least 1 segment, got " + window);
        }
        if (Double.isNaN(enter) || Double.isNaN(leave) || leave > enter) {
            throw new IllegalArgumentException("the leaving threshold must be at most the entering one, got enter "
                    + enter + ", leave " + leave);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("the warm-up must be 0 or more segments, got " + warmup);
        }
    }

    /** A rule with thresholds set by hand. */
    public static AlertRule of(int window, double enter, double leave, int warmup) {
        return new AlertRule(window, enter, leave, warmup, Double.NaN, Double.NaN, 0);
    }

    /**
     * The rule from training scores: each video's segment scores (in temporal order) smoothed by a
     * moving mean of {@code window} segments, all of them pooled, and the two quantiles taken.
     *
     * @param perVideo      each training video's segment scores in temporal order
     * @param enterQuantile e.g. 0.99
     * @param leaveQuantile e.g. 0.95, at most {@code enterQuantile}
     */
    public static AlertRule fromTrainingScores(List<float[]> perVideo, int window, double enterQuantile, double leaveQuantile,
                                               int warmup) {
        if (!(enterQuantile > 0 && enterQuantile < 1) || !(leaveQuantile > 0 && leaveQuantile <= enterQuantile)) {
            throw new IllegalArgumentException("quantiles must satisfy 0 < leave <= enter < 1, got enter " + enterQuantile
                    + ", leave " + leaveQuantile);
        }
        int n = perVideo.stream().mapToInt(v -> v.length).sum();
        if (n == 0) {
            throw new IllegalArgumentException("no training scores to set the alert thresholds from");
        }
        double[] pooled = new double[n];
        int at = 0;
        for (float[] scores : perVideo) {
            double[] smooth = movingMean(scores, window);
            System.arraycopy(smooth, 0, pooled, at, smooth.length);
            at += smooth.length;
        }
        Arrays.sort(pooled);
        return new AlertRule(window, quantile(pooled, enterQuantile), quantile(pooled, leaveQuantile), warmup, enterQuantile,
                leaveQuantile, n);
    }

    /** The same rule with another warm-up. */
    public AlertRule withWarmup(int segments) {
        return new AlertRule(window, enter, leave, segments, enterQuantile, leaveQuantile, trainingSegments);
    }

    /** The mean of each score and the (up to) {@code window − 1} before it: what the watch compares with the thresholds. */
    public static double[] movingMean(float[] scores, int window) {
        double[] out = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            sum += scores[i];
            if (i >= window) {
                sum -= scores[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    /** The q-quantile of sorted values, linearly interpolated between order statistics (R's type 7, NumPy's default). */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("quantile of no values");
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Whether the thresholds were taken from training scores. */
    public boolean fromTraining() {
        return trainingSegments > 0;
    }

    /** One line for people: the thresholds and where they come from. */
    public String describe() {
        String basis = fromTraining()
                ? String.format(Locale.ROOT, " (the %.0fth and %.0fth percentiles of %d training segments' smoothed scores)",
                        100 * enterQuantile, 100 * leaveQuantile, trainingSegments)
                : " (set by hand)";
        return String.format(Locale.ROOT, "alert when the mean of the last %d scores reaches %.4g, until it falls below %.4g%s%s",
                window, enter, leave, basis, warmup > 0 ? "; none in the first " + warmup + " segments" : "");
    }
}
