package gcl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class MeanStdTest {
    @Test
    void meanAndSampleStdPerGroupInFirstAppearanceOrder() {
        Table runs = Table.create("seeds",
                StringColumn.create("method", "GCL_PT", "GCL_B", "GCL_PT", "GCL_B", "GCL_B", "AE"),
                IntColumn.create("seed", 1, 1, 2, 2, 3, 1),
                DoubleColumn.create("AUC", 70.0, 67.0, 71.0, 68.0, 66.0, 56.0));
        Table s = Summaries.meanStd(runs, "method", "AUC");
        assertEquals(List.of("method", "n", "mean", "std", "min", "max", "mean ± std"), s.columnNames());
        assertEquals(List.of("GCL_PT", "GCL_B", "AE"), s.stringColumn("method").asList());
        assertEquals(67.0, s.doubleColumn("mean").get(1), 1e-12);
        assertEquals(1.0, s.doubleColumn("std").get(1), 1e-12); // sample std of 67, 68, 66
        assertEquals("70.50 ± 0.71", s.stringColumn("mean ± std").get(0));
        assertEquals("56.00 ± –", s.stringColumn("mean ± std").get(2));
        assertEquals(3, s.intColumn("n").get(1));
        assertEquals(66.0, s.doubleColumn("min").get(1), 0);
        assertEquals(68.0, s.doubleColumn("max").get(1), 0);
        assertThrows(IllegalArgumentException.class, () -> Summaries.meanStd(runs, "method", "nope"));
        assertThrows(IllegalArgumentException.class, () -> Summaries.meanStd(runs, "seed", "method"));
    }
}
