/**
 * Adapters from the published dataset layouts to the library's dataset directory
 * ({@code data-manifests/README.md}): UCF-Crime ({@link gcl.data.adapters.UcfCrimeImport}, with its
 * temporal annotation file read by {@link gcl.data.adapters.UcfCrimeAnnotations}), ShanghaiTech in
 * Zhong et al.'s weakly supervised split ({@link gcl.data.adapters.ShanghaiTechImport}), lists of
 * feature paths with a concatenated ground-truth array ({@link gcl.data.adapters.FeatureListImport}),
 * and one big [N, d] array with per-video row ranges ({@link gcl.data.adapters.ConcatImport}).
 *
 * <p>They follow the field's de-facto conventions (the RTFM repositories' lists and ground truth)
 * so that numbers are comparable with published ones: by default every test video has T × 16 frames
 * from its feature length ({@code segments} convention), as the published ground truth does.
 */
package gcl.data.adapters;
