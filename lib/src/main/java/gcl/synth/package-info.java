/**
 * Seeded synthetic data beside {@code gcl.data}: the embedded feature datasets every notebook runs
 * on by default ({@link gcl.synth.SyntheticFeatures}), and synthetic videos. They are teaching
 * proxies built from stated assumptions; results on them are not the paper's results.
 */
package gcl.synth;
