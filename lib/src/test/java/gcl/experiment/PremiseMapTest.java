package gcl.experiment;

import gcl.Profile;
import gcl.synth.PremiseKnobs;
import gcl.synth.SyntheticFeatures;
import gcl.train.GclConfig;
import gcl.train.Preset;
import gcl.train.Variant;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PremiseMapTest {
    /** Networks of 8 units, batch 64, 2 epochs: a run on a few quick-profile videos in well under a second. */
    static final UnaryOperator<GclConfig> SMALL = c -> c.with("generatorHidden", List.of(8)).with("discriminatorHidden", List.of(8))
            .with("batchSize", 64).with("epochs", 2).with("pretrainEpochs", 2);

    @TempDir
    Path dir;
    private String oldCache;

    @BeforeEach
    void ownCache() {
        oldCache = System.getProperty("gcl.cache");
        System.setProperty("gcl.cache", dir.resolve("cache").toString());
    }

    @AfterEach
    void restoreCache() {
        if (oldCache == null) {
            System.clearProperty("gcl.cache");
        } else {
            System.setProperty("gcl.cache", oldCache);
        }
    }

    private static PremisePlan plan(List<Variant> methods, Map<PremiseAxis, double[]> levels) {
        return new PremisePlan(Profile.QUICK, List.of(Preset.ROBUST), methods, List.of(1L), null, levels, Map.of());
    }

    @Test
    void aTinyGridWithOneSeedWritesOneRowPerCellAndMethod() {
        PremisePlan plan = plan(List.of(Variant.AE_ALL_DATA, Variant.AE_OCC, Variant.GCL_B),
                Map.of(PremiseAxis.VIDEOS, new double[] {6, 8}, PremiseAxis.SHARE, new double[] {0.25, 0.5}));
        List<PremisePlan.Cell> cells = plan.grid(PremiseAxis.VIDEOS, PremiseAxis.SHARE);
        assertEquals(4, cells.size());
        Table map = PremiseMap.of(plan).cache(new RunCache(dir.resolve("runs"))).quiet(true).settings(SMALL).run(cells);
        assertEquals(12, map.rowCount(), "4 cells x 3 methods x 1 seed");
        assertEquals(List.of("videos=6, share=0.25", "videos=6, share=0.5", "videos=8, share=0.25", "videos=8, share=0.5"),
                PremiseEffects.cells(map));
        assertTrue(map.stringColumn("axis").asList().stream().allMatch("videos x share"::equals));
        for (String c : List.of("train segments", "anomalous segments %", "scene share", "AE_OCC %", "AE_AllData %", "AUC %",
                "AUC_G %", "AUC_D %", "score", "centring", "d_agrees_g", "run")) {
            assertTrue(map.columnNames().contains(c), c);
        }
        for (int i = 0; i < map.rowCount(); i++) {
            String method = map.stringColumn("method").get(i);
            assertEquals(method.equals("GCL_B") ? "D" : "G", map.stringColumn("score").get(i));
            assertEquals(map.doubleColumn("train videos").get(i), map.doubleColumn("videos").get(i), 0.0);
            assertFalse(map.doubleColumn("AE_OCC %").isMissing(i), "hardness recorded on every row of the cell");
            if (method.equals("AE_OCC")) {
                assertEquals(map.doubleColumn("AUC %").get(i), map.doubleColumn("AE_OCC %").get(i), 1e-9);
            }
        }
        Table six = PremiseEffects.cell(map, "videos=6, share=0.25");
        Table eight = PremiseEffects.cell(map, "videos=8, share=0.25");
        assertTrue(PremiseEffects.mean(eight, "train segments") > PremiseEffects.mean(six, "train segments"));
        Path csv = dir.resolve("map.csv");
        PremiseMap.write(map, csv);
        Table back = PremiseMap.read(csv);
        assertEquals(map.rowCount(), back.rowCount());
        assertEquals(map.columnNames(), back.columnNames());
        Table again = PremiseMap.of(plan).cache(new RunCache(dir.resolve("runs"))).quiet(true).settings(SMALL).run(cells);
        assertEquals(map.doubleColumn("AUC %").asList(), again.doubleColumn("AUC %").asList(), "read back from the cache");
        Table summary = PremiseEffects.summary(map, "grid", "videos x share", "robust", "AUC_D %",
                List.of("AE_AllData", "GCL_B"), List.of(PremiseEffects.Effect.GCL_B_GAIN));
        assertEquals(4, summary.rowCount());
    }

    @Test
    void sweepsShareTheDefaultCellAndEffectsArePairedBySeed() {
        PremisePlan plan = new PremisePlan(Profile.QUICK, List.of(Preset.ROBUST), List.of(Variant.AE_ALL_DATA, Variant.GCL_WO_NL),
                List.of(1L, 2L), 3L, Map.of(PremiseAxis.VIDEOS, new double[] {6, 60}), Map.of());
        List<PremisePlan.Cell> cells = plan.sweeps(List.of(PremiseAxis.VIDEOS));
        assertEquals(PremiseKnobs.of(SyntheticFeatures.Config.of(Profile.QUICK)), cells.get(1).knobs(), "60 videos: the default cell");
        Table map = PremiseMap.of(plan).cache(new RunCache(dir.resolve("runs"))).quiet(true).settings(SMALL)
                .run(cells.subList(0, 1));
        assertEquals(4, map.rowCount());
        assertTrue(map.intColumn("data seed").asList().stream().allMatch(s -> s == 3), "a fixed data seed");
        Table rows = PremiseEffects.rows(map, "sweep", "videos", "robust");
        var e = PremiseEffects.effect(rows, new PremiseEffects.Effect("w/o NL − AE", "GCL w/o NL", "AE_AllData"), "AUC %");
        assertEquals(2, e.n());
        double[] a = rows.where(rows.stringColumn("method").isEqualTo("GCL w/o NL")).doubleColumn("AUC %").asDoubleArray();
        double[] b = rows.where(rows.stringColumn("method").isEqualTo("AE_AllData")).doubleColumn("AUC %").asDoubleArray();
        assertEquals(((a[0] - b[0]) + (a[1] - b[1])) / 2, e.mean(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> PremiseEffects.rows(map, "grid", "videos", "robust"));
    }

    @Test
    void strongerEventsAreEasierForTheOneClassAutoencoder() {
        // the hardness axis is measured as AE_OCC's AUC: a stronger event must raise it
        PremisePlan plan = plan(List.of(Variant.AE_OCC), Map.of(PremiseAxis.STRENGTH, new double[] {0.5, 2}, PremiseAxis.VIDEOS, new double[] {20}));
        List<PremisePlan.Cell> cells = plan.grid(PremiseAxis.VIDEOS, PremiseAxis.STRENGTH);
        Table map = PremiseMap.of(plan).cache(new RunCache(dir.resolve("runs"))).quiet(true).settings(SMALL).run(cells);
        double weak = map.doubleColumn("AE_OCC %").get(0);
        double strong = map.doubleColumn("AE_OCC %").get(1);
        assertTrue(strong > weak + 5, "AE_OCC AUC " + weak + " -> " + strong);
    }

    @Test
    void badLevelsAreRefusedWithTheAxisNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> PremiseAxis.SHARE.parseLevels("0.5,1.5"));
        assertTrue(e.getMessage().contains("axis share") && e.getMessage().contains("[0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PremiseAxis.VIDEOS.parseLevels("10,12.5"));
        assertTrue(e.getMessage().contains("axis videos"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PremiseAxis.STRENGTH.parseLevels("a,b"));
        assertTrue(e.getMessage().contains("not a list of numbers"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PremiseAxis.parse("hardness"));
        assertTrue(e.getMessage().contains("share, strength, videos or scene"), e.getMessage());
        PremisePlan plan = plan(List.of(Variant.AE_ALL_DATA), Map.of(PremiseAxis.SHARE, new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> plan.grid(PremiseAxis.SHARE, PremiseAxis.SHARE));
        assertThrows(IllegalArgumentException.class, () -> plan.sweeps(List.of(PremiseAxis.SCENE)), "no levels for scene");
    }

    @Test
    void theProjectsPlanReadsAndItsDefaultsAreTheQuickProfilesData() {
        Path file = Path.of(System.getProperty("user.dir")).getParent().resolve("notebooks/results/premise-map-plan.json");
        PremisePlan plan = PremisePlan.read(file);
        assertEquals(Profile.QUICK, plan.profile());
        assertEquals(5, plan.seeds().size());
        assertEquals(List.of(Variant.AE_ALL_DATA, Variant.AE_OCC, Variant.GCL_WO_NL, Variant.GCL_B, Variant.GCL_PT), plan.methods());
        assertEquals(4, plan.levels().size());
        PremiseKnobs d = plan.defaults();
        for (PremiseAxis a : PremiseAxis.values()) {
            double level = a.of(d);
            assertTrue(Arrays.stream(plan.levels().get(a)).anyMatch(x -> x == level), a.id() + "'s levels hold its default");
            assertTrue(Arrays.stream(plan.gridLevels().get(a)).anyMatch(x -> x == level), a.id() + "'s grid levels hold its default");
        }
        assertEquals(20, plan.sweeps(List.of(PremiseAxis.values())).size());
    }
}
