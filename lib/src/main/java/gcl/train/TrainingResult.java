package gcl.train;

import gcl.clean.TemporalDifferenceFilter;

/**
 * What training returns: the model after the last configured epoch (the one whose numbers are
 * reported), its history, and what the data preparation did.
 *
 * @param model       G and D after the last epoch
 * @param history     one row per epoch of every phase
 * @param tdCleaning  the TD filter's result when the variant pre-trains on TD-cleaned data, else null
 * @param weakLabels  the video labels used (GCL_WS), else {@link WeakLabels#none()}
 */
public record TrainingResult(GclModel model, TrainingHistory history, TemporalDifferenceFilter.Result tdCleaning,
                             WeakLabels weakLabels) {
}
