/**
 * The feature extractor E of the paper (section 3.1): one vector f(i, j) = E(S(i, j)) per segment.
 *
 * <p>{@link gcl.features.FeatureExtractor} is the interface. {@link gcl.features.DefaultExtractor}
 * is weight-free (OpenCV appearance and motion statistics, d = 2048 by default) and works
 * everywhere; {@link gcl.features.PretrainedExtractor} runs a user's own 3D CNN loaded with DL4J
 * (the paper used a 3D ResNeXt pretrained on Kinetics). {@link gcl.features.BatchExtraction} turns
 * a folder of videos into a dataset directory, in parallel and resumably.
 *
 * <p>Data flows video → features → data. {@code BatchExtraction} is the one class here that
 * reaches to its right: extraction's output <em>is</em> a dataset directory, so it writes it
 * with {@link gcl.data.DatasetWriter} rather than with a second writer of the same layout. The
 * extractors themselves know nothing of {@code gcl.data}.
 */
package gcl.features;
