package gcl.eval;

import gcl.train.TrainingResult;
import java.nio.file.Path;

/**
 * A finished run: the training result (model after the last epoch, history), the final test
 * metrics (null when the test split has no ground truth) and the run directory (null when none).
 */
public record RunResult(TrainingResult training, Metrics metrics, Path runDir) {
    /** The history as a table (see {@link gcl.train.TrainingHistory#table()}). */
    public tech.tablesaw.api.Table history() {
        return training.history().table();
    }
}
