package gcl.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.experiment.PremiseEffects.Effect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Separation (k-NN purity), SeedCharts and PremiseEvidence: the measures the lessons 04–07 read. */
class LessonEvidenceTest {
    @Test
    void purityIsTheShareOfNeighboursInTheSameGroup() {
        // two tight pairs far apart: every point's nearest neighbour is its own group's
        double[][] apart = {{0, 0}, {0, 1}, {10, 0}, {10, 1}};
        var r = Separation.purity(apart, new int[] {0, 0, 1, 1}, 1);
        assertEquals(1.0, r.purity(), 1e-12);
        assertEquals(1.0 / 3, r.chance(), 1e-12, "one of the three other points shares a point's group");
        // the groups crossed: every nearest neighbour is of the other group
        var crossed = Separation.purity(apart, new int[] {0, 1, 0, 1}, 1);
        assertEquals(0.0, crossed.purity(), 1e-12);
        // k = 3 counts every other point: 1 of 3 the same
        assertEquals(1.0 / 3, Separation.purity(apart, new int[] {0, 0, 1, 1}, 3).purity(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Separation.purity(apart, new int[] {0, 1}, 1));
    }

    @Test
    void purityReadsTheGroupsOfAScatterChart() {
        XYChart chart = gcl.viz.ScatterPlots.scatter("map", new double[][] {{0, 0}, {0, 1}, {10, 0}, {10, 1}},
                new boolean[] {true, true, false, false});
        assertEquals(1.0, Separation.of(chart, 1).purity(), 1e-12);
    }

    private static Table runs() {
        return Table.create("runs", StringColumn.create("method", "A", "A", "A", "B", "B", "B"),
                IntColumn.create("seed", 1, 2, 3, 1, 2, 3), DoubleColumn.create("AUC %", 81, 82, 83, 80, 80, 80));
    }

    @Test
    void seedChartsDrawPointsAndThePairedMean() {
        XYChart points = SeedCharts.perSeed("seeds", runs(), "AUC %", List.of("A", "B"));
        assertTrue(points.getSeriesMap().containsKey("A") && points.getSeriesMap().containsKey("seed 2"));
        XYChart diff = SeedCharts.pairedDifference("A − B", runs(), "AUC %", "A", "B");
        // differences 1, 2, 3: mean 2 ± 4.3027 / √3 = 2 ± 2.48
        assertTrue(diff.getSeriesMap().containsKey("mean, 95 % CI: +2.0 (−0.48 to 4.5)"), diff.getSeriesMap().keySet().toString());
        assertThrows(IllegalArgumentException.class, () -> SeedCharts.pairedDifference("A − C", runs(), "AUC %", "A", "C"));
    }

    /** A two-cell map: in cell 1 GCL_B is 3 below GCL w/o NL on every seed, in cell 2 level with it. */
    private static Table map() {
        StringColumn study = StringColumn.create("study");
        StringColumn axis = StringColumn.create("axis");
        StringColumn cell = StringColumn.create("cell");
        StringColumn preset = StringColumn.create("preset");
        StringColumn method = StringColumn.create("method");
        IntColumn seed = IntColumn.create("seed");
        DoubleColumn[] knobs = {DoubleColumn.create("share"), DoubleColumn.create("strength"), DoubleColumn.create("videos"),
                DoubleColumn.create("scene")};
        DoubleColumn segments = DoubleColumn.create("train segments");
        DoubleColumn anomalous = DoubleColumn.create("anomalous segments %");
        DoubleColumn occ = DoubleColumn.create("AE_OCC %");
        DoubleColumn auc = DoubleColumn.create("AUC %");
        DoubleColumn aucG = DoubleColumn.create("AUC_G %");
        DoubleColumn aucD = DoubleColumn.create("AUC_D %");
        for (int c = 1; c <= 2; c++) {
            for (String m : List.of("GCL w/o NL", "GCL_B")) {
                for (int s = 1; s <= 3; s++) {
                    study.append("sweep");
                    axis.append("videos");
                    cell.append("videos=" + c);
                    preset.append("robust");
                    method.append(m);
                    seed.append(s);
                    knobs[0].append(0.5);
                    knobs[1].append(1);
                    knobs[2].append(c);
                    knobs[3].append(1);
                    segments.append(100 * c);
                    anomalous.append(15);
                    occ.append(80);
                    double d = 70 + s - (m.equals("GCL_B") && c == 1 ? 3 : 0);
                    auc.append(d);
                    aucD.append(d);
                    aucG.append(75);
                }
            }
        }
        return Table.create("map", study, axis, cell, preset, method, seed, knobs[0], knobs[1], knobs[2], knobs[3], segments, anomalous,
                occ, auc, aucG, aucD);
    }

    @Test
    void evidenceCountsCellsByWhereTheirPairedIntervalLies() {
        var d = PremiseEvidence.count(map(), Effect.NEGATIVE_LEARNING, "AUC %");
        assertEquals(2, d.cells());
        assertEquals(1, d.below());
        assertEquals(1, d.negligible());
        assertEquals(-3.0, d.lowest(), 1e-12);
        var g = PremiseEvidence.count(map(), Effect.NEGATIVE_LEARNING, "AUC_G %");
        assertEquals(2, g.negligible());
        assertEquals(3, PremiseEvidence.seedsPerCell(map()));
        String s = PremiseEvidence.sentence(map(), Effect.NEGATIVE_LEARNING);
        assertTrue(s.startsWith("*Measured*") && s.contains("below 0 in 1"), s);
        // D − G inside GCL_B: cell 1 D = 68..70 vs G 75, cell 2 71..73 vs 75: below 0 in both
        assertEquals(2, PremiseEvidence.countDMinusG(map(), "GCL_B").below());
    }
}
