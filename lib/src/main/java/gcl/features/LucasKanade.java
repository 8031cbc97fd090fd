package gcl.features;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.cartToPolar;
import static org.bytedeco.opencv.global.opencv_core.divide;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.boxFilter;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Dense optical flow by Lucas and Kanade's method (1981): the displacement (u, v) that best
 * explains the change between two frames within a window. Brightness constancy,
 * I_x·u + I_y·v + I_t = 0, solved in the least-squares sense over the window:
 * <pre>
 *   [ Σ I_x²     Σ I_x·I_y ] [u]     [ Σ I_x·I_t ]
 *   [ Σ I_x·I_y  Σ I_y²    ] [v] = − [ Σ I_y·I_t ]
 * </pre>
 * with a small λ added to the diagonal, so that flat regions (where the system is singular) get
 * no motion rather than noise. I_x and I_y are central differences of the two frames' mean, I_t
 * their difference.
 *
 * <p>The frame is cut into blocks of about {@value #BLOCK} × {@value #BLOCK} pixels; each block's
 * window is the block and its eight neighbours (15 × 15 pixels; outside the frame counts as
 * flat), and the blocks' flows are interpolated bilinearly to every pixel. One scale and one
 * step: accurate for displacements up to about a pixel per frame at the size it runs at, an
 * underestimate beyond (the default extractor runs it at half its working size).
 *
 * <p>Every step is a whole-image OpenCV call into buffers allocated once. Not thread-safe.
 */
final class LucasKanade {
    /** Block side in pixels (about: the frame is cut into a whole number of blocks). */
    static final int BLOCK = 5;
    /** λ, added to the window means of I_x² and I_y² (grey levels in [0, 1]). */
    static final double REGULARISATION = 2e-4;

    private static final int PRODUCTS = 5;
    private static final int XX = 0;
    private static final int XY = 1;
    private static final int YY = 2;
    private static final int XT = 3;
    private static final int YT = 4;

    private final Size pixels;
    private final Size blocks;
    private final Size neighbourhood = new Size(3, 3);
    private final Point centre = new Point(-1, -1);
    private final Mat average;
    private final Mat ix;
    private final Mat iy;
    private final Mat it = new Mat();
    private final Mat product = new Mat();
    // central differences: the inner columns (rows) of ix (iy) from the columns (rows) either side
    private final Mat ixInner;
    private final Mat right;
    private final Mat left;
    private final Mat iyInner;
    private final Mat below;
    private final Mat above;
    // the block means of the products, stacked with a zero row between them, and their window means
    private final Mat blockStack;
    private final Mat windowStack;
    private final Mat[] blockMean = new Mat[PRODUCTS];
    private final Mat[] windowMean = new Mat[PRODUCTS];
    private final Mat determinant = new Mat();
    private final Mat a = new Mat();
    private final Mat b = new Mat();
    private final Mat u = new Mat();
    private final Mat v = new Mat();
    private final MatVector uv = new MatVector(2);
    private final Mat blockFlow = new Mat();
    private final Mat flow;
    private final Mat flowX = new Mat();
    private final Mat flowY = new Mat();

    /** A solver for frames of {@code width} × {@code height} pixels (at least 3 × 3). */
    LucasKanade(int width, int height) {
        if (width < 3 || height < 3) {
            throw new IllegalArgumentException("optical flow needs frames of at least 3x3 pixels, got " + width + "x" + height);
        }
        pixels = new Size(width, height);
        int bw = Math.max(1, Math.round(width / (float) BLOCK));
        int bh = Math.max(1, Math.round(height / (float) BLOCK));
        blocks = new Size(bw, bh);
        average = new Mat(height, width, CV_32F);
        ix = Mat.zeros(height, width, CV_32F).asMat(); // its first and last columns stay 0
        iy = Mat.zeros(height, width, CV_32F).asMat(); // its first and last rows stay 0
        ixInner = ix.colRange(1, width - 1);
        right = average.colRange(2, width);
        left = average.colRange(0, width - 2);
        iyInner = iy.rowRange(1, height - 1);
        below = average.rowRange(2, height);
        above = average.rowRange(0, height - 2);
        blockStack = Mat.zeros(PRODUCTS * (bh + 1) - 1, bw, CV_32F).asMat();
        windowStack = new Mat(blockStack.rows(), bw, CV_32F);
        for (int p = 0; p < PRODUCTS; p++) {
            int top = p * (bh + 1);
            blockMean[p] = blockStack.rowRange(top, top + bh);
            windowMean[p] = windowStack.rowRange(top, top + bh);
        }
        flow = new Mat(height, width, CV_32FC2);
    }

    /**
     * The flow from {@code previous} to {@code next} (one-channel CV_32F grey levels in [0, 1], the
     * solver's size) as speed in pixels per frame and direction in degrees [0, 360).
     */
    void flow(Mat previous, Mat next, Mat speed, Mat direction) {
        addWeighted(previous, 0.5, next, 0.5, 0, average);
        addWeighted(right, 0.5, left, -0.5, 0, ixInner);
        addWeighted(below, 0.5, above, -0.5, 0, iyInner);
        subtract(next, previous, it);
        blockMeanOf(ix, ix, XX);
        blockMeanOf(ix, iy, XY);
        blockMeanOf(iy, iy, YY);
        blockMeanOf(ix, it, XT);
        blockMeanOf(iy, it, YT);
        boxFilter(blockStack, windowStack, -1, neighbourhood, centre, true, BORDER_CONSTANT);
        Mat xx = windowMean[XX];
        Mat xy = windowMean[XY];
        Mat yy = windowMean[YY];
        Mat xt = windowMean[XT];
        Mat yt = windowMean[YT];
        xx.convertTo(xx, CV_32F, 1, REGULARISATION);
        yy.convertTo(yy, CV_32F, 1, REGULARISATION);
        // the 2×2 solve per block, by Cramer's rule: u = (xy·yt − yy·xt) / det, v = (xy·xt − xx·yt) / det
        multiply(xx, yy, a);
        multiply(xy, xy, b);
        subtract(a, b, determinant);
        multiply(xy, yt, a);
        multiply(yy, xt, b);
        subtract(a, b, u);
        divide(u, determinant, u);
        multiply(xy, xt, a);
        multiply(xx, yt, b);
        subtract(a, b, v);
        divide(v, determinant, v);
        // from blocks to pixels
        uv.put(0, u);
        uv.put(1, v);
        merge(uv, blockFlow);
        resize(blockFlow, flow, pixels, 0, 0, INTER_LINEAR);
        extractChannel(flow, flowX, 0);
        extractChannel(flow, flowY, 1);
        cartToPolar(flowX, flowY, speed, direction, true);
    }

    /** The block means of f·g into the stack's place for product p. */
    private void blockMeanOf(Mat f, Mat g, int p) {
        multiply(f, g, product);
        resize(product, blockMean[p], blocks, 0, 0, INTER_AREA);
    }
}
