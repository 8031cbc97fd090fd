package gcl.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ShowTest {
    @Test
    void tableIsHtmlWithRoundedNumbers() {
        Table t = Table.create("AUC", StringColumn.create("method", "GCL_B", "AE"),
                DoubleColumn.create("AUC %", 68.123456789, 56.3));
        Show.Rendered r = (Show.Rendered) Show.table(t);
        String html = r.data().get("text/html");
        assertTrue(html.contains("<table"), html);
        assertTrue(html.contains("68.1235"), html);
        assertTrue(r.toString().contains("GCL_B"));
    }

    @Test
    void chartIsPng() {
        var chart = new XYChartBuilder().width(200).height(100).title("t").build();
        chart.addSeries("s", new double[] {1, 2}, new double[] {3, 4});
        Show.Rendered r = (Show.Rendered) Show.chart(chart);
        byte[] png = Base64.getDecoder().decode(r.data().get("image/png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void numbersAreShort() {
        assertEquals("0.5", gcl.TableText.formatNumber(0.5));
        assertEquals("2", gcl.TableText.formatNumber(2.0));
        assertEquals("1.000e-05", gcl.TableText.formatNumber(1e-5));
    }
}
