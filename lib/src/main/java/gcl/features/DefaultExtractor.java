package gcl.features;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.cartToPolar;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowFarneback;

import gcl.video.Segment;
import gcl.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A weight-free feature extractor: appearance and motion statistics of a segment, pooled on a
 * spatial grid with OpenCV. It stands in for the paper's pretrained 3D ResNeXt where no weights
 * can be downloaded; it is deterministic and needs nothing but OpenCV.
 *
 * <p>Each frame is scaled to a working size (160×120 by default) and cut into a grid of cells.
 * For every cell the segment gets {@value #CHANNELS} numbers ("channels"):
 * <table>
 * <caption>Channels of one grid cell</caption>
 * <tr><th>#</th><th>part</th><th>what it measures (averaged over the segment's frames)</th></tr>
 * <tr><td>0–7</td><td>appearance: gradient orientation</td><td>histogram of image-gradient directions in 8
 *     bins of 45°, weighted by gradient magnitude (Sobel on grey levels in [0, 1]): edges and shapes</td></tr>
 * <tr><td>8</td><td>appearance: edge density</td><td>share of pixels with gradient magnitude above 0.25</td></tr>
 * <tr><td>9–11</td><td>appearance: colour mean</td><td>mean blue, green, red in [0, 1]</td></tr>
 * <tr><td>12–14</td><td>appearance: colour spread</td><td>standard deviation of blue, green, red within the cell</td></tr>
 * <tr><td>15</td><td>motion: temporal variation</td><td>per-pixel standard deviation of grey level over the p frames</td></tr>
 * <tr><td>16</td><td>motion: frame difference</td><td>mean |I(t) − I(t−1)| of consecutive frames</td></tr>
 * <tr><td>17</td><td>motion: changed pixels</td><td>share of pixels whose grey level changed by more than 15/255</td></tr>
 * <tr><td>18</td><td>motion: peak difference</td><td>largest per-cell frame difference over the segment</td></tr>
 * <tr><td>19–26</td><td>motion: flow direction</td><td>histogram of optical-flow directions (Farnebäck, computed
 *     at half the working size for speed) in 8 bins, weighted by flow magnitude in working-size pixels per frame</td></tr>
 * <tr><td>27</td><td>motion: flow speed</td><td>mean optical-flow magnitude</td></tr>
 * <tr><td>28</td><td>motion: moving pixels</td><td>share of pixels moving faster than 0.5 pixel per frame</td></tr>
 * <tr><td>29</td><td>motion: peak speed</td><td>largest per-cell mean flow magnitude over the segment</td></tr>
 * <tr><td>30</td><td>motion: speed variation</td><td>standard deviation over time of the cell's mean flow magnitude</td></tr>
 * <tr><td>31</td><td>motion: acceleration</td><td>mean |change| of the cell's mean flow magnitude between frame pairs</td></tr>
 * </table>
 *
 * <p><b>Dimension.</b> With d requested, the grid has ⌊d / 32⌋ cells (rows × columns as square as
 * that number allows: 8 × 8 for d = 2048), and entries past 32 × cells are zero. The vector is
 * channel-major: channel c of cell k is entry {@code c * cells + k}, so each part is one
 * contiguous block ({@link #parts()}). All values are non-negative, on the scale of pooled
 * network activations (mostly below a few units), like the features the paper's pseudo targets
 * assume. Grid pooling is OpenCV's area resize, which averages each cell exactly.
 *
 * <p>Safe to share between threads: every call allocates and frees its own OpenCV matrices.
 */
public final class DefaultExtractor implements FeatureExtractor {
    /** Numbers per grid cell. */
    public static final int CHANNELS = 32;
    /** The paper's networks give d = 2048 (ResNeXt); the default matches it. */
    public static final int DEFAULT_DIMENSION = 2048;
    /** Written as {@code featureKind}. */
    public static final String KIND = "gcl-default-v1";

    private static final int BINS = 8;
    private static final double EDGE_THRESHOLD = 0.25;
    private static final double CHANGE_THRESHOLD = 15.0 / 255.0;
    private static final double MOVING_THRESHOLD = 0.5;

    /** One named block of the vector: entries [from, to). */
    public record Part(String name, String description, int from, int to) {
    }

    private final int dimension;
    private final int workWidth;
    private final int workHeight;
    private final int rows;
    private final int cols;

    /** d = 2048, working size 160×120. */
    public DefaultExtractor() {
        this(DEFAULT_DIMENSION);
    }

    /** Dimension d (at least 32), working size 160×120. */
    public DefaultExtractor(int dimension) {
        this(dimension, 160, 120);
    }

    /**
     * @param dimension  d, at least {@value #CHANNELS}
     * @param workWidth  frames are scaled to this width first
     * @param workHeight and this height
     */
    public DefaultExtractor(int dimension, int workWidth, int workHeight) {
        if (dimension < CHANNELS) {
            throw new IllegalArgumentException("the default extractor needs d >= " + CHANNELS + ", got " + dimension);
        }
        int cells = dimension / CHANNELS;
        int r = (int) Math.floor(Math.sqrt(cells));
        while (cells % r != 0) {
            r--;
        }
        this.rows = r;
        this.cols = cells / r;
        if (workWidth < cols || workHeight < rows) {
            throw new IllegalArgumentException("working size " + workWidth + "x" + workHeight + " is smaller than the "
                    + cols + "x" + rows + " grid");
        }
        this.dimension = dimension;
        this.workWidth = workWidth;
        this.workHeight = workHeight;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean threadSafe() {
        return true;
    }

    /** Grid rows. */
    public int gridRows() {
        return rows;
    }

    /** Grid columns. */
    public int gridColumns() {
        return cols;
    }

    /** Cells in the grid, rows × columns. */
    public int cells() {
        return rows * cols;
    }

    /** The named blocks of the vector, in order (the zero padding, if any, last). */
    public List<Part> parts() {
        int n = cells();
        List<Part> parts = new ArrayList<>(List.of(
                new Part("gradient orientation", "8-bin histogram of gradient directions, magnitude-weighted", 0, 8 * n),
                new Part("edge density", "share of pixels with strong gradient", 8 * n, 9 * n),
                new Part("colour mean", "mean blue, green, red", 9 * n, 12 * n),
                new Part("colour spread", "std of blue, green, red in the cell", 12 * n, 15 * n),
                new Part("temporal variation", "per-pixel std of grey level over the segment", 15 * n, 16 * n),
                new Part("frame difference", "mean, changed share, peak of |I(t) - I(t-1)|", 16 * n, 19 * n),
                new Part("flow direction", "8-bin histogram of optical-flow directions, speed-weighted", 19 * n, 27 * n),
                new Part("flow speed", "mean speed, moving share, peak, variation, acceleration", 27 * n, 32 * n)));
        if (32 * n < dimension) {
            parts.add(new Part("padding", "zeros (d is not a multiple of 32 cells)", 32 * n, dimension));
        }
        return parts;
    }

    /**
     * What each part of a vector holds, as a table for a notebook: part, what it measures, its
     * entries, and the mean and largest value of that part in {@code vector}.
     */
    public tech.tablesaw.api.Table describe(float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("expected a vector of " + dimension + " entries, got " + vector.length);
        }
        tech.tablesaw.api.StringColumn part = tech.tablesaw.api.StringColumn.create("part");
        tech.tablesaw.api.StringColumn what = tech.tablesaw.api.StringColumn.create("measures");
        tech.tablesaw.api.StringColumn entries = tech.tablesaw.api.StringColumn.create("entries");
        tech.tablesaw.api.DoubleColumn mean = tech.tablesaw.api.DoubleColumn.create("mean");
        tech.tablesaw.api.DoubleColumn max = tech.tablesaw.api.DoubleColumn.create("max");
        for (Part p : parts()) {
            double sum = 0;
            double top = 0;
            for (int i = p.from(); i < p.to(); i++) {
                sum += vector[i];
                top = Math.max(top, vector[i]);
            }
            part.append(p.name());
            what.append(p.description());
            entries.append(p.from() + "-" + (p.to() - 1));
            mean.append(sum / (p.to() - p.from()));
            max.append(top);
        }
        return tech.tablesaw.api.Table.create("default extractor, d = " + dimension + ", grid " + rows + "x" + cols,
                part, what, entries, mean, max);
    }

    @Override
    @SuppressWarnings({"unchecked", "try"}) // a PointerScope frees the natives made in it, unreferenced by design; JavaCPP's constructor is not @SafeVarargs
    public float[] extract(Segment segment) {
        List<VideoFrame> frames = segment.frames();
        int n = cells();
        double[][] acc = new double[CHANNELS][n];
        double[] peakDiff = new double[n];
        double[] peakSpeed = new double[n];
        double[] speedSq = new double[n];
        double[] previousSpeed = null;
        try (PointerScope scope = new PointerScope()) {
            Size work = new Size(workWidth, workHeight);
            Size grid = new Size(cols, rows);
            Size half = new Size(Math.max(cols, workWidth / 2), Math.max(rows, workHeight / 2));
            Mat previousSmall = null;
            Mat previousGrey = null;
            Mat greySum = Mat.zeros(workHeight, workWidth, CV_32F).asMat();
            Mat greySq = Mat.zeros(workHeight, workWidth, CV_32F).asMat();
            int pairs = 0;
            for (VideoFrame frame : frames) {
                Mat bgr = frame.toMat();
                if (frame.width() != workWidth || frame.height() != workHeight) {
                    Mat scaled = new Mat();
                    resize(bgr, scaled, work, 0, 0, INTER_AREA);
                    bgr = scaled;
                }
                Mat grey8 = new Mat();
                cvtColor(bgr, grey8, COLOR_BGR2GRAY);
                Mat grey = new Mat();
                grey8.convertTo(grey, CV_32F, 1.0 / 255.0, 0);

                // appearance: gradient orientation histogram and edge density
                Mat gx = new Mat();
                Mat gy = new Mat();
                Sobel(grey, gx, CV_32F, 1, 0, 3, 1, 0, org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE);
                Sobel(grey, gy, CV_32F, 0, 1, 3, 1, 0, org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE);
                Mat magnitude = new Mat();
                Mat angle = new Mat();
                cartToPolar(gx, gy, magnitude, angle, true);
                addOrientationHistogram(magnitude, angle, grid, acc, 0);
                addPooled(binary(magnitude, EDGE_THRESHOLD), grid, acc[8]);

                // appearance: colour mean and spread
                Mat colour = new Mat();
                bgr.convertTo(colour, CV_32FC3, 1.0 / 255.0, 0);
                Mat colourSq = new Mat();
                multiply(colour, colour, colourSq);
                float[][] mean = pooledChannels(colour, grid);
                float[][] meanSq = pooledChannels(colourSq, grid);
                for (int ch = 0; ch < 3; ch++) {
                    for (int k = 0; k < n; k++) {
                        acc[9 + ch][k] += mean[ch][k];
                        acc[12 + ch][k] += Math.sqrt(Math.max(0, meanSq[ch][k] - mean[ch][k] * mean[ch][k]));
                    }
                }

                // temporal variation: running sums of grey and grey squared
                add(greySum, grey, greySum);
                Mat greySquared = new Mat();
                multiply(grey, grey, greySquared);
                add(greySq, greySquared, greySq);

                if (previousGrey != null) {
                    pairs++;
                    // frame difference
                    Mat diff = new Mat();
                    absdiff(grey, previousGrey, diff);
                    float[] d = pooled(diff, grid);
                    for (int k = 0; k < n; k++) {
                        acc[16][k] += d[k];
                        peakDiff[k] = Math.max(peakDiff[k], d[k]);
                    }
                    addPooled(binary(diff, CHANGE_THRESHOLD), grid, acc[17]);

                    // dense optical flow (Farnebäck) at half the working size, its direction histogram and
                    // speed in working-size pixels per frame
                    Mat small = new Mat();
                    resize(grey8, small, half, 0, 0, INTER_AREA);
                    Mat flow = new Mat();
                    calcOpticalFlowFarneback(previousSmall, small, flow, 0.5, 2, 9, 2, 5, 1.1, 0);
                    MatVector uv = new MatVector();
                    split(flow, uv);
                    Mat speed = new Mat();
                    Mat direction = new Mat();
                    cartToPolar(uv.get(0), uv.get(1), speed, direction, true);
                    speed.convertTo(speed, CV_32F, (double) workWidth / half.width(), 0);
                    previousSmall = small;
                    addOrientationHistogram(speed, direction, grid, acc, 19);
                    float[] s = pooled(speed, grid);
                    for (int k = 0; k < n; k++) {
                        acc[27][k] += s[k];
                        peakSpeed[k] = Math.max(peakSpeed[k], s[k]);
                        speedSq[k] += (double) s[k] * s[k];
                        if (previousSpeed != null) {
                            acc[31][k] += Math.abs(s[k] - previousSpeed[k]);
                        }
                    }
                    double[] current = new double[n];
                    for (int k = 0; k < n; k++) {
                        current[k] = s[k];
                    }
                    previousSpeed = current;
                    addPooled(binary(speed, MOVING_THRESHOLD), grid, acc[28]);
                }
                if (previousSmall == null) {
                    previousSmall = new Mat();
                    resize(grey8, previousSmall, half, 0, 0, INTER_AREA);
                }
                previousGrey = grey;
            }

            int count = frames.size();
            for (int c = 0; c <= 14; c++) {
                scale(acc[c], 1.0 / count);
            }
            // temporal std map: sqrt(E[I^2] - E[I]^2), pooled
            Mat meanGrey = new Mat();
            greySum.convertTo(meanGrey, CV_32F, 1.0 / count, 0);
            Mat meanGreySq = new Mat();
            multiply(meanGrey, meanGrey, meanGreySq);
            Mat variance = new Mat();
            greySq.convertTo(variance, CV_32F, 1.0 / count, 0);
            org.bytedeco.opencv.global.opencv_core.subtract(variance, meanGreySq, variance);
            threshold(variance, variance, 0, 0, org.bytedeco.opencv.global.opencv_imgproc.THRESH_TOZERO);
            Mat std = new Mat();
            org.bytedeco.opencv.global.opencv_core.sqrt(variance, std);
            addPooled(std, grid, acc[15]);

            if (pairs > 0) {
                for (int c = 16; c <= 28; c++) {
                    if (c != 18) {
                        scale(acc[c], 1.0 / pairs);
                    }
                }
                for (int k = 0; k < n; k++) {
                    acc[18][k] = peakDiff[k];
                    acc[29][k] = peakSpeed[k];
                    double m = acc[27][k];
                    acc[30][k] = Math.sqrt(Math.max(0, speedSq[k] / pairs - m * m));
                }
                if (pairs > 1) {
                    scale(acc[31], 1.0 / (pairs - 1));
                }
            }
        }
        float[] out = new float[dimension];
        for (int c = 0; c < CHANNELS; c++) {
            for (int k = 0; k < n; k++) {
                out[c * n + k] = (float) acc[c][k];
            }
        }
        return out;
    }

    /**
     * Adds an 8-bin direction histogram, weighted by magnitude and averaged per cell, to channels
     * first..first+7. Bin b holds directions in [45·b, 45·(b+1)) degrees; it is computed as the
     * difference of "direction above 45·b" sums, each a threshold, a product and an area resize.
     */
    private void addOrientationHistogram(Mat magnitude, Mat angle, Size grid, double[][] acc, int first) {
        int n = cells();
        float[] above = pooled(magnitude, grid); // everything is at or above 0 degrees
        for (int b = 0; b < BINS; b++) {
            float[] next;
            if (b + 1 < BINS) {
                Mat weighted = new Mat();
                multiply(magnitude, binary(angle, 360.0 / BINS * (b + 1)), weighted);
                next = pooled(weighted, grid);
            } else {
                next = new float[n];
            }
            for (int k = 0; k < n; k++) {
                acc[first + b][k] += Math.max(0, above[k] - next[k]);
            }
            above = next;
        }
    }

    /** 1 where the value is above the threshold, else 0 (CV_32F). */
    private static Mat binary(Mat values, double limit) {
        Mat out = new Mat();
        threshold(values, out, limit, 1.0, THRESH_BINARY);
        return out;
    }

    private static void addPooled(Mat map, Size grid, double[] into) {
        float[] p = pooled(map, grid);
        for (int k = 0; k < p.length; k++) {
            into[k] += p[k];
        }
    }

    /** Cell means of a one-channel CV_32F map, row-major over the grid (an area resize averages each cell). */
    private static float[] pooled(Mat map, Size grid) {
        Mat small = new Mat();
        resize(map, small, grid, 0, 0, INTER_AREA);
        float[] out = new float[grid.width() * grid.height()];
        try (FloatIndexer idx = small.createIndexer()) {
            for (int r = 0; r < grid.height(); r++) {
                for (int c = 0; c < grid.width(); c++) {
                    out[r * grid.width() + c] = idx.get(r, c);
                }
            }
        }
        return out;
    }

    /** Cell means of each channel of a three-channel CV_32F image. */
    private static float[][] pooledChannels(Mat image, Size grid) {
        Mat small = new Mat();
        resize(image, small, grid, 0, 0, INTER_AREA);
        int n = grid.width() * grid.height();
        float[][] out = new float[3][n];
        try (FloatIndexer idx = small.createIndexer()) {
            for (int r = 0; r < grid.height(); r++) {
                for (int c = 0; c < grid.width(); c++) {
                    for (int ch = 0; ch < 3; ch++) {
                        out[ch][r * grid.width() + c] = idx.get(r, c, ch);
                    }
                }
            }
        }
        return out;
    }

    private static void scale(double[] values, double factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
    }

    @Override
    public String toString() {
        return "DefaultExtractor(d=" + dimension + ", grid " + rows + "x" + cols + ", work " + workWidth + "x" + workHeight + ")";
    }
}
