/**
 * Notebook front end: how every lesson shows tables ({@link gcl.nb.Show#table}) and charts
 * ({@link gcl.nb.Show#chart}), the same way under JJava and IJava; what every lesson starts from
 * (profile, data, config and experiment: {@link gcl.nb.Course}); the rendered clips of lesson 01
 * ({@link gcl.nb.Clips}); the recorded results ({@link gcl.nb.Recorded}); tables as students read
 * them ({@link gcl.nb.StudentTables}); lesson 03's look inside one iteration ({@link gcl.nb.Unrolled});
 * the paper's figures put together from a run's numbers ({@link gcl.nb.Figures}); the premise map's
 * charts and tables ({@link gcl.nb.PremiseFigures}); a dataset at a glance
 * ({@link gcl.nb.DatasetDescription}); and the method's diagrams, Figs. 2 and 3, as SVG text
 * ({@link gcl.nb.Diagrams}).
 */
package gcl.nb;
