package gcl.features;

/**
 * The cell means of every per-pixel map of one segment, frame by frame ({@link PixelMaps}
 * computes them): what the parts of {@link DefaultExtractor} are made from. Indices are
 * {@code [frame][cell]}, {@code [frame][bin or channel][cell]}; maps of a frame pair (difference,
 * flow) are indexed by the pair, pair t being frames t → t+1.
 */
final class SegmentCells {
    /** Frames in the segment. */
    final int frames;
    /** Frames whose appearance is measured: every {@code stride}-th, from the first. */
    final int appearanceFrames;
    /** Frame pairs, frames − 1. */
    final int pairs;
    /** Cells of the grid. */
    final int cells;
    /** Per appearance frame: gradient magnitude (Sobel, grey levels in [0, 1]) by direction bin b, directions in (45·b, 45·(b+1)] degrees. */
    final double[][][] gradient;
    /** Share of pixels with gradient magnitude above {@link PixelMaps#EDGE_THRESHOLD}. */
    final double[][] edges;
    /** Blue, green, red in [0, 1]. */
    final double[][][] colour;
    /** Their squares. */
    final double[][][] colourSquared;
    /** The per-pixel standard deviation of grey over the whole segment (one map, not per frame). */
    final double[] temporalStd;
    /** |I(t+1) − I(t)|. */
    final double[][] difference;
    /** Share of pixels whose grey level changed by more than {@link PixelMaps#CHANGE_LEVELS} of 255 levels. */
    final double[][] changed;
    /** Optical-flow speed (working-size pixels per frame) by direction bin, as {@link #gradient}. */
    final double[][][] flow;
    /** Optical-flow speed. */
    final double[][] speed;
    /** Share of pixels moving faster than {@link PixelMaps#MOVING_THRESHOLD}. */
    final double[][] moving;

    SegmentCells(int frames, int appearanceStride, int cells) {
        this.frames = frames;
        this.appearanceFrames = (frames + appearanceStride - 1) / appearanceStride;
        this.pairs = Math.max(0, frames - 1);
        this.cells = cells;
        gradient = new double[appearanceFrames][PixelMaps.BINS][cells];
        edges = new double[appearanceFrames][cells];
        colour = new double[appearanceFrames][3][cells];
        colourSquared = new double[appearanceFrames][3][cells];
        temporalStd = new double[cells];
        difference = new double[pairs][cells];
        changed = new double[pairs][cells];
        flow = new double[pairs][PixelMaps.BINS][cells];
        speed = new double[pairs][cells];
        moving = new double[pairs][cells];
    }
}
