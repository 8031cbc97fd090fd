package gcl.features;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CMP_LE;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.cartToPolar;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.sqrt;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_TOZERO;
import static org.bytedeco.opencv.global.opencv_imgproc.accumulate;
import static org.bytedeco.opencv.global.opencv_imgproc.accumulateSquare;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import gcl.video.Segment;
import gcl.video.VideoFrame;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The per-pixel work of {@link DefaultExtractor} for one thread: the maps its parts are made of
 * (gradient and colour of the appearance frames; grey level, frame difference and optical flow of
 * every frame), averaged over the grid's cells into a {@link SegmentCells}.
 *
 * <p>The image operations (grey conversion, Sobel gradients, their magnitude and direction,
 * optical flow) are whole-frame OpenCV calls; one Java pass per frame then sorts each pixel into
 * its cell and its direction bin ({@link CellGrid}), which takes one pass where OpenCV would need
 * a threshold, a product and an area resize per bin. Every buffer is allocated once, at the
 * working size, and reused for every frame and segment, so the hot path allocates no native
 * memory and takes no lock. Not thread-safe: {@link DefaultExtractor} gives each thread its own.
 */
final class PixelMaps {
    /** Bins of a direction histogram: 8 × 45°. */
    static final int BINS = 8;
    /** Gradient magnitude (grey levels in [0, 1] per pixel, Sobel) above which a pixel is an edge. */
    static final float EDGE_THRESHOLD = 0.25f;
    /** Grey-level change (in levels of 255) above which a pixel has changed. */
    static final int CHANGE_LEVELS = 15;
    /** Speed (working-size pixels per frame) above which a pixel is moving. */
    static final float MOVING_THRESHOLD = 0.5f;

    private static final Scalar ZERO = new Scalar(0.0);

    private final int workWidth;
    private final int workHeight;
    private final Size work;
    private final Size flowSize;
    private final float flowToWork;
    private final CellGrid frameGrid;
    private final CellGrid flowGrid;
    private final LucasKanade lucasKanade;
    private final double[] bins = new double[BINS];

    // OpenCV buffers
    private final Mat input = new Mat();           // the frame at its own size, when that is not the working size
    private final Mat bgr;                         // CV_8UC3 at the working size
    private final Mat grey8;
    private final Mat grey;                        // grey levels in [0, 1] of an appearance frame
    private final Mat gradientX = new Mat();
    private final Mat gradientY = new Mat();
    private final Mat magnitude;
    private final Mat direction = new Mat();
    private final DirectionBins gradientBins;
    private final Mat small = new Mat();
    private final Mat[] smallGrey = new Mat[2];    // grey at the flow size, by parity
    private final Mat speed;
    private final Mat flowDirection = new Mat();
    private final DirectionBins flowBins;
    private final Mat greySum;
    private final Mat greySquaredSum;
    private final Mat meanGrey = new Mat();
    private final Mat meanGreySquared = new Mat();
    private final Mat variance = new Mat();
    private final Mat std;

    // the same pixels, read into Java arrays once per frame
    private final ByteBuffer bgrBuffer;
    private final byte[] bgrValues;
    private final ByteBuffer greyLevelBuffer;
    private final byte[][] greyLevels = new byte[2][];    // 8-bit grey of this frame and the previous one, by parity
    private final FloatBuffer magnitudeBuffer;
    private final float[] magnitudeValues;
    private final FloatBuffer speedBuffer;
    private final float[] speedValues;
    private final FloatBuffer stdBuffer;
    private final float[] stdValues;

    /**
     * @param workWidth  frames are scaled to this width
     * @param workHeight and this height
     * @param gridRows   rows of cells
     * @param gridCols   columns of cells
     * @param flowWidth  optical flow is computed at this width
     * @param flowHeight and this height
     */
    PixelMaps(int workWidth, int workHeight, int gridRows, int gridCols, int flowWidth, int flowHeight) {
        this.workWidth = workWidth;
        this.workHeight = workHeight;
        this.work = new Size(workWidth, workHeight);
        this.flowSize = new Size(flowWidth, flowHeight);
        this.flowToWork = (float) workWidth / flowWidth;
        frameGrid = new CellGrid(workWidth, workHeight, gridRows, gridCols);
        flowGrid = new CellGrid(flowWidth, flowHeight, gridRows, gridCols);
        lucasKanade = new LucasKanade(flowWidth, flowHeight);
        int pixels = workWidth * workHeight;
        bgr = new Mat(workHeight, workWidth, CV_8UC3);
        grey8 = new Mat(workHeight, workWidth, CV_8U);
        magnitude = new Mat(workHeight, workWidth, CV_32F);
        speed = new Mat(flowHeight, flowWidth, CV_32F);
        greySum = new Mat(workHeight, workWidth, CV_32F);
        greySquaredSum = new Mat(workHeight, workWidth, CV_32F);
        std = new Mat(workHeight, workWidth, CV_32F);
        grey = new Mat(workHeight, workWidth, CV_32F);
        greyLevelBuffer = grey8.createBuffer();
        for (int p = 0; p < 2; p++) {
            greyLevels[p] = new byte[pixels];
            smallGrey[p] = new Mat(flowHeight, flowWidth, CV_32F);
        }
        bgrBuffer = bgr.createBuffer();
        bgrValues = new byte[pixels * 3];
        magnitudeBuffer = magnitude.createBuffer();
        magnitudeValues = new float[pixels];
        gradientBins = new DirectionBins(workHeight, workWidth);
        speedBuffer = speed.createBuffer();
        speedValues = new float[flowWidth * flowHeight];
        flowBins = new DirectionBins(flowHeight, flowWidth);
        stdBuffer = std.createBuffer();
        stdValues = new float[pixels];
    }

    /**
     * The cell means of every map of a segment: the appearance maps of every
     * {@code appearanceStride}-th frame (frames 0, stride, 2·stride, …), the temporal variation
     * over all frames, and the frame difference and optical flow of every frame pair.
     */
    SegmentCells measure(Segment segment, int appearanceStride) {
        List<VideoFrame> frames = segment.frames();
        SegmentCells out = new SegmentCells(frames.size(), appearanceStride, frameGrid.cells());
        greySum.put(ZERO);
        greySquaredSum.put(ZERO);
        for (int t = 0; t < frames.size(); t++) {
            int now = t % 2;
            int before = 1 - now;
            byte[] pixels = load(frames.get(t));
            cvtColor(bgr, grey8, COLOR_BGR2GRAY);
            accumulate(grey8, greySum);
            accumulateSquare(grey8, greySquaredSum);
            resize(grey8, small, flowSize, 0, 0, INTER_AREA);
            small.convertTo(smallGrey[now], CV_32F, 1.0 / 255.0, 0);
            greyLevelBuffer.get(0, greyLevels[now]);
            if (t % appearanceStride == 0) {
                grey8.convertTo(grey, CV_32F, 1.0 / 255.0, 0);
                Sobel(grey, gradientX, CV_32F, 1, 0, 3, 1, 0, BORDER_REPLICATE);
                Sobel(grey, gradientY, CV_32F, 0, 1, 3, 1, 0, BORDER_REPLICATE);
                cartToPolar(gradientX, gradientY, magnitude, direction, true);
                gradientBins.compute(direction);
                magnitudeBuffer.get(0, magnitudeValues);
                appearanceCells(pixels, out, t / appearanceStride);
            }
            if (t > 0) {
                differenceCells(greyLevels[now], greyLevels[before], out, t - 1);
                lucasKanade.flow(smallGrey[before], smallGrey[now], speed, flowDirection);
                speedBuffer.get(0, speedValues);
                flowBins.compute(flowDirection);
                flowCells(out, t - 1);
            }
        }
        temporalStd(frames.size(), out);
        return out;
    }

    /** Puts a frame into {@link #bgr}, scaled to the working size if needed; returns its BGR bytes at that size. */
    private byte[] load(VideoFrame frame) {
        if (frame.width() == workWidth && frame.height() == workHeight) {
            bgrBuffer.put(0, frame.bgr());
            return frame.bgr();
        }
        input.create(frame.height(), frame.width(), CV_8UC3);
        input.data().put(frame.bgr());
        resize(input, bgr, work, 0, 0, INTER_AREA);
        bgrBuffer.get(0, bgrValues);
        return bgrValues;
    }

    /** The cell means of one appearance frame {@code a}: gradient magnitude by direction bin, edges, colour and its square. */
    private void appearanceCells(byte[] bgrBytes, SegmentCells out, int a) {
        CellGrid g = frameGrid;
        double[] bins = this.bins;
        float[] magnitude = magnitudeValues;
        byte[] direction = gradientBins.values;
        for (int r = 0, k = 0; r < g.rows; r++) {
            for (int c = 0; c < g.cols; c++, k++) {
                Arrays.fill(bins, 0);
                int edges = 0;
                long blue = 0;
                long green = 0;
                long red = 0;
                long blue2 = 0;
                long green2 = 0;
                long red2 = 0;
                for (int y = g.rowStart[r]; y < g.rowStart[r + 1]; y++) {
                    int end = y * g.width + g.colStart[c + 1];
                    for (int i = y * g.width + g.colStart[c]; i < end; i++) {
                        float m = magnitude[i];
                        bins[direction[i]] += m;
                        edges += m > EDGE_THRESHOLD ? 1 : 0;
                        int b = bgrBytes[3 * i] & 0xFF;
                        int gr = bgrBytes[3 * i + 1] & 0xFF;
                        int rd = bgrBytes[3 * i + 2] & 0xFF;
                        blue += b;
                        green += gr;
                        red += rd;
                        blue2 += b * b;
                        green2 += gr * gr;
                        red2 += rd * rd;
                    }
                }
                double n = g.pixels(r, c);
                for (int b = 0; b < BINS; b++) {
                    out.gradient[a][b][k] = bins[b] / n;
                }
                out.edges[a][k] = edges / n;
                out.colour[a][0][k] = blue / (255.0 * n);
                out.colour[a][1][k] = green / (255.0 * n);
                out.colour[a][2][k] = red / (255.0 * n);
                out.colourSquared[a][0][k] = blue2 / (255.0 * 255.0 * n);
                out.colourSquared[a][1][k] = green2 / (255.0 * 255.0 * n);
                out.colourSquared[a][2][k] = red2 / (255.0 * 255.0 * n);
            }
        }
    }

    /**
     * The cell means of one frame pair's grey-level difference |I(t+1) − I(t)| (grey levels in
     * [0, 1]), and the share of pixels that changed by more than {@link #CHANGE_LEVELS} of 255
     * levels; counted in whole grey levels, so exact.
     */
    private void differenceCells(byte[] grey, byte[] previous, SegmentCells out, int pair) {
        CellGrid g = frameGrid;
        for (int r = 0, k = 0; r < g.rows; r++) {
            for (int c = 0; c < g.cols; c++, k++) {
                int difference = 0;
                int changed = 0;
                for (int y = g.rowStart[r]; y < g.rowStart[r + 1]; y++) {
                    int end = y * g.width + g.colStart[c + 1];
                    for (int i = y * g.width + g.colStart[c]; i < end; i++) {
                        int d = Math.abs((grey[i] & 0xFF) - (previous[i] & 0xFF));
                        difference += d;
                        changed += d > CHANGE_LEVELS ? 1 : 0;
                    }
                }
                double n = g.pixels(r, c);
                out.difference[pair][k] = difference / (255.0 * n);
                out.changed[pair][k] = changed / n;
            }
        }
    }

    /** The cell means of one frame pair's optical flow: speed by direction bin, speed, moving pixels. */
    private void flowCells(SegmentCells out, int pair) {
        CellGrid g = flowGrid;
        double[] bins = this.bins;
        byte[] direction = flowBins.values;
        for (int r = 0, k = 0; r < g.rows; r++) {
            for (int c = 0; c < g.cols; c++, k++) {
                Arrays.fill(bins, 0);
                double speed = 0;
                int moving = 0;
                for (int y = g.rowStart[r]; y < g.rowStart[r + 1]; y++) {
                    int end = y * g.width + g.colStart[c + 1];
                    for (int i = y * g.width + g.colStart[c]; i < end; i++) {
                        float s = speedValues[i] * flowToWork;
                        bins[direction[i]] += s;
                        speed += s;
                        moving += s > MOVING_THRESHOLD ? 1 : 0;
                    }
                }
                double n = g.pixels(r, c);
                for (int b = 0; b < BINS; b++) {
                    out.flow[pair][b][k] = bins[b] / n;
                }
                out.speed[pair][k] = speed / n;
                out.moving[pair][k] = moving / n;
            }
        }
    }

    /**
     * The direction bin of an angle in degrees: bin b holds (45·b, 45·(b+1)], bin 0 also 0°
     * (a pixel is in the highest bin whose lower edge it is above).
     */
    static int bin(float degrees) {
        int b = (int) (degrees * (1f / 45f));
        if (degrees <= 45f * b) {
            b--;
        } else if (degrees > 45f * (b + 1)) {
            b++;
        }
        return b < 0 ? 0 : b > BINS - 1 ? BINS - 1 : b;
    }

    /**
     * The {@link #bin} of every pixel of a map of directions, by four whole-map OpenCV calls: with
     * r = round(d / 45), the bin is r − 1 where d ≤ 45·r and r elsewhere.
     */
    static final class DirectionBins {
        private final Mat rounded;
        private final Mat edge = new Mat();
        private final Mat atOrBelow = new Mat();
        private final Mat bins;
        private final ByteBuffer buffer;
        /** The bins of the last map, one byte per pixel. */
        final byte[] values;

        DirectionBins(int rows, int cols) {
            rounded = new Mat(rows, cols, CV_8U);
            bins = new Mat(rows, cols, CV_8U);
            buffer = bins.createBuffer();
            values = new byte[rows * cols];
        }

        /** The bins of a CV_32F map of directions in degrees [0, 360], of this size, into {@link #values}. */
        byte[] compute(Mat degrees) {
            degrees.convertTo(rounded, CV_8U, 1.0 / 45, 0);
            rounded.convertTo(edge, CV_32F, 45, 0);
            compare(degrees, edge, atOrBelow, CMP_LE);
            addWeighted(rounded, 1, atOrBelow, -1.0 / 255, 0, bins); // saturates at bin 0
            buffer.get(0, values);
            return values;
        }
    }

    /**
     * The per-pixel standard deviation of grey (in [0, 1]) over the segment, sqrt(E[I²] − E[I]²),
     * cell means. The per-pixel sums of 8-bit levels and their squares are exact in float.
     */
    private void temporalStd(int count, SegmentCells out) {
        greySum.convertTo(meanGrey, CV_32F, 1.0 / (255.0 * count), 0);
        multiply(meanGrey, meanGrey, meanGreySquared);
        greySquaredSum.convertTo(variance, CV_32F, 1.0 / (255.0 * 255.0 * count), 0);
        subtract(variance, meanGreySquared, variance);
        threshold(variance, variance, 0, 0, THRESH_TOZERO);
        sqrt(variance, std);
        stdBuffer.get(0, stdValues);
        CellGrid g = frameGrid;
        for (int r = 0, k = 0; r < g.rows; r++) {
            for (int c = 0; c < g.cols; c++, k++) {
                double sum = 0;
                for (int y = g.rowStart[r]; y < g.rowStart[r + 1]; y++) {
                    int end = y * g.width + g.colStart[c + 1];
                    for (int i = y * g.width + g.colStart[c]; i < end; i++) {
                        sum += stdValues[i];
                    }
                }
                out.temporalStd[k] = sum / g.pixels(r, c);
            }
        }
    }
}
