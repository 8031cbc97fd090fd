package gcl.video;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.Objects;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded frame: 8-bit BGR pixels, row after row, no padding ({@code width * height * 3} bytes).
 *
 * <p>A plain Java array, so frames can be kept, shared between threads and collected by the
 * garbage collector; {@link #toMat()} hands a copy to OpenCV.
 *
 * @param width  pixels per row
 * @param height rows
 * @param bgr    the pixels, blue-green-red per pixel
 */
public record VideoFrame(int width, int height, byte[] bgr) {
    public VideoFrame {
        Objects.requireNonNull(bgr, "bgr");
        if (width <= 0 || height <= 0 || bgr.length != width * height * 3) {
            throw new IllegalArgumentException("a " + width + "x" + height + " BGR frame needs "
                    + (long) width * height * 3 + " bytes, got " + bgr.length);
        }
    }

    /** A new OpenCV matrix (CV_8UC3, BGR) holding a copy of the pixels; the caller releases it. */
    public Mat toMat() {
        Mat m = new Mat(height, width, CV_8UC3);
        m.data().put(bgr);
        return m;
    }

    /** The frame held by a continuous or strided CV_8UC3 matrix. */
    public static VideoFrame of(Mat bgrMat) {
        if (bgrMat.type() != CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit 3-channel BGR image, got OpenCV type " + bgrMat.type());
        }
        int w = bgrMat.cols();
        int h = bgrMat.rows();
        byte[] bytes = new byte[w * h * 3];
        BytePointer data = bgrMat.data();
        long step = bgrMat.step();
        for (int r = 0; r < h; r++) {
            data.position(r * step).get(bytes, r * w * 3, w * 3);
        }
        data.position(0);
        return new VideoFrame(w, h, bytes);
    }

    /** The blue, green, red values of pixel (x, y), 0–255. */
    public int[] pixel(int x, int y) {
        int i = (y * width + x) * 3;
        return new int[] {bgr[i] & 0xFF, bgr[i + 1] & 0xFF, bgr[i + 2] & 0xFF};
    }
}
