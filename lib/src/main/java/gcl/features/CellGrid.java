package gcl.features;

/**
 * A grid of cells over a map of pixels: cell (r, c) holds the pixel rows [rowStart[r],
 * rowStart[r + 1]) and columns [colStart[c], colStart[c + 1]), borders rounded down to whole
 * pixels, so every pixel lies in exactly one cell. When the map's size is a multiple of the
 * grid's (160×120 on 8 × 8 cells) all cells are the same size and a cell's mean is exactly what
 * OpenCV's area resize gives; otherwise cells differ by at most one pixel per side.
 */
final class CellGrid {
    final int width;
    final int rows;
    final int cols;
    /** First pixel row of each cell row, and the map's height last ({@code rows + 1} entries). */
    final int[] rowStart;
    /** First pixel column of each cell column, and the map's width last ({@code cols + 1} entries). */
    final int[] colStart;

    /**
     * @param width  map width in pixels, at least {@code cols}
     * @param height map height in pixels, at least {@code rows}
     * @param rows   rows of cells
     * @param cols   columns of cells
     */
    CellGrid(int width, int height, int rows, int cols) {
        if (width < cols || height < rows) {
            throw new IllegalArgumentException("a " + width + "x" + height + " map is smaller than the " + cols + "x" + rows + " grid");
        }
        this.width = width;
        this.rows = rows;
        this.cols = cols;
        rowStart = starts(height, rows);
        colStart = starts(width, cols);
    }

    private static int[] starts(int pixels, int cells) {
        int[] start = new int[cells + 1];
        for (int c = 0; c <= cells; c++) {
            start[c] = (int) ((long) c * pixels / cells);
        }
        return start;
    }

    /** Cells in the grid, row-major: cell k is row k / cols, column k % cols. */
    int cells() {
        return rows * cols;
    }

    /** Pixels in cell (r, c). */
    int pixels(int r, int c) {
        return (rowStart[r + 1] - rowStart[r]) * (colStart[c + 1] - colStart[c]);
    }
}
