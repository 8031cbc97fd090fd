package gcl.features;

import gcl.video.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A weight-free feature extractor: appearance and motion statistics of a segment, pooled on a
 * spatial grid with OpenCV. It stands in for the paper's pretrained 3D ResNeXt where no weights
 * can be downloaded; it is deterministic and needs nothing but OpenCV.
 *
 * <p>Each frame is scaled to a working size (160×120 by default) and cut into a grid of cells.
 * For every cell the segment gets {@value #CHANNELS} numbers ("channels") in eight parts:
 * appearance (gradient orientation, edges, colour), averaged over every
 * {@value #APPEARANCE_STRIDE}th of the segment's p frames, and motion (temporal variation over
 * the p frames; frame difference and optical flow over the p − 1 frame pairs). The
 * parts are the rows of one table, {@code PARTS}, each computed by one method below whose
 * comment says what its channels measure; {@link #parts()} and {@link #describe} list them.
 *
 * <p><b>Dimension.</b> With d requested, the grid has ⌊d / 32⌋ cells (rows × columns as square as
 * that number allows: 8 × 8 for d = 2048), and entries past 32 × cells are zero. The vector is
 * channel-major: channel c of cell k is entry {@code c * cells + k}, so each part is one
 * contiguous block ({@link #parts()}). All values are non-negative, on the scale of pooled
 * network activations (mostly below a few units), like the features the paper's pseudo targets
 * assume.
 *
 * <p><b>Kind.</b> The features' kind is {@value #KIND}, written as {@code featureKind} in
 * {@code dataset.json}: datasets of another kind (an earlier version of this extractor, listed in
 * the project's CHANGELOG) do not mix with these. Optical flow is Lucas–Kanade's ({@code LucasKanade});
 * a pixel has changed when its grey level moves by more than 15 of 255.
 *
 * <p><b>Speed.</b> The image operations are whole-frame OpenCV calls, and one Java pass per frame
 * sorts the pixels into cells ({@code PixelMaps}); every buffer is allocated once per thread.
 * Safe to share between threads: each thread takes its own buffers from a lock-free pool, so
 * threads share nothing on the hot path and give the same numbers as one thread.
 */
public final class DefaultExtractor implements FeatureExtractor {
    /** The paper's networks give d = 2048 (ResNeXt); the default matches it. */
    public static final int DEFAULT_DIMENSION = 2048;
    /** Written as {@code featureKind} (see the class comment). */
    public static final String KIND = "gcl-default-v3";
    /**
     * The appearance parts are measured on every {@value}th frame of a segment (frames 0, 4, 8, 12
     * of 16): a fixed camera's edges and colours change little within 0.64 s, and measuring them
     * on every frame would double the extractor's time.
     */
    public static final int APPEARANCE_STRIDE = 4;
    /** Numbers per grid cell: the channels of all {@code PARTS}. */
    public static final int CHANNELS = 32;

    /** One named block of the vector: entries [from, to). */
    public record Part(String name, String description, int from, int to) {
    }

    /** How one part computes its channels from a segment's cell means. */
    @FunctionalInterface
    private interface PartMethod {
        void compute(SegmentCells segment, Channels out);
    }

    /** A row of {@link #PARTS}: a part's name, what it measures, its channels, and its method. */
    private record PartSpec(String name, String description, int channels, PartMethod method) {
    }

    /** The parts of the vector, in order. */
    private static final List<PartSpec> PARTS = List.of(
            new PartSpec("gradient orientation", "8-bin histogram of gradient directions, magnitude-weighted", PixelMaps.BINS,
                    DefaultExtractor::gradientOrientation),
            new PartSpec("edge density", "share of pixels with strong gradient", 1, DefaultExtractor::edgeDensity),
            new PartSpec("colour mean", "mean blue, green, red", 3, DefaultExtractor::colourMean),
            new PartSpec("colour spread", "std of blue, green, red in the cell", 3, DefaultExtractor::colourSpread),
            new PartSpec("temporal variation", "per-pixel std of grey level over the segment", 1,
                    DefaultExtractor::temporalVariation),
            new PartSpec("frame difference", "mean, changed share, peak of |I(t) - I(t-1)|", 3, DefaultExtractor::frameDifference),
            new PartSpec("flow direction", "8-bin histogram of optical-flow directions, speed-weighted", PixelMaps.BINS,
                    DefaultExtractor::flowDirection),
            new PartSpec("flow speed", "mean speed, moving share, peak, variation, acceleration", 5, DefaultExtractor::flowSpeed));

    static {
        if (PARTS.stream().mapToInt(PartSpec::channels).sum() != CHANNELS) {
            throw new AssertionError("the parts do not add up to " + CHANNELS + " channels");
        }
    }

    private final int dimension;
    private final int workWidth;
    private final int workHeight;
    private final int rows;
    private final int cols;
    private final int appearanceStride;
    /** Per-thread OpenCV buffers not in use; a thread takes one for a segment and gives it back. */
    private final Queue<PixelMaps> idle = new ConcurrentLinkedQueue<>();

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
     * @param workWidth  frames are scaled to this width first, at least 6 (optical flow runs at half of it)
     * @param workHeight and this height, at least 6
     */
    public DefaultExtractor(int dimension, int workWidth, int workHeight) {
        this(dimension, workWidth, workHeight, APPEARANCE_STRIDE);
    }

    /** As above, with the appearance parts from every {@code appearanceStride}-th frame (1: every frame). */
    DefaultExtractor(int dimension, int workWidth, int workHeight, int appearanceStride) {
        if (appearanceStride < 1) {
            throw new IllegalArgumentException("the appearance stride must be at least 1, got " + appearanceStride);
        }
        this.appearanceStride = appearanceStride;
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
        if (workWidth < 6 || workHeight < 6) {
            throw new IllegalArgumentException("working size " + workWidth + "x" + workHeight + " is smaller than 6x6");
        }
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
        List<Part> parts = new ArrayList<>();
        int channel = 0;
        for (PartSpec p : PARTS) {
            parts.add(new Part(p.name(), p.description(), channel * n, (channel + p.channels()) * n));
            channel += p.channels();
        }
        if (CHANNELS * n < dimension) {
            parts.add(new Part("padding", "zeros (d is not a multiple of 32 cells)", CHANNELS * n, dimension));
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
    public float[] extract(Segment segment) {
        PixelMaps maps = idle.poll();
        if (maps == null) {
            maps = new PixelMaps(workWidth, workHeight, rows, cols, Math.max(cols, workWidth / 2), Math.max(rows, workHeight / 2));
        }
        SegmentCells cells = maps.measure(segment, appearanceStride);
        idle.offer(maps); // not given back after a failure: its state is unknown
        float[] out = new float[dimension];
        int channel = 0;
        for (PartSpec p : PARTS) {
            p.method().compute(cells, new Channels(out, channel, cells.cells));
            channel += p.channels();
        }
        return out;
    }

    /** Where a part writes: its channel c of cell k is entry (first + c) · cells + k of the vector. */
    private record Channels(float[] vector, int first, int cells) {
        void set(int channel, int cell, double value) {
            vector[(first + channel) * cells + cell] = (float) value;
        }

        /** Channel c: per cell, the mean of {@code values[t][cell]} over t &lt; count. */
        void setMeans(int channel, double[][] values, int count) {
            for (int k = 0; k < cells; k++) {
                double sum = 0;
                for (int t = 0; t < count; t++) {
                    sum += values[t][k];
                }
                set(channel, k, mean(sum, count));
            }
        }

        /** Channel c: per cell, the mean of {@code values[t][index][cell]} over t &lt; count. */
        void setMeans(int channel, double[][][] values, int index, int count) {
            for (int k = 0; k < cells; k++) {
                double sum = 0;
                for (int t = 0; t < count; t++) {
                    sum += values[t][index][k];
                }
                set(channel, k, mean(sum, count));
            }
        }

        /** Channel c: per cell, the largest {@code values[t][cell]} over t &lt; count (0 when count is 0). */
        void setPeaks(int channel, double[][] values, int count) {
            for (int k = 0; k < cells; k++) {
                double peak = 0;
                for (int t = 0; t < count; t++) {
                    peak = Math.max(peak, values[t][k]);
                }
                set(channel, k, peak);
            }
        }
    }

    // ---- the parts, one method each, in the order of PARTS ----

    /**
     * Gradient orientation, 8 channels: a histogram of image-gradient directions (Sobel on grey
     * levels in [0, 1]) in 8 bins of 45°, weighted by gradient magnitude, averaged over the appearance frames.
     * Edges and shapes.
     */
    private static void gradientOrientation(SegmentCells s, Channels out) {
        for (int b = 0; b < PixelMaps.BINS; b++) {
            out.setMeans(b, s.gradient, b, s.appearanceFrames);
        }
    }

    /** Edge density, 1 channel: share of pixels with gradient magnitude above 0.25, averaged over the appearance frames. */
    private static void edgeDensity(SegmentCells s, Channels out) {
        out.setMeans(0, s.edges, s.appearanceFrames);
    }

    /** Colour mean, 3 channels: mean blue, green, red in [0, 1], averaged over the appearance frames. */
    private static void colourMean(SegmentCells s, Channels out) {
        for (int ch = 0; ch < 3; ch++) {
            out.setMeans(ch, s.colour, ch, s.appearanceFrames);
        }
    }

    /** Colour spread, 3 channels: standard deviation of blue, green, red within the cell, averaged over the appearance frames. */
    private static void colourSpread(SegmentCells s, Channels out) {
        for (int ch = 0; ch < 3; ch++) {
            for (int k = 0; k < s.cells; k++) {
                double sum = 0;
                for (int t = 0; t < s.appearanceFrames; t++) {
                    double m = s.colour[t][ch][k];
                    sum += Math.sqrt(Math.max(0, s.colourSquared[t][ch][k] - m * m));
                }
                out.set(ch, k, mean(sum, s.appearanceFrames));
            }
        }
    }

    /** Temporal variation, 1 channel: the per-pixel standard deviation of grey level over the p frames. */
    private static void temporalVariation(SegmentCells s, Channels out) {
        for (int k = 0; k < s.cells; k++) {
            out.set(0, k, s.temporalStd[k]);
        }
    }

    /**
     * Frame difference, 3 channels, over consecutive frames: mean |I(t) − I(t−1)|; share of pixels
     * whose grey level changed by more than 15/255; the largest per-cell mean difference.
     */
    private static void frameDifference(SegmentCells s, Channels out) {
        out.setMeans(0, s.difference, s.pairs);
        out.setMeans(1, s.changed, s.pairs);
        out.setPeaks(2, s.difference, s.pairs);
    }

    /**
     * Flow direction, 8 channels: a histogram of dense optical-flow directions ({@link LucasKanade},
     * at half the working size) in 8 bins of 45°, weighted by flow speed in working-size pixels per
     * frame, averaged over the frame pairs.
     */
    private static void flowDirection(SegmentCells s, Channels out) {
        for (int b = 0; b < PixelMaps.BINS; b++) {
            out.setMeans(b, s.flow, b, s.pairs);
        }
    }

    /**
     * Flow speed, 5 channels, of the cell's mean optical-flow speed over the frame pairs: its mean;
     * the share of pixels moving faster than 0.5 pixel per frame; its largest value; its standard
     * deviation over time; its mean |change| between consecutive pairs (acceleration).
     */
    private static void flowSpeed(SegmentCells s, Channels out) {
        out.setMeans(0, s.speed, s.pairs);
        out.setMeans(1, s.moving, s.pairs);
        out.setPeaks(2, s.speed, s.pairs);
        for (int k = 0; k < s.cells; k++) {
            double sum = 0;
            double squares = 0;
            double change = 0;
            for (int t = 0; t < s.pairs; t++) {
                double speed = s.speed[t][k];
                sum += speed;
                squares += speed * speed;
                if (t > 0) {
                    change += Math.abs(speed - s.speed[t - 1][k]);
                }
            }
            double mean = mean(sum, s.pairs);
            out.set(3, k, s.pairs > 0 ? Math.sqrt(Math.max(0, squares / s.pairs - mean * mean)) : 0);
            out.set(4, k, mean(change, s.pairs - 1));
        }
    }

    /** sum / count as the sum times 1 / count (0 when there is nothing to average). */
    private static double mean(double sum, int count) {
        return count > 0 ? sum * (1.0 / count) : 0;
    }

    @Override
    public String toString() {
        return "DefaultExtractor(d=" + dimension + ", grid " + rows + "x" + cols + ", work " + workWidth + "x" + workHeight + ")";
    }
}
