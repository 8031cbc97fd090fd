/**
 * Experiments: runs ({@link gcl.experiment.Run}: train, evaluate, keep a run directory) of named
 * configurations ({@link gcl.experiment.Trial}) on a dataset over seeds ({@link gcl.experiment.Experiment}),
 * with a result cache shared by the notebooks and the CLI ({@link gcl.experiment.RunCache};
 * {@code gcl ablate}, {@code gcl seeds}).
 *
 * <p>A run is identified by its full config (seed included), the data's fingerprint, the library
 * and Deeplearning4j versions and a hash of the method's code ({@link gcl.experiment.RunCache#key});
 * a run already made with the same key is read back from its run directory instead of being
 * trained again, unless a fresh run is asked for. {@link gcl.experiment.PaperTrials} lists the
 * configurations of the paper's Table 2, Fig. 5, Fig. 9, Fig. 10 and section 4.2;
 * {@link gcl.experiment.PaperNumbers} holds the paper's reported numbers, always labelled as its
 * figures on UCF-Crime or ShanghaiTech; {@link gcl.experiment.Summaries} puts ours next to them.
 *
 * <p>{@link gcl.experiment.PremiseMap} runs the methods on synthetic data whose premise properties
 * are moved one at a time ({@code gcl premise}); {@link gcl.experiment.DatasetProperties} measures
 * those properties on any dataset, and {@link gcl.experiment.PremiseEffects} reads a map.
 */
package gcl.experiment;
