package gcl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.data.Video;
import gcl.data.VideoLabel;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class ChartsTest {
    @Test
    void lineHasOneSeriesPerCurveAndRenders() throws IOException {
        Map<String, double[]> auc = new LinkedHashMap<>();
        Random r = new Random(1);
        for (String nl : List.of("ones", "random normal", "gaussian σ=1.5", "gaussian σ=6.0", "none")) {
            double[] y = new double[15];
            for (int i = 0; i < y.length; i++) {
                y[i] = 0.5 + 0.3 * (1 - Math.exp(-i / 4.0)) + 0.02 * r.nextGaussian();
            }
            auc.put(nl, y);
        }
        auc.get("none")[3] = Double.NaN; // drawn as a gap
        XYChart c = LineCharts.line("AUC over training per NL target", "epoch", "frame-level AUC", auc, null);
        assertEquals(List.copyOf(auc.keySet()), List.copyOf(c.getSeriesMap().keySet()));
        assertEquals(1.0, c.getSeriesMap().get("ones").getXMin());
        assertEquals(15.0, c.getSeriesMap().get("ones").getXMax());
        assertEquals("epoch", c.getXAxisTitle());
        LineCharts.addHorizontalLine(c, 0.5, "chance");
        assertEquals(6, c.getSeriesMap().size());
        render(c, "line");
    }

    /** Fig. 5 over seeds: the mean line per series and a band of mean ± std (hand-computed) beside it. */
    @Test
    void bandDrawsTheMeanAndAStdBandPerSeries() {
        Map<String, double[][]> runs = new LinkedHashMap<>();
        runs.put("ones", new double[][] {{60, 70}, {62, 74}});      // means 61, 72; stds √2, 2√2
        runs.put("none", new double[][] {{50, 55}});                // one run: no band
        XYChart c = LineCharts.band("AUC over seeds", "epoch", "frame AUC %", runs, null);
        assertEquals(List.of("ones", "none", "ones band"), List.copyOf(c.getSeriesMap().keySet()));
        assertEquals("frame AUC % (mean ± std, 1–2 runs)", c.getYAxisTitle());
        var mean = c.getSeriesMap().get("ones");
        assertEquals(61.0, mean.getYMin(), 1e-9);
        assertEquals(72.0, mean.getYMax(), 1e-9);
        var band = c.getSeriesMap().get("ones band");
        assertEquals(72 + 2 * Math.sqrt(2), band.getYMax(), 1e-9, "upper edge: mean + std at epoch 2");
        assertEquals(61 - Math.sqrt(2), band.getYMin(), 1e-9, "lower edge: mean − std at epoch 1");
        assertThrows(IllegalArgumentException.class,
                () -> LineCharts.band("t", "x", "y", Map.of("a", new double[][] {{1, 2}, {1}}), null));
        render(c, "band");
    }

    /** Dots with error bars; the value axis spans the dots and bars, not 0. */
    @Test
    void dotsDoNotStartAtZero() {
        CategoryChart c = DotCharts.oursVsPaper("Table 2", "frame AUC %", List.of("A", "B", "C"), new double[] {92, 95, 80},
                new double[] {1, 0.5, 2}, "ours", new double[] {56.3, Double.NaN, 71.0}, "paper");
        assertEquals(List.of("ours", "paper"), List.copyOf(c.getSeriesMap().keySet()));
        assertTrue(c.getStyler().getYAxisMin() > 40 && c.getStyler().getYAxisMin() < 56.3, "" + c.getStyler().getYAxisMin());
        assertTrue(c.getStyler().getYAxisMax() >= 95.5, "" + c.getStyler().getYAxisMax());
        assertThrows(IllegalArgumentException.class, () -> DotCharts.dots("t", "y", List.of("A"),
                Map.of("s", new double[] {Double.NaN}), null));
        render(c, "dots");
    }

    @Test
    void lineFromATable() {
        Table h = Table.create("history", IntColumn.create("epoch", 1, 2, 3),
                DoubleColumn.create("G loss", 1.0, 0.7, 0.5), DoubleColumn.create("D loss", 0.69, 0.5, 0.4));
        XYChart c = LineCharts.line("Training history", "loss", h, "epoch", "G loss", "D loss");
        assertEquals(List.of("G loss", "D loss"), List.copyOf(c.getSeriesMap().keySet()));
        render(c, null);
        assertThrows(IllegalArgumentException.class, () -> LineCharts.line("x", "y", h, "epoch", "AUC"));
    }

    @Test
    void lineRefusesEmptyAndMismatchedSeries() {
        assertThrows(IllegalArgumentException.class, () -> LineCharts.line("t", "x", "y", Map.of(), null));
        assertThrows(IllegalArgumentException.class, () -> LineCharts.line("t", "x", "y", Map.of("a", new double[0]), null));
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("a", new double[] {1, 2});
        m.put("b", new double[] {1, 2, 3});
        var e = assertThrows(IllegalArgumentException.class, () -> LineCharts.line("t", "x", "y", m, null));
        assertTrue(e.getMessage().contains("'b'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LineCharts.line("t", "x", "y", Map.of("a", new double[] {1, 2}), new double[] {1}));
    }

    @Test
    void histogramsAreDensitiesOnCommonBinsAndLeaveOutNaN() throws IOException {
        Random r = new Random(2);
        double[] normal = new double[2000];
        double[] anomalous = new double[150];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = 0.25 + 0.1 * r.nextGaussian();
        }
        for (int i = 0; i < anomalous.length; i++) {
            anomalous[i] = 0.7 + 0.12 * r.nextGaussian();
        }
        anomalous[0] = Double.NaN;
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("normal", normal);
        v.put("anomalous", anomalous);
        XYChart c = Histograms.histogram("D's scores on test segments", "anomaly score", v, 30);
        assertEquals(List.of("normal", "anomalous (1 NaN/∞ left out)"), List.copyOf(c.getSeriesMap().keySet()));
        // each outline encloses area 1: Σ heights × bin width
        for (var s : c.getSeriesMap().values()) {
            double[] x = s.getXData();
            double[] y = s.getYData();
            double area = 0;
            for (int b = 0; 2 * b + 2 < x.length; b++) {
                area += y[2 * b + 1] * (x[2 * b + 2] - x[2 * b + 1]);
            }
            assertEquals(1.0, area, 1e-9);
        }
        double width = (c.getSeriesMap().get("normal").getXData()[2] - c.getSeriesMap().get("normal").getXData()[1]);
        double otherWidth = (c.getSeriesMap().get("anomalous (1 NaN/∞ left out)").getXData()[2]
                - c.getSeriesMap().get("anomalous (1 NaN/∞ left out)").getXData()[1]);
        assertEquals(width, otherWidth, 1e-12, "common bins");
        LineCharts.addVerticalLine(c, 0.5, "threshold");
        assertEquals(3, c.getSeriesMap().size());
        assertEquals(0.5, c.getSeriesMap().get("threshold").getXMin());
        render(c, "histogram");
        XYChart counts = Histograms.histogram("counts", "v", Map.of("a", new double[] {1, 1, 1}), 4, false);
        assertEquals(3.0, counts.getSeriesMap().get("a").getYMax());
        assertThrows(IllegalArgumentException.class, () -> Histograms.histogram("t", "x", Map.of("a", new double[] {Double.NaN}), 10));
    }

    @Test
    void scatterColoursAnomalousRedNormalGreenAnomalousOnTop() throws IOException {
        int n = 300;
        Random r = new Random(3);
        double[][] xy = new double[n][2];
        boolean[] anomalous = new boolean[n];
        for (int i = 0; i < n; i++) {
            anomalous[i] = i % 10 == 0;
            xy[i][0] = r.nextGaussian() + (anomalous[i] ? 4 : 0);
            xy[i][1] = r.nextGaussian();
        }
        XYChart c = ScatterPlots.scatter("t-SNE of G's reconstructions", xy, anomalous);
        assertEquals(List.of("normal (270)", "anomalous (30)"), List.copyOf(c.getSeriesMap().keySet()));
        Color red = c.getSeriesMap().get("anomalous (30)").getMarkerColor();
        assertEquals(ChartStyle.ANOMALOUS.getRGB() & 0xFFFFFF, red.getRGB() & 0xFFFFFF);
        render(c, "scatter");
        XYChart byInt = ScatterPlots.scatter("clusters", new double[][] {{0, 0}, {1, 1}, {2, 2}}, new int[] {2, 0, 2});
        assertEquals(List.of("group 0 (1)", "group 2 (2)"), List.copyOf(byInt.getSeriesMap().keySet()));
        assertThrows(IllegalArgumentException.class, () -> ScatterPlots.scatter("t", new double[][] {{0, Double.NaN}}, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> ScatterPlots.scatter("t", new double[][] {{0, 0}}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> ScatterPlots.scatter("t", new double[0][], new int[0]));
    }

    @Test
    void scoreTimelineShadesTheGroundTruth() throws IOException {
        int frames = 1200;
        double[] scores = new double[frames];
        boolean[] gt = new boolean[frames];
        for (int f = 0; f < frames; f++) {
            gt[f] = (f >= 300 && f < 480) || (f >= 900 && f < 960);
            scores[f] = 0.15 + 0.05 * Math.sin(f / 40.0) + (gt[f] ? 0.6 : 0);
        }
        XYChart c = Timelines.scoreTimeline("Test video 007", scores, gt);
        assertEquals(List.of(Timelines.GROUND_TRUTH, "score"), List.copyOf(c.getSeriesMap().keySet()));
        var box = c.getSeriesMap().get(Timelines.GROUND_TRUTH);
        assertEquals(300.0, box.getXData()[2]);
        assertEquals(1.0, box.getYMax());
        render(c, "timeline");

        Map<String, double[]> epochs = new LinkedHashMap<>();
        for (int e = 1; e <= 15; e++) {
            double[] s = new double[frames];
            for (int f = 0; f < frames; f++) {
                s[f] = 0.2 + (gt[f] ? 0.04 * e : 0.01 * Math.sin(f / 30.0 + e));
            }
            epochs.put("epoch " + e, s);
        }
        XYChart over = Timelines.scoreTimeline("Scores over epochs", epochs, gt);
        assertEquals(16, over.getSeriesMap().size());
        render(over, "timeline-epochs");

        Video v = new Video("v1", 0, 4, 64, VideoLabel.NORMAL, new boolean[64]);
        XYChart normal = Timelines.scoreTimeline(v, new double[64]);
        assertEquals(List.of("score"), List.copyOf(normal.getSeriesMap().keySet()), "no anomalous frames: no box");
        assertTrue(normal.getTitle().contains("v1"));
        assertThrows(IllegalArgumentException.class, () -> Timelines.scoreTimeline("t", new double[10], new boolean[9]));
    }

    @Test
    void boxesOutlineEachAnomalousRun() {
        double[][] b = Timelines.boxes(new boolean[] {false, true, true, false, false, true}, 0, 1);
        assertArrayEquals(new double[] {0, 1, 1, 2, 2, 5, 5, 6, 6, 5}, b[0]);
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 1, 1, 0, 0}, b[1]);
    }

    @Test
    void heatMapOfALargeFeatureMatrixIsAveragedDown() throws IOException {
        float[][] m = new float[200][2048];
        Random r = new Random(4);
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = (float) (Math.abs(r.nextGaussian()) * (j % 256 < 32 ? 2 : 0.5) + (i >= 120 && i < 140 ? 1.5 : 0));
            }
        }
        HeatMapChart c = HeatMaps.heatMap("Features of one video", Nd4j.createFromArray(m));
        var s = c.getHeatMapSeries();
        assertEquals(HeatMaps.HEAT_MAP_MAX_COLUMNS, s.getXData().size());
        assertEquals(HeatMaps.HEAT_MAP_MAX_ROWS, s.getYData().size());
        assertEquals(HeatMaps.HEAT_MAP_MAX_COLUMNS * HeatMaps.HEAT_MAP_MAX_ROWS, s.getHeatData().size());
        render(c, "heatmap");
        HeatMapChart small = HeatMaps.heatMap("small", new float[][] {{1, 2}, {3, 4}}, "x", "y");
        assertEquals(4, small.getHeatMapSeries().getHeatData().size());
        render(small, null);
        assertThrows(IllegalArgumentException.class, () -> HeatMaps.heatMap("t", new float[][] {{1, Float.NaN}}, "x", "y"));
        assertThrows(IllegalArgumentException.class, () -> HeatMaps.heatMap("t", new float[][] {{1, 2}, {3}}, "x", "y"));
        assertArrayEquals(new int[] {0, 3, 6}, HeatMaps.binStarts(10, 3));
    }

    @Test
    void barsWithErrorBars() throws IOException {
        List<String> methods = List.of("AE_AllData", "AE_TD", "GCL w/o NL", "GCL_B", "GCL_PT", "GCL_OCC");
        CategoryChart c = BarCharts.bar("Ablation (3 seeds)", "frame-level AUC %", methods,
                new double[] {56.3, 63.8, 64.2, 68.2, 71.0, 74.2}, new double[] {0.8, 0.5, 1.1, 0.65, 0.52, 0.4});
        assertEquals(1, c.getSeriesMap().size());
        render(c, "bar");
        Map<String, double[]> gd = new LinkedHashMap<>();
        gd.put("G", new double[] {60, 62, 65, 66});
        gd.put("D", new double[] {70, 73, 76, 79});
        CategoryChart grouped = BarCharts.bar("Weak supervision", "AUC %", List.of("0 %", "33 %", "66 %", "100 %"), gd, null);
        assertEquals(List.of("G", "D"), List.copyOf(grouped.getSeriesMap().keySet()));
        render(grouped, "bar-grouped");
        assertThrows(IllegalArgumentException.class, () -> BarCharts.bar("t", "y", List.of("a"), new double[] {1, 2}, null));
        assertThrows(IllegalArgumentException.class, () -> BarCharts.bar("t", "y", List.of("a"), new double[] {Double.NaN}, null));
    }

    @Test
    void barsFromAMeanStdTable() {
        Table runs = Table.create("runs", tech.tablesaw.api.StringColumn.create("method", "GCL_B", "GCL_B", "GCL_PT"),
                DoubleColumn.create("AUC", 67.0, 68.0, 70.1));
        Table summary = gcl.experiment.Summaries.meanStd(runs, "method", "AUC");
        CategoryChart c = BarCharts.bar("Seeds", "AUC %", summary, "method", "mean", "std");
        assertEquals(2, ((List<?>) c.getSeriesMap().values().iterator().next().getXData()).size());
        render(c, null);
    }

    @Test
    void gridPutsImagesSideBySideWithCaptions() throws IOException {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            BufferedImage im = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
            var g = im.createGraphics();
            g.setColor(new Color(40 * i, 100, 200 - 30 * i));
            g.fillRect(0, 0, 160, 120);
            g.dispose();
            frames.add(im);
        }
        BufferedImage grid = ImageGrids.grid(frames, 3, List.of("frame 0", "frame 16", "frame 32", "frame 48", "frame 64"));
        assertEquals(6 + 3 * (160 + 6), grid.getWidth());
        assertEquals(6 + 2 * (120 + 20 + 6), grid.getHeight());
        assertEquals(frames.get(4).getRGB(10, 10), grid.getRGB(6 + 166 + 10, 6 + 146 + 10));
        save(grid, "grid");
        assertThrows(IllegalArgumentException.class, () -> ImageGrids.grid(List.of(), 3));
        assertThrows(IllegalArgumentException.class, () -> ImageGrids.grid(frames, 3, List.of("one")));
    }

    /** Renders to PNG bytes (as Show does), and saves it under -Dviz.samples=DIR when set. */
    private static void render(Chart<?, ?> chart, String name) {
        BufferedImage im = BitmapEncoder.getBufferedImage(chart);
        assertEquals(ChartStyle.WIDTH, im.getWidth());
        assertEquals(ChartStyle.HEIGHT, im.getHeight());
        assertTrue(chart.getTitle() != null && !chart.getTitle().isBlank());
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            assertTrue(png.length > 1000);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        if (name != null) {
            save(im, name);
        }
    }

    private static void save(BufferedImage im, String name) {
        String dir = System.getProperty("viz.samples");
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            javax.imageio.ImageIO.write(im, "png", Path.of(dir, name + ".png").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
