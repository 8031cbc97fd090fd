/**
 * GCL notebooks: the helper library behind the lessons on <em>Generative Cooperative Learning
 * for Unsupervised Video Anomaly Detection</em> (Zaheer et al., CVPR 2022).
 *
 * <p>Data flows one way through the packages, and a package never imports one to its right:
 * <pre>
 * video ─► features ─► data ─► clean ─► model/train ─► eval ─► live ─► experiment ─► viz / nb
 * </pre>
 * {@code synth} makes data beside {@code data}; {@code cli} and {@code nb} are thin front ends.
 * The classes in this root package ({@link gcl.Profile}, {@link gcl.Seeds}, {@link gcl.Progress})
 * are shared by every stage.
 */
package gcl;
