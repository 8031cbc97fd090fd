package gcl.train;

import java.util.Map;

/**
 * Called after every epoch of training; what it returns becomes extra columns of the history
 * (for example the test AUC, {@code gcl.eval.Evaluation#testAuc}). It must not change the model, so that
 * training gives the same result with or without it.
 */
@FunctionalInterface
public interface EpochListener {
    Map<String, Double> afterEpoch(Phase phase, int epoch, GclModel model);
}
