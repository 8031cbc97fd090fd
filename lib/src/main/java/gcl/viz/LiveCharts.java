package gcl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The chart of a live watch ({@code gcl.live}): each segment's score and the smoothed score over
 * the stream's video time, the alert thresholds as dashed lines, and the segments in alert shaded
 * red. Redrawn after every segment, it is the lesson's live chart.
 */
public final class LiveCharts {
    /** Name of the series that shades the segments in alert. */
    public static final String ALERT = "alert";

    private LiveCharts() {
    }

    /**
     * @param seconds   each segment's start in seconds of video, increasing
     * @param scores    each segment's score
     * @param smoothed  each segment's smoothed score
     * @param inAlert   whether each segment was in an alert
     * @param segment   seconds of video in one segment (the width of a shaded segment)
     * @param enter     the smoothed score that starts an alert (not drawn when infinite)
     * @param leave     the smoothed score below which it ends (not drawn when infinite)
     */
    public static XYChart scores(String title, double[] seconds, double[] scores, double[] smoothed, boolean[] inAlert,
                                 double segment, double enter, double leave) {
        int n = seconds.length;
        if (scores.length != n || smoothed.length != n || inAlert.length != n) {
            throw new IllegalArgumentException("live chart '" + title + "': " + n + " times but " + scores.length + " scores, "
                    + smoothed.length + " smoothed scores and " + inAlert.length + " alert flags");
        }
        double xMax = n == 0 ? 10 * segment : seconds[n - 1] + segment;
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        for (double[] ys : List.of(scores, smoothed, new double[] {enter, leave})) {
            for (double v : ys) {
                if (Double.isFinite(v)) {
                    top = Math.max(top, v);
                    bottom = Math.min(bottom, v);
                }
            }
        }
        if (top == Double.NEGATIVE_INFINITY) {
            top = 1;
            bottom = 0;
        }
        double yMin = Math.min(0, bottom);
        double yMax = top + 0.08 * Math.max(top - yMin, 1e-9);
        XYChart chart = ChartStyle.xyChart(title, "seconds of video", "anomaly score");
        var st = chart.getStyler();
        st.setXAxisMin(0.0);
        st.setXAxisMax(xMax);
        st.setYAxisMin(yMin);
        st.setYAxisMax(yMax);
        double[][] box = boxes(seconds, inAlert, segment, yMin, yMax);
        if (box != null) {
            XYSeries s = chart.addSeries(ALERT, box[0], box[1]);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
            s.setFillColor(ChartStyle.alpha(ChartStyle.ANOMALOUS, 55));
            s.setLineColor(ChartStyle.alpha(ChartStyle.ANOMALOUS, 110));
            s.setLineWidth(1f);
            s.setMarker(SeriesMarkers.NONE);
        }
        if (n > 0) {
            XYSeries raw = chart.addSeries("segment score", seconds, scores);
            raw.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            raw.setMarker(SeriesMarkers.CIRCLE);
            raw.setLineColor(ChartStyle.alpha(ChartStyle.PALETTE.get(0), 120));
            raw.setMarkerColor(ChartStyle.alpha(ChartStyle.PALETTE.get(0), 160));
            raw.setLineStyle(new BasicStroke(1f));
            XYSeries smooth = chart.addSeries("smoothed", seconds, smoothed);
            smooth.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            smooth.setMarker(SeriesMarkers.NONE);
            smooth.setLineColor(ChartStyle.PALETTE.get(1));
            smooth.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        threshold(chart, "enter", enter, xMax, ChartStyle.ANOMALOUS);
        threshold(chart, "leave", leave, xMax, new Color(90, 90, 90));
        return chart;
    }

    private static void threshold(XYChart chart, String name, double y, double xMax, Color c) {
        if (Double.isFinite(y)) {
            ChartStyle.referenceLine(chart.addSeries(name, new double[] {0, xMax}, new double[] {y, y}), c);
        }
    }

    /** The outline of the shaded alert runs (segment i spans [seconds[i], seconds[i] + segment)), or null when none. */
    static double[][] boxes(double[] seconds, boolean[] inAlert, double segment, double bottom, double top) {
        List<double[]> pts = new ArrayList<>();
        int n = seconds.length;
        int i = 0;
        while (i < n) {
            if (!inAlert[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && inAlert[i]) {
                i++;
            }
            double x0 = seconds[start];
            double x1 = seconds[i - 1] + segment;
            pts.add(new double[] {x0, bottom});
            pts.add(new double[] {x0, top});
            pts.add(new double[] {x1, top});
            pts.add(new double[] {x1, bottom});
        }
        if (pts.isEmpty()) {
            return null;
        }
        double[][] xy = new double[2][pts.size()];
        for (int k = 0; k < pts.size(); k++) {
            xy[0][k] = pts.get(k)[0];
            xy[1][k] = pts.get(k)[1];
        }
        return xy;
    }
}
