/**
 * Evaluation as in section 4 of the paper: segment scores to frame scores
 * ({@link gcl.eval.FrameScores}), frame-level ROC AUC with ties, ROC points and average precision
 * ({@link gcl.eval.RocAuc}), and the final metrics and per-segment scores of a model
 * ({@link gcl.eval.Evaluation}, {@link gcl.eval.Metrics}). Whole runs, which train and then
 * evaluate, are {@code gcl.experiment.Run}.
 */
package gcl.eval;
