package gcl.nb;

import gcl.experiment.Claims;
import gcl.experiment.PairedDifference;
import gcl.experiment.PremiseEffects;
import gcl.experiment.PremiseEffects.Effect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The premise map's evidence for the lessons' explanations, computed from the recorded map
 * ({@link PremiseFigures#recorded()}): for an effect (one method minus another, or D minus G inside the
 * same runs), in each distinct cell of the map the paired difference over the cell's seeds with its 95 %
 * interval ({@link PairedDifference}), and how many cells put it above 0, below 0, within the
 * difference that matters ({@link Claims#SMALLEST_DIFFERENCE}) or cannot tell. Robust preset (the only
 * one the map recorded). Synthetic data: never the paper's numbers.
 */
public final class PremiseEvidence {
    private static final String PRESET = "robust";

    private PremiseEvidence() {
    }

    /** How an effect falls over the map's cells: counts by where its 95 % interval lies, and its range of cell means. */
    public record Count(String effect, String column, int cells, int above, int below, int negligible, int cannotTell,
                        double lowest, double highest) {
        /** "below 0 in 10 of 26 cells, above in 1, within ±1 in 3, cannot tell in 12 (cell means −16.9 to +1.5)". */
        public String text() {
            return String.format(Locale.ROOT, "above 0 in %d of %d cells, below 0 in %d, within ±%.0f in %d, cannot tell in %d "
                    + "(cell means %s to %s)", above, cells, below, Claims.SMALLEST_DIFFERENCE, negligible, cannotTell,
                    signed(lowest), signed(highest));
        }
    }

    /** One row per distinct cell: its knobs and measured properties, and the effect's paired difference with its interval. */
    public static Table cells(Table map, Effect effect, String column) {
        return cells(map, effect.name() + " (" + column + ")", cell -> PairedDifference.of(bySeed(cell, effect.a(), column),
                bySeed(cell, effect.b(), column)));
    }

    /** D minus G inside the same runs of {@code method} (paired by run), one row per distinct cell. */
    public static Table dMinusG(Table map, String method) {
        return cells(map, "D − G in " + method, cell -> PairedDifference.of(bySeed(cell, method, "AUC_D %"), bySeed(cell, method, "AUC_G %")));
    }

    /** The counts of an effect over the map's cells, read from {@code column} ({@code AUC_D %}: D; {@code AUC_G %}: G; {@code AUC %}: each run's own score). */
    public static Count count(Table map, Effect effect, String column) {
        return count(cells(map, effect, column), effect.name(), column);
    }

    /** The counts of D − G inside {@code method}'s runs over the map's cells. */
    public static Count countDMinusG(Table map, String method) {
        return count(dMinusG(map, method), "D − G in " + method, "AUC_D % − AUC_G %");
    }

    /**
     * The evidence for one effect in a sentence of markdown, read through D and through G, marked
     * *measured*: e.g. "*Measured* (premise map, 26 cells × 5 paired seeds, synthetic): GCL_B − GCL w/o NL
     * read through D: ...; through G: ...".
     */
    public static String sentence(Table map, Effect effect) {
        Count d = count(map, effect, "AUC_D %");
        Count g = count(map, effect, "AUC_G %");
        return String.format(Locale.ROOT, "*Measured* (the premise map: %d cells × %d paired seeds, synthetic data, robust preset): "
                + "**%s** read through D (the paper's score): %s; read through G inside the same runs: %s.",
                d.cells(), seedsPerCell(map), effect.name(), d.text(), g.text());
    }

    /** The correlation over the map's cells of GCL_PT's gain over AE_AllData with what the anomalies cost AE_AllData (AE_OCC − AE_AllData). */
    public static double premiseCorrelation(Table map, String column) {
        Table cells = PremiseEffects.acrossCells(map, PRESET, column, List.of(Effect.OCC_GAIN, Effect.GCL_GAIN));
        return PremiseEffects.correlation(cells, Effect.OCC_GAIN.name(), Effect.GCL_GAIN.name());
    }

    /** The number of paired seeds in a cell of the map (the largest over its cells). */
    public static int seedsPerCell(Table map) {
        Table rows = map.where(map.stringColumn("preset").isEqualTo(PRESET));
        int most = 0;
        for (Table cell : distinctCells(rows).values()) {
            most = Math.max(most, cell.intColumn("seed").unique().size());
        }
        return most;
    }

    private interface CellEffect {
        PairedDifference of(Table cell);
    }

    private static Table cells(Table map, String name, CellEffect effect) {
        Table rows = map.where(map.stringColumn("preset").isEqualTo(PRESET));
        StringColumn knobs = StringColumn.create("cell");
        DoubleColumn segments = DoubleColumn.create("train segments");
        DoubleColumn share = DoubleColumn.create("anomalous segments %");
        DoubleColumn hardness = DoubleColumn.create("AE_OCC %");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn low = DoubleColumn.create("95 % CI low");
        DoubleColumn high = DoubleColumn.create("95 % CI high");
        StringColumn where = StringColumn.create("interval");
        for (var e : distinctCells(rows).entrySet()) {
            Table cell = e.getValue();
            PairedDifference d = effect.of(cell);
            knobs.append(e.getKey());
            segments.append(Math.round(cell.numberColumn("train segments").mean()));
            share.append(Math.round(cell.numberColumn("anomalous segments %").mean() * 10) / 10.0);
            hardness.append(Math.round(cell.numberColumn("AE_OCC %").mean() * 10) / 10.0);
            mean.append(Math.round(d.mean() * 100) / 100.0);
            low.append(Math.round(d.low() * 100) / 100.0);
            high.append(Math.round(d.high() * 100) / 100.0);
            where.append(where(d));
        }
        return Table.create(name + " per cell of the premise map (paired over seeds, 95 % CI; synthetic data)", knobs, segments, share,
                hardness, mean, low, high, where);
    }

    private static String where(PairedDifference d) {
        if (!d.hasInterval()) {
            return "no interval";
        }
        if (d.low() > -Claims.SMALLEST_DIFFERENCE && d.high() < Claims.SMALLEST_DIFFERENCE) {
            return "within ±" + (int) Claims.SMALLEST_DIFFERENCE;
        }
        if (d.low() > 0) {
            return "above 0";
        }
        return d.high() < 0 ? "below 0" : "cannot tell";
    }

    private static Count count(Table cells, String effect, String column) {
        StringColumn where = cells.stringColumn("interval");
        DoubleColumn mean = cells.doubleColumn("mean");
        return new Count(effect, column, cells.rowCount(), where.isEqualTo("above 0").size(), where.isEqualTo("below 0").size(),
                where.startsWith("within").size(), where.isEqualTo("cannot tell").size(), mean.min(), mean.max());
    }

    /** The map's rows grouped by distinct cell (its four knobs); a cell that several studies share counts once (its first study's rows). */
    private static Map<String, Table> distinctCells(Table rows) {
        Map<String, Table> cells = new LinkedHashMap<>();
        for (int i = 0; i < rows.rowCount(); i++) {
            String key = String.format(Locale.ROOT, "share=%s, strength=%s, videos=%s, scene=%s", knob(rows, "share", i),
                    knob(rows, "strength", i), knob(rows, "videos", i), knob(rows, "scene", i));
            if (!cells.containsKey(key)) {
                String study = rows.stringColumn("study").get(i);
                String axis = rows.stringColumn("axis").get(i);
                String cell = rows.stringColumn("cell").get(i);
                cells.put(key, rows.where(rows.stringColumn("study").isEqualTo(study).and(rows.stringColumn("axis").isEqualTo(axis))
                        .and(rows.stringColumn("cell").isEqualTo(cell))));
            }
        }
        return cells;
    }

    private static String knob(Table rows, String name, int row) {
        double v = rows.numberColumn(name).getDouble(row);
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** A method's values in a cell by seed, from {@code column}, or its own score where the column is empty (AE_AllData has no D). */
    private static Map<Integer, Double> bySeed(Table cell, String method, String column) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        NumericColumn<?> own = cell.numberColumn("AUC %");
        NumericColumn<?> col = cell.numberColumn(column);
        for (int i = 0; i < cell.rowCount(); i++) {
            if (cell.stringColumn("method").get(i).equals(method)) {
                double v = col.isMissing(i) ? own.getDouble(i) : col.getDouble(i);
                if (!Double.isNaN(v)) {
                    out.put(cell.intColumn("seed").get(i), v);
                }
            }
        }
        return out;
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%s%.1f", v < 0 ? "−" : "+", Math.abs(v));
    }
}
