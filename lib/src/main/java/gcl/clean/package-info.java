/**
 * Cleaning the training data before pre-training: the temporal-difference filter of section 3.3
 * ({@link gcl.clean.TemporalDifferenceFilter}, threshold {@link gcl.clean.DifferenceThreshold}).
 */
package gcl.clean;
