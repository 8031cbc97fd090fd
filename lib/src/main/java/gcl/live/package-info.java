/**
 * Live scoring: a trained run pointed at a camera or a network stream as it plays. Not in the paper,
 * whose method ends with the scores of recorded test videos; this is where a user's need begins.
 *
 * <p>{@link gcl.live.Watch} reads a {@link gcl.live.StreamSource} (a file at its own frame rate, an
 * {@code rtsp://}, {@code http://} or {@code udp://} stream, a camera), cuts p-frame segments as they
 * arrive, and scores each with a {@link gcl.live.LiveScorer}: the run's own extractor, its centring
 * (the streaming median, {@link gcl.live.StreamCentring}, where the run centres), its model and
 * score. An {@link gcl.live.AlertRule} with thresholds from the run's training scores turns the
 * smoothed score into alerts with hysteresis. {@link gcl.live.LoopbackStream} serves a video file
 * on 127.0.0.1 with the FFmpeg that JavaCV bundles, for the lesson, the tests and the benchmark.
 *
 * <p>Its place in the packages: after {@code eval}; it uses {@code video}, {@code features},
 * {@code clean} and {@code train}; {@code viz}, {@code nb} and {@code cli} use it.
 */
package gcl.live;
