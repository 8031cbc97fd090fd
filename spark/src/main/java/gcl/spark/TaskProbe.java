package gcl.spark;

import java.io.Serializable;

/**
 * Called by every task at the points where a lost executor would leave the most behind: a test
 * makes a task fail there (once) to check that Spark's retry leaves no duplicate or partial output.
 * The commands pass {@link #NONE}.
 */
@FunctionalInterface
public interface TaskProbe extends Serializable {
    /** Nothing. */
    TaskProbe NONE = (step, id) -> {
    };

    /** The points a task passes. */
    enum Step {
        /** Extraction: the video's feature file is in place, and the driver has not heard of it yet. */
        FEATURES_WRITTEN,
        /** Experiment grid: the run is about to be trained (or read back from the cache). */
        RUN_STARTING
    }

    /**
     * A task reached a step.
     *
     * @param id the video's id, or the run's {@code method seed N}
     */
    void reached(Step step, String id);
}
