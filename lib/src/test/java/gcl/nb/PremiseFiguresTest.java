package gcl.nb;

import gcl.TinyData;
import gcl.experiment.PremiseEffects.Effect;
import gcl.experiment.PremiseEffects;
import gcl.experiment.PremiseMap;
import gcl.synth.SyntheticFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The premise map's tables and charts on a hand-made map whose effects are known. */
class PremiseFiguresTest {
    @TempDir
    Path dir;

    /**
     * A sweep of share (2 cells) and a 2 x 2 grid of share x strength, 2 seeds, robust: AE_AllData 70,
     * AE_OCC 70 + cell, GCL w/o NL 75 + cell, GCL_B 74 + cell + seed, GCL_PT 80 + seed + 2 cell, so
     * GCL_B − GCL w/o NL = seed − 1 (−0.5 ± 0.71 over seeds 0 and 1) and GCL_PT − AE_AllData =
     * 10 + seed + 2 cell = 10 + seed + 2 (AE_OCC − AE_AllData).
     */
    private Table map() throws IOException {
        StringBuilder csv = new StringBuilder("study,axis,cell,share,strength,videos,scene,train segments,anomalous segments %,"
                + "scene share,TD tail,AE_OCC %,AE_AllData %,method,preset,seed,AUC %,AUC_G %,AUC_D %,score,error\n");
        String[][] cells = {{"sweep", "share", "share=0.1", "0.1", "1"}, {"sweep", "share", "share=0.5", "0.5", "1"},
            {"grid", "share x strength", "share=0.1, strength=1", "0.1", "1"}, {"grid", "share x strength", "share=0.1, strength=2", "0.1", "2"},
            {"grid", "share x strength", "share=0.5, strength=1", "0.5", "1"}, {"grid", "share x strength", "share=0.5, strength=2", "0.5", "2"}};
        for (int c = 0; c < cells.length; c++) {
            double share = Double.parseDouble(cells[c][3]);
            double strength = Double.parseDouble(cells[c][4]);
            for (int seed = 0; seed < 2; seed++) {
                double[] auc = {70, 70 + c, 75 + c, 74 + c + seed, 80 + seed + 2 * c};
                String[] methods = {"AE_AllData", "AE_OCC", "GCL w/o NL", "GCL_B", "GCL_PT"};
                for (int m = 0; m < methods.length; m++) {
                    csv.append(String.format(Locale.ROOT, "%s,%s,\"%s\",%s,%s,60,1,2200,%.1f,0.87,2.3,%.1f,70,%s,robust,%d,%.1f,%.1f,%s,%s,\n",
                            cells[c][0], cells[c][1], cells[c][2], share, strength, 25 * share, 75 + 5 * strength, methods[m], seed,
                            auc[m], auc[m] - 1, m <= 1 ? "" : String.valueOf(auc[m]), m <= 1 ? "G" : "D"));
                }
            }
        }
        Path file = dir.resolve("map.csv");
        Files.writeString(file, csv);
        return PremiseMap.read(file);
    }

    @Test
    void theSummaryPairsEffectsBySeed() throws IOException {
        Table s = PremiseFigures.summary(map(), "share");
        assertEquals(List.of("share=0.1", "share=0.5"), s.stringColumn("cell").asList());
        assertEquals("10.5 ± 0.7", s.stringColumn("GCL_PT − AE_AllData").get(0));
        assertEquals("-0.5 ± 0.7", s.stringColumn("GCL_B − GCL w/o NL").get(1));
        assertEquals(12.5, s.doubleColumn("anomalous segments %").get(1), 1e-9);
        String reading = PremiseFigures.reading(map());
        assertTrue(reading.contains("GCL_PT − AE_AllData: 10.5 ± 0.7 at 2.5, 12.5 ± 0.7 at 12.5; above 0 beyond the seed spread in 2 of 2 cells, below in 0."), reading);
        assertTrue(reading.contains("GCL_B − GCL w/o NL: -0.5 ± 0.7 at 2.5, -0.5 ± 0.7 at 12.5; above 0 beyond the seed spread in 0 of 2 cells, below in 0."), reading);
        Table g = PremiseEffects.summary(map(), "grid", "share x strength", "robust", "AUC_D %");
        assertEquals(4, g.rowCount());
        assertEquals("20.5 ± 0.7", g.stringColumn("GCL_PT − AE_AllData").get(3), "AE_AllData has no D: its own score counts");
        Table cells = PremiseEffects.acrossCells(map(), "robust", "AUC %", List.of(Effect.OCC_GAIN, Effect.GCL_GAIN));
        assertEquals(4, cells.rowCount(), "a cell in both the sweep and the grid counts once");
        assertEquals(List.of(0.0, 1.0, 3.0, 5.0), cells.doubleColumn("AE_OCC − AE_AllData").asList());
        assertEquals(1.0, PremiseEffects.correlation(cells, "AE_OCC − AE_AllData", "GCL_PT − AE_AllData"), 1e-9);
    }

    @Test
    void sweepAndGridChartsDrawEveryEffectAgainstTheMeasuredAxis() throws IOException {
        Table map = map();
        XYChart sweep = PremiseFigures.sweep(map, "share");
        assertEquals(List.of("GCL_PT − AE_AllData", "GCL_B − GCL w/o NL", "GCL_PT − GCL_B", "0: no difference"),
                List.copyOf(sweep.getSeriesMap().keySet()));
        assertEquals(2.5, sweep.getSeriesMap().get("GCL_PT − AE_AllData").getXMin(), 1e-9, "x is the measured anomalous share");
        assertEquals(12.5, sweep.getSeriesMap().get("GCL_PT − AE_AllData").getXMax(), 1e-9);
        XYChart grid = PremiseFigures.grid(map, Effect.NEGATIVE_LEARNING);
        assertEquals(3, grid.getSeriesMap().size(), "one series per strength level and the zero line");
        assertTrue(grid.getSeriesMap().containsKey("AE_OCC 85.0 %"), grid.getSeriesMap().keySet().toString());
        XYChart methods = PremiseFigures.methods(map, "share", "robust", "AUC %");
        assertEquals(5, methods.getSeriesMap().size());
        XYChart premise = PremiseFigures.premise(map, "robust", "AUC_G %");
        assertTrue(premise.getTitle().contains("r = 1.00, 4 cells"), premise.getTitle());
        assertEquals(List.of("a cell: mean ± std", "0: no difference", "gain = cost"), List.copyOf(premise.getSeriesMap().keySet()));
        for (XYChart c : List.of(sweep, grid, methods, premise)) {
            assertTrue(BitmapEncoder.getBufferedImage(c).getWidth() > 0);
        }
        assertThrows(IllegalArgumentException.class, () -> PremiseFigures.sweep(map, "scene"), "no such sweep in the map");
    }

    @Test
    void describeMarksWhatNeedsLabels() {
        SyntheticFeatures.Config tiny = new SyntheticFeatures.Config("synthetic-tiny", 64, 6, 5, 12, 8, 24, 30, 0.5, 0.10, 0.40, 0.25);
        Table t = Course.describe(SyntheticFeatures.generate(tiny, 0));
        List<String> what = t.stringColumn("what").asList();
        assertTrue(t.rowCount() <= 20, "fits Show.table's default rows");
        assertEquals("no labels", t.stringColumn("needs").get(what.indexOf("scene share of variance")));
        assertEquals("training ground truth", t.stringColumn("needs").get(what.indexOf("anomalous training segments")));
        assertTrue(t.stringColumn("value").get(what.indexOf("anomalous training segments")).matches("\\d+\\.\\d %.*"));
        Table real = Course.describe(TinyData.dataset()); // training videos without ground truth, as real data
        assertTrue(real.stringColumn("value").get(what.indexOf("anomalous training segments")).startsWith("– (no such labels)"));
    }
}
