/**
 * Seeded synthetic data beside {@code gcl.data}: the embedded feature datasets every notebook runs
 * on by default ({@link gcl.synth.SyntheticFeatures}), and synthetic surveillance videos rendered
 * with OpenCV and encoded with FFmpeg ({@link gcl.synth.SyntheticVideos}, drawn by
 * {@link gcl.synth.SceneRenderer}), the input of {@code gcl extract}. {@link gcl.synth.PremiseKnobs}
 * move one stated assumption of the features at a time (the premise map), and
 * {@link gcl.synth.SyntheticCache} keeps generated sets in the cache. They are teaching
 * proxies built from stated assumptions; results on them are not the paper's results.
 */
package gcl.synth;
