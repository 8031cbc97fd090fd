/**
 * Video in: decoding files with FFmpeg (through JavaCV), optional resampling to a frame rate and
 * size, and cutting a video into the paper's non-overlapping p-frame segments (section 3.1).
 *
 * <p>Entry points: {@link gcl.video.VideoReader#open(java.nio.file.Path, gcl.video.ReadOptions)}
 * gives {@link gcl.video.VideoFrame}s one at a time; {@link gcl.video.Segmenter} groups them into
 * {@link gcl.video.Segment}s and says how frame-level ground truth lines up with the segments.
 */
package gcl.video;
