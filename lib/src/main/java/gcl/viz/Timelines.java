package gcl.viz;

import gcl.data.Video;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Frame-level anomaly scores of one video over time, its ground-truth anomalous frames shaded as
 * red boxes, in the lessons' look ({@link ChartStyle}): the paper's Figs. 7 and 8.
 */
public final class Timelines {
    /** Name of the series that shades the ground-truth anomalous frames on a timeline. */
    public static final String GROUND_TRUTH = "ground truth: anomalous";

    private Timelines() {
    }

    /**
     * A video's frame-level anomaly scores with its ground-truth anomalous intervals shaded as
     * red boxes (the paper's Fig. 8). Scores in [0, 1] get a fixed 0–1 axis.
     *
     * @param frameScores one score per frame; NaN is a gap
     * @param groundTruth one flag per frame (true = anomalous), or null when unknown (no boxes)
     */
    public static XYChart scoreTimeline(String title, double[] frameScores, boolean[] groundTruth) {
        return scoreTimeline(title, Map.of("score", frameScores), groundTruth);
    }

    /**
     * Several score curves of one video over the same frames with the ground truth shaded, e.g.
     * the scores after each epoch (the paper's Fig. 7) or G's and D's scores. Curves take the
     * palette in map order while there are at most {@link ChartStyle#PALETTE}-size of them, and a light to
     * dark blue ramp (first to last) beyond.
     */
    public static XYChart scoreTimeline(String title, Map<String, double[]> curves, boolean[] groundTruth) {
        return scoreTimeline(title, "anomaly score", curves, groundTruth);
    }

    /**
     * As {@link #scoreTimeline(String, Map, boolean[])} with the y axis titled {@code yLabel}: for a
     * per-frame quantity that is not an anomaly score, such as the temporal difference of section 3.3.
     */
    public static XYChart scoreTimeline(String title, String yLabel, Map<String, double[]> curves, boolean[] groundTruth) {
        int n = ChartInputs.commonLength(curves, "score timeline '" + title + "'", "curve", "frames");
        boolean unit = true;
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        for (double[] y : curves.values()) {
            for (double v : y) {
                if (Double.isFinite(v)) {
                    unit &= v >= 0 && v <= 1;
                    top = Math.max(top, v);
                    bottom = Math.min(bottom, v);
                }
            }
        }
        if (groundTruth != null && groundTruth.length != n) {
            throw new IllegalArgumentException("score timeline '" + title + "': ground truth has " + groundTruth.length
                    + " frames but the scores " + n);
        }
        if (top == Double.NEGATIVE_INFINITY) {
            top = 1;
            bottom = 0;
        }
        double yMin = unit ? 0 : Math.min(0, bottom);
        double yMax = unit ? 1 : top + 0.05 * Math.max(top - yMin, 1e-9);
        XYChart chart = ChartStyle.xyChart(title, "frame", yLabel);
        AxesChartStyler st = chart.getStyler();
        st.setYAxisMin(yMin);
        st.setYAxisMax(yMax);
        st.setXAxisMin(0.0);
        st.setXAxisMax((double) Math.max(n - 1, 1));
        if (groundTruth != null && anyTrue(groundTruth)) {
            double[][] box = boxes(groundTruth, yMin, yMax);
            XYSeries s = chart.addSeries(GROUND_TRUTH, box[0], box[1]);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
            s.setFillColor(ChartStyle.alpha(ChartStyle.ANOMALOUS, 55));
            s.setLineColor(ChartStyle.alpha(ChartStyle.ANOMALOUS, 110));
            s.setLineWidth(1f);
            s.setMarker(SeriesMarkers.NONE);
        }
        double[] frames = new double[n];
        for (int i = 0; i < n; i++) {
            frames[i] = i;
        }
        int k = 0;
        int count = curves.size();
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            XYSeries s = chart.addSeries(e.getKey(), frames, e.getValue());
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(count == 1 ? 2f : 1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            s.setLineColor(count <= ChartStyle.PALETTE.size() ? ChartStyle.PALETTE.get(k) : ChartStyle.ramp(k, count));
            k++;
        }
        return chart;
    }

    /** {@link #scoreTimeline(String, double[], boolean[])} of a test video, titled by its id, shaded by its ground truth. */
    public static XYChart scoreTimeline(Video video, double[] frameScores) {
        return scoreTimeline(video.id() + " (" + video.label().name().toLowerCase(Locale.ROOT) + ")", frameScores, video.groundTruth());
    }

    /** The outline of the ground-truth boxes: 0 outside anomalous runs, {@code top} inside, vertical edges. */
    static double[][] boxes(boolean[] anomalous, double bottom, double top) {
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, bottom});
        int n = anomalous.length;
        int i = 0;
        while (i < n) {
            if (!anomalous[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && anomalous[i]) {
                i++;
            }
            // frames [start, i) are anomalous: a box from start to i − 1 (at least one frame wide)
            double x0 = start;
            double x1 = Math.max(i - 1, start + 1);
            pts.add(new double[] {x0, bottom});
            pts.add(new double[] {x0, top});
            pts.add(new double[] {x1, top});
            pts.add(new double[] {x1, bottom});
        }
        pts.add(new double[] {Math.max(n - 1, 1), bottom});
        double[][] xy = new double[2][pts.size()];
        for (int k = 0; k < pts.size(); k++) {
            xy[0][k] = pts.get(k)[0];
            xy[1][k] = pts.get(k)[1];
        }
        return xy;
    }

    private static boolean anyTrue(boolean[] b) {
        for (boolean v : b) {
            if (v) {
                return true;
            }
        }
        return false;
    }
}
