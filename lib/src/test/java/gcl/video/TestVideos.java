package gcl.video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Small videos written by tests with JavaCV. */
public final class TestVideos {
    private TestVideos() {
    }

    /**
     * Writes a video whose frame k is a flat grey of level 8·k (mod 256) with a white square moving
     * right by 2 pixels a frame.
     */
    public static Path write(Path file, int frames, int width, int height, double fps) throws IOException {
        try (VideoWriter w = VideoWriter.open(file, width, height, fps)) {
            for (int k = 0; k < frames; k++) {
                w.write(frame(k, width, height));
            }
        }
        return file;
    }

    public static VideoFrame frame(int k, int width, int height) {
        byte[] bgr = new byte[width * height * 3];
        byte level = (byte) ((8 * k) % 256);
        Arrays.fill(bgr, level);
        int side = Math.min(16, Math.min(width, height) / 2);
        int x0 = (2 * k) % Math.max(1, width - side);
        for (int y = height / 2 - side / 2; y < height / 2 + side / 2; y++) {
            for (int x = x0; x < x0 + side; x++) {
                int i = (y * width + x) * 3;
                bgr[i] = bgr[i + 1] = bgr[i + 2] = (byte) 255;
            }
        }
        return new VideoFrame(width, height, bgr);
    }
}
