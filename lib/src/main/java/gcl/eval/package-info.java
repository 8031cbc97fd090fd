/**
 * Evaluation as in section 4 of the paper: segment scores to frame scores
 * ({@link gcl.eval.FrameScores}), frame-level ROC AUC with ties, ROC points and average precision
 * ({@link gcl.eval.RocAuc}), final metrics of a model ({@link gcl.eval.Evaluation},
 * {@link gcl.eval.Metrics}), and whole runs that train, evaluate and keep a run directory
 * ({@link gcl.eval.Runs}).
 */
package gcl.eval;
