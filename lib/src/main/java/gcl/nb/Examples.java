package gcl.nb;

import gcl.Seeds;
import java.util.Random;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Small made-up data for the quickstart (lesson 00): a toy "video" whose segment features drift
 * slowly, with one burst of change in the middle, the intuition behind TD cleaning (section 3.3).
 */
public final class Examples {
    private Examples() {
    }

    /**
     * A toy video of {@code segments} segments with {@code dim}-dimensional random-walk features and
     * an eventful burst in the middle fifth. Columns: segment, feature mean, temporal difference
     * ‖f(t) − f(t−1)‖₂ (0 for the first segment), and whether the segment is in the burst.
     */
    public static Table toyVideo(int segments, int dim, long seed) {
        Random rng = new Seeds(seed).random("examples.toy-video");
        double[] f = new double[dim];
        for (int k = 0; k < dim; k++) {
            f[k] = 0.5 + 0.1 * rng.nextGaussian();
        }
        IntColumn segment = IntColumn.create("segment");
        DoubleColumn mean = DoubleColumn.create("feature mean");
        DoubleColumn td = DoubleColumn.create("temporal difference");
        IntColumn burst = IntColumn.create("in burst");
        for (int t = 0; t < segments; t++) {
            boolean inBurst = t >= 2 * segments / 5 && t < 3 * segments / 5;
            double step = inBurst ? 0.15 : 0.02;
            double sq = 0;
            double sum = 0;
            for (int k = 0; k < dim; k++) {
                double d = t == 0 ? 0 : step * rng.nextGaussian();
                f[k] = Math.max(0, f[k] + d);
                sq += d * d;
                sum += f[k];
            }
            segment.append(t);
            mean.append(sum / dim);
            td.append(Math.sqrt(sq));
            burst.append(inBurst ? 1 : 0);
        }
        return Table.create("Toy video (" + segments + " segments, d = " + dim + ")", segment, mean, td, burst);
    }

    /** The toy video's temporal difference per segment, as a line chart. */
    public static XYChart toyVideoChart(Table toy) {
        XYChart chart = new XYChartBuilder().width(800).height(350)
                .title("Temporal difference along a toy video").xAxisTitle("segment").yAxisTitle("‖f(t) − f(t−1)‖₂").build();
        chart.addSeries("temporal difference", toy.intColumn("segment").asDoubleArray(),
                toy.doubleColumn("temporal difference").asDoubleArray()).setMarker(SeriesMarkers.NONE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        return chart;
    }
}
