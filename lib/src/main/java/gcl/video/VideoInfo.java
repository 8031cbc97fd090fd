package gcl.video;

import java.nio.file.Path;

/**
 * What reading a video found: the numbers evaluation needs (frames, frame rate) and the size.
 *
 * @param file   the video file
 * @param frames frames delivered (after resampling), counted while decoding, not the container's estimate
 * @param fps    frames per second of the delivered frames
 * @param width  frame width in pixels
 * @param height frame height in pixels
 */
public record VideoInfo(Path file, int frames, double fps, int width, int height) {
    /** Duration in seconds. */
    public double seconds() {
        return fps > 0 ? frames / fps : 0;
    }
}
