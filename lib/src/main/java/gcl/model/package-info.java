/**
 * The two networks of Generative Cooperative Learning (Zaheer et al., CVPR 2022, section 3.2) and
 * what trains them: the generator {@link gcl.model.Generator} (an autoencoder, Eq. 1), the
 * discriminator {@link gcl.model.Discriminator} (a binary classifier, Eq. 3), their losses
 * ({@link gcl.model.ReconstructionLoss}, {@link gcl.model.DiscriminatorLoss}) and the paper's
 * optimiser, RMSprop with momentum in PyTorch's form ({@link gcl.model.RmsPropMomentum}).
 *
 * <p>Both networks are plain stacks of dense layers ({@link gcl.model.DenseNetwork}): ND4J matrix
 * products forward, a backward pass derived by hand, float32, seeded explicitly.
 */
package gcl.model;
