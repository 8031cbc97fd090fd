package gcl.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CellGridTest {
    @Test
    void aMultipleOfTheGridGivesEqualCells() {
        CellGrid g = new CellGrid(160, 120, 8, 8);
        assertArrayEquals(new int[] {0, 15, 30, 45, 60, 75, 90, 105, 120}, g.rowStart);
        assertArrayEquals(new int[] {0, 20, 40, 60, 80, 100, 120, 140, 160}, g.colStart);
        assertEquals(64, g.cells());
        assertEquals(300, g.pixels(3, 5));
    }

    @Test
    void otherSizesRoundTheBordersDownAndCoverEveryPixelOnce() {
        CellGrid g = new CellGrid(80, 60, 8, 8); // rows of 7.5 pixels
        assertArrayEquals(new int[] {0, 7, 15, 22, 30, 37, 45, 52, 60}, g.rowStart);
        int total = 0;
        for (int r = 0; r < g.rows; r++) {
            for (int c = 0; c < g.cols; c++) {
                total += g.pixels(r, c);
            }
        }
        assertEquals(80 * 60, total);
        assertEquals(10 * 7, g.pixels(0, 0));
        assertEquals(10 * 8, g.pixels(1, 0));
    }

    @Test
    void aMapSmallerThanTheGridIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CellGrid(4, 4, 2, 8));
        assertEquals("a 4x4 map is smaller than the 8x2 grid", e.getMessage());
    }
}
