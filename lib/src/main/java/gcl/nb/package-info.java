/**
 * Notebook front end: how every lesson shows tables ({@link gcl.nb.Show#table}) and charts
 * ({@link gcl.nb.Show#chart}), the same way under JJava and IJava; what the lessons share (their
 * profile, data, config and experiment: {@link gcl.nb.Lessons}); and the paper's figures put
 * together from a run's numbers ({@link gcl.nb.Figures}).
 */
package gcl.nb;
