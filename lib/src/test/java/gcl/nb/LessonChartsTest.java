package gcl.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class LessonChartsTest {
    @Test
    void aRankIsTheShareBelowWithTiesCountingOneHalf() {
        double[] sorted = {0.001, 0.001, 0.002, 0.003};
        assertEquals(0.25, LessonCharts.rank(sorted, 0.001), 1e-12);
        assertEquals(0.625, LessonCharts.rank(sorted, 0.002), 1e-12);
        assertEquals(1.0, LessonCharts.rank(sorted, 0.5), 1e-12);
        assertEquals(0.0, LessonCharts.rank(sorted, 0.0), 1e-12);
    }

    @Test
    void oursAndThePapersAreTwoPanelsAndTheCaptionOrdersOurMeans() {
        Table runs = Table.create("runs", StringColumn.create("method", "AE_AllData", "AE_TD", "AE_AllData", "AE_TD"),
                DoubleColumn.create("AUC %", 78.0, 79.4, 78.4, 79.8));
        BufferedImage image = LessonCharts.oursAndPaper("AE", runs, "synthetic-quick");
        assertTrue(image.getWidth() >= 2 * image.getHeight(), "two panels side by side");
        String caption = LessonCharts.oursAndPaperCaption(runs);
        assertTrue(caption.contains("AE_AllData (78.2) < AE_TD (79.6)"), caption);
    }
}
