/**
 * Experiments: named configurations run on a dataset over seeds, with a result cache shared by
 * the notebooks and the CLI ({@code gcl ablate}, {@code gcl seeds}).
 *
 * <p>A run is identified by its full config (seed included), the data's fingerprint and the
 * library version ({@link gcl.experiment.RunCache#key}); a run already made with the same key is
 * read back from its run directory instead of being trained again, unless a fresh run is asked
 * for. {@link gcl.experiment.PaperExperiments} lists the configurations of the paper's Table 2,
 * Fig. 5, Fig. 9, Fig. 10 and section 4.2, and the paper's reported numbers, always labelled as
 * the paper's figures on UCF-Crime or ShanghaiTech.
 */
package gcl.experiment;
