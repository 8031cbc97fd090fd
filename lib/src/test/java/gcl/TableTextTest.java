package gcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableTextTest {
    /** Text columns aligned left, numbers right, missing values blank, the table's name first. */
    @Test
    void alignsTextLeftAndNumbersRight() {
        DoubleColumn auc = DoubleColumn.create("AUC", 0.5, 12.25);
        auc.appendMissing();
        Table t = Table.create("runs", StringColumn.create("method", "GCL_B", "AE", "GCL_PT"), auc);
        assertEquals("runs\nmethod    AUC\nGCL_B     0.5\nAE      12.25\nGCL_PT\n", TableText.text(t, 10));
        assertEquals("runs\nmethod  AUC\nGCL_B   0.5\n... 2 more rows\n", TableText.text(t, 1));
    }
}
