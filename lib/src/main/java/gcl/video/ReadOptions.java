package gcl.video;

/**
 * How to read a video: keep its own frame rate and size, or resample.
 *
 * @param fps    output frames per second; 0 keeps the file's own rate. Resampling picks, for each
 *               output time k / fps, the last decoded frame shown at or before it (frames are
 *               dropped to go slower, repeated to go faster), as a player would show them.
 * @param width  output width in pixels; 0 keeps the file's width (both or neither must be set)
 * @param height output height in pixels; 0 keeps the file's height
 */
public record ReadOptions(double fps, int width, int height) {
    public ReadOptions {
        if (fps < 0 || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("frame rate must be 0 (keep) or positive, got " + fps);
        }
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("give both width and height (or neither), got " + width + "x" + height);
        }
    }

    /** The file's own frame rate and size. */
    public static ReadOptions original() {
        return new ReadOptions(0, 0, 0);
    }

    /** These options with another frame rate (0 keeps the file's). */
    public ReadOptions withFps(double newFps) {
        return new ReadOptions(newFps, width, height);
    }

    /** These options with another size (0, 0 keeps the file's). */
    public ReadOptions withSize(int newWidth, int newHeight) {
        return new ReadOptions(fps, newWidth, newHeight);
    }

    /** Whether frames are resized. */
    public boolean resizes() {
        return width > 0;
    }
}
