package gcl.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RecordedNumbersTest {
    static final Table RUNS = Table.create("runs",
            StringColumn.create("method", "A", "A", "B", "B", "C", "A"),
            StringColumn.create("preset", "robust", "robust", "robust", "robust", "robust", "paper"),
            DoubleColumn.create("AUC %", 78.0, 79.0, 77.0, 77.2, 80.0, 50.0));

    @Test
    void meanStdOverSeedsOfOnePreset() {
        assertEquals("78.5 ± 0.7", RecordedNumbers.meanStd(RecordedNumbers.values(RUNS, "A", "robust")));
        assertEquals("80.0 (1 seed)", RecordedNumbers.meanStd(RecordedNumbers.values(RUNS, "C", "robust")));
        assertThrows(IllegalArgumentException.class, () -> RecordedNumbers.values(RUNS, "C", "paper"));
    }

    @Test
    void orderSortsByMean() {
        assertEquals("B 77.1 ± 0.1 < A 78.5 ± 0.7 < C 80.0 (1 seed)", RecordedNumbers.order(RUNS, "robust", "A", "B", "C"));
    }

    @Test
    void recordedTablesAreRead() {
        // the committed recorded Table 2 of the quick synthetic features has the three autoencoders under both presets
        for (String preset : new String[] {"paper", "robust"}) {
            for (String m : new String[] {"AE_AllData", "AE_TD", "AE_OCC"}) {
                assertEquals(5, RecordedNumbers.values("synthetic-quick", m, preset).length, m + " " + preset);
            }
        }
    }

    @Test
    void valuesInAMethodsRowsOfAnyPreset() {
        assertEquals(3, RecordedNumbers.valuesIn(RUNS, "A", "AUC %").length);
        assertEquals("50.00–79.00", RecordedNumbers.span(RecordedNumbers.valuesIn(RUNS, "A", "AUC %")));
        assertThrows(IllegalArgumentException.class, () -> RecordedNumbers.valuesIn(RUNS, "D", "AUC %"));
    }
}
