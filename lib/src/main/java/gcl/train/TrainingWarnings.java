package gcl.train;

import gcl.Log;
import gcl.clean.TemporalDifferenceFilter;
import java.util.Locale;
import java.util.Map;

/**
 * Warnings, through {@link Log}, for runs that go on but deserve a look: settings that train on
 * almost nothing, and the loop labelling whole scenes instead of events (lesson 03b).
 */
final class TrainingWarnings {
    /** Below this share of segments kept by TD cleaning, {@link #smallData} speaks. */
    static final double TD_KEPT_FEW = 0.05;
    /** Above this share of labels in whole videos (both networks), {@link #lockIn} speaks. */
    static final double LOCK_IN = 0.5;

    private TrainingWarnings() {
    }

    /**
     * Warns (even for a quiet run) when TD cleaning keeps less than {@link #TD_KEPT_FEW} of the
     * segments for G, and when a batch is larger than the data (one step per epoch, so an epoch is a
     * single update).
     *
     * @param td           TD cleaning's result, or null where the variant does not use it
     * @param generatorRows how many rows G trains on alone, or -1 where the variant has no such phase
     */
    static void smallData(GclConfig config, TemporalDifferenceFilter.Result td, int generatorRows, int trainSize) {
        if (td != null && td.kept() < TD_KEPT_FEW * td.total()) {
            Log.warn(String.format(Locale.ROOT, "TD cleaning keeps only %d of %d training segments (%.1f %%) for G at"
                            + " tdThreshold %s: G learns from almost nothing; raise the threshold (e.g. a percentile, p70)",
                    td.kept(), td.total(), 100.0 * td.kept() / td.total(), config.tdThreshold().id()));
        }
        int smallest = generatorRows < 0 ? trainSize : Math.min(generatorRows, trainSize);
        if (config.batchSize() > smallest) {
            Log.warn("batch size " + config.batchSize() + " exceeds the " + smallest + " segments an epoch trains on:"
                    + " one step per epoch, and the pseudo-labels' statistics come from the whole set at once;"
                    + " a smaller batch (--batch, or --set batchSize=...) gives more steps");
        }
    }

    /** Warns when both networks put more than {@link #LOCK_IN} of their anomalous labels in (nearly) whole videos. */
    static void lockIn(int epoch, Map<String, Double> metrics) {
        double g = metrics.getOrDefault("whole_videos_g", Double.NaN);
        double d = metrics.getOrDefault("whole_videos_d", Double.NaN);
        if (g > LOCK_IN && d > LOCK_IN) {
            Log.warn(String.format(Locale.ROOT, "epoch %d: %.0f %% of G's and %.0f %% of D's anomalous labels lie in"
                    + " videos labelled (nearly) whole: the loop is labelling scenes, not events (lesson 03b;"
                    + " --set videoCentring=median removes each video's own level)", epoch, 100 * g, 100 * d));
        }
    }

    /** Warns when D reproduces G's labels on its own videos but not on the held-out ones ({@link HeldOutProbe#warning}). */
    static void memorised(int epoch, Map<String, Double> metrics) {
        String w = HeldOutProbe.warning(metrics);
        if (w != null) {
            Log.warn("epoch " + epoch + ": " + w);
        }
    }
}
