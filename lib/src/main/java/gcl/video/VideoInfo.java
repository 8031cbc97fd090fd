package gcl.video;

import java.nio.file.Path;

/**
 * What reading a video found: the numbers evaluation needs (frames, frame rate) and the size.
 *
 * @param file      the video file
 * @param frames    frames delivered (after resampling), counted while decoding, not the container's estimate
 * @param fps       frames per second of the delivered frames
 * @param width     frame width in pixels
 * @param height    frame height in pixels
 * @param sourceFps the file's own frame rate (that of its frame numbers); {@code fps} unless resampled
 */
public record VideoInfo(Path file, int frames, double fps, int width, int height, double sourceFps) {
    /** Frames delivered at the file's own rate. */
    public VideoInfo(Path file, int frames, double fps, int width, int height) {
        this(file, frames, fps, width, height, fps);
    }

    /** Whether frames were resampled to another rate than the file's own. */
    public boolean resampled() {
        return Math.abs(fps - sourceFps) > 1e-9 * sourceFps;
    }

    /** Duration in seconds. */
    public double seconds() {
        return fps > 0 ? frames / fps : 0;
    }
}
