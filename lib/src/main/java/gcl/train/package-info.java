/**
 * Training by Generative Cooperative Learning (Zaheer et al., CVPR 2022, sections 3.2–3.3): the
 * settings ({@link gcl.train.GclConfig}, {@link gcl.train.Variant}), pseudo-labels
 * ({@link gcl.train.PseudoLabeler}, {@link gcl.train.Threshold}; Eq. 2 and 4), negative learning
 * ({@link gcl.train.NegativeTarget}; Eq. 5–6), one cooperative iteration step by step
 * ({@link gcl.train.GclModel}), and the whole schedule with pre-training, checkpoints and history
 * ({@link gcl.train.GclTrainer}, {@link gcl.train.RunDirectory}, {@link gcl.train.TrainingHistory}).
 */
package gcl.train;
