/**
 * C2FPL, <em>A Coarse-to-Fine Pseudo-Labeling (C2FPL) Framework for Unsupervised Video Anomaly
 * Detection</em> (Al-lahham, Tastan, Zaheer, Nandakumar, WACV 2024; arXiv 2310.17650): labels for
 * unlabelled videos from statistics of the segments' feature magnitudes, then one classifier trained on
 * them. No generator, no cooperative loop.
 *
 * <pre>{@code
 * C2fplModel m = C2fpl.train(data.train(), C2fplConfig.forProfile(Profile.QUICK));
 * double auc = m.frames(data.test(), data.info().segmentSize()).auc();
 * }</pre>
 *
 * <p>The stages, with the equations as this package numbers them (C1–C7; the paper's own numbers
 * are not cited here):
 * <ol>
 *   <li><b>Magnitudes</b> ({@link gcl.c2fpl.FeatureMagnitude}): a_ij = ‖f_ij‖₂ for segment j of
 *       video i (C1), and per video x_i = (μ_i, σ_i), the mean and standard deviation of its a_ij (C2).</li>
 *   <li><b>Coarse stage</b> ({@link gcl.c2fpl.DivisiveClustering}): hierarchical divisive clustering
 *       of the x_i. A two-component Gaussian mixture fitted by EM ({@link gcl.c2fpl.GaussianMixture})
 *       splits the normal cluster C_0; the part of larger magnitude moves to the anomalous cluster C_1;
 *       again until |C_1| / |C_0| ≥ η (C3). Video-level pseudo-labels: {@link gcl.c2fpl.CoarseLabels}.</li>
 *   <li><b>Fine stage</b> ({@link gcl.c2fpl.FineLabeling}): a Gaussian N(Γ, Σ) of the magnitudes of
 *       the segments of C_0 ({@link gcl.c2fpl.NormalMagnitudes}, C4) gives every segment a two-sided
 *       p-value (C5); in each video of C_1 the window of ⌊α·m_i⌋ segments whose p-values change the
 *       most is labelled anomalous ({@link gcl.c2fpl.LargestChangeWindow}, C6), every other segment
 *       normal. Segment-level pseudo-labels: {@link gcl.c2fpl.FineLabels}.</li>
 *   <li><b>Classifier</b> ({@link gcl.c2fpl.AnomalyClassifier}): FC[d, 512, 32, 1] with dropout 0.6,
 *       BCE against the segment pseudo-labels (C7), SGD; a segment's score is its probability.</li>
 * </ol>
 * {@link gcl.c2fpl.PseudoLabelQuality} sets the pseudo-labels against training ground truth, for
 * reading only: nothing in the method reads a label or a ground truth.
 *
 * <p>In the experiments C2FPL is a method like GCL's variants: {@code gcl ablate --methods c2fpl} or
 * {@code Experiment.run("C2FPL", C2fplConfig.forProfile(profile))} trains it into the shared run cache
 * (keyed by its config, the data and this package's code), and its rows stand beside GCL's (lesson 08).
 *
 * <p><b>One change of ours, off by default.</b> {@link gcl.c2fpl.MagnitudeCentring#VIDEO_MEDIAN} centres
 * each video's magnitudes on their own median before both stages read them: where the camera sets the
 * level of a video's magnitudes (the project's rendered videos), the coarse stage otherwise separates
 * cameras rather than events. Lesson 08 measures both.
 *
 * <p><b>What it assumes.</b> That anomalous videos differ from normal ones by the size of their
 * features, larger and more variable (the coarse stage); that within an anomalous video the event is
 * one contiguous stretch of about α of its length whose arrival and departure move the magnitudes (the
 * fine stage); and that about η anomalous videos come for each normal one in the training set.
 *
 * <p><b>Sources and choices.</b> The paper's text beyond its abstract and framework figure could not be
 * read where this package was written; the definitions follow the abstract (hierarchical divisive
 * clustering, statistical hypothesis testing, a segment-level classifier trained on the pseudo-labels),
 * the figure (clusters C_0^τ and C_1^τ over iterations τ, N(Γ, Σ) fitted on C_0, a window w) and the
 * authors' public code, which was read and not copied. Where the code sets a number it is used and
 * marked "code" in {@link gcl.c2fpl.C2fplConfig}. Where this package differs from the code:
 * <ul>
 *   <li>Magnitudes: the code uses the squared norm averaged over 10 crops, and each video's mean and
 *       variance; here the norm of the one feature per segment, and the mean and standard deviation.</li>
 *   <li>Coarse stage: the code takes one component of a first spherical-covariance mixture as
 *       anomalous, then moves the 3 % least likely videos of the normal cluster at each step; here every
 *       split is a full-covariance mixture and the component of larger mean magnitude moves, whole
 *       ({@link gcl.c2fpl.AnomalousCluster#SMALLER} moves the smaller one instead).</li>
 *   <li>Fine stage: the code measures the change of the Gaussian's density; here of the two-sided
 *       p-value (the hypothesis test the paper names). A window is at least two segments.</li>
 *   <li>Classifier: the code averages the scores of 10 crops; here one feature per segment.</li>
 * </ul>
 */
package gcl.c2fpl;
