/**
 * Datasets: the in-memory model the method reads ({@link gcl.data.Dataset}, {@link gcl.data.FeatureSet},
 * {@link gcl.data.Video}) and the one on-disk layout every dataset uses (documented in
 * {@code data-manifests/README.md}).
 *
 * <ul>
 *   <li>{@link gcl.data.DatasetDirectory#load(java.nio.file.Path)} reads a dataset directory;
 *       {@link gcl.data.DatasetWriter} writes one, a video at a time, resumably.</li>
 *   <li>{@link gcl.data.Npy} reads and writes NumPy {@code .npy} files; {@link gcl.data.Crops} turns
 *       10-crop features into [T, d] matrices under a {@link gcl.data.CropPolicy}.</li>
 *   <li>{@link gcl.data.GroundTruth}: frame intervals, frame masks and segment labels (section 3.1:
 *       segments of p = 16 frames; frame-level AUC in section 4).</li>
 *   <li>{@link gcl.data.DatasetManifest} and {@link gcl.data.DatasetCheck}: what a correct copy of a
 *       dataset holds, and {@code gcl data check}.</li>
 *   <li>{@link gcl.data.Fingerprint}: the content hash recorded with every result.</li>
 * </ul>
 * Adapters from the published layouts (UCF-Crime, ShanghaiTech, lists, concatenated arrays) are in
 * {@code gcl.data.adapters}.
 */
package gcl.data;
