package gcl.nb;

import gcl.experiment.PremiseEffects.Effect;
import gcl.experiment.PremiseEffects.Estimate;
import gcl.experiment.PremiseEffects;
import gcl.experiment.PremiseAxis;
import gcl.experiment.PremiseMap;
import gcl.viz.EffectCharts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * The premise map in a lesson: the recorded map ({@code notebooks/results/premise-map-synthetic-quick.csv},
 * made by {@code gcl premise}), its summary tables and its charts: effects (GCL's gain over
 * AE_AllData, negative learning's, pre-training's) against each axis' measured property, mean ± std
 * over seeds, paired by seed. Every call takes the AUC column to read, so the same map reads for
 * the runs' own score ({@code AUC %}), for G ({@code AUC_G %}) or for D ({@code AUC_D %}). The short forms read
 * through D, the paper's score: the recorded map's {@code AUC %} is D's, but a map made after the robust preset
 * moved to {@code scoreBy = either} holds that score there. An autoencoder has no D, so its own score stands in.
 */
public final class PremiseFigures {
    /** The recorded map's file in {@code notebooks/results/}. */
    public static final String RECORDED = "premise-map-synthetic-quick.csv";

    private PremiseFigures() {
    }

    /** The recorded premise map (synthetic data: not the paper's numbers). */
    public static Table recorded() {
        return PremiseMap.read(Recorded.folder().resolve(RECORDED));
    }

    /**
     * Effects against the measured property of one swept axis (e.g. {@code share}), mean ± std over
     * seeds, under a preset, read from {@code column}.
     */
    public static XYChart sweep(Table map, String axis, String preset, String column, List<Effect> effects) {
        Table rows = PremiseEffects.rows(map, "sweep", axis, preset);
        PremiseAxis a = PremiseAxis.parse(axis);
        List<String> cells = PremiseEffects.cells(rows);
        List<EffectCharts.Series> series = new ArrayList<>();
        for (Effect e : effects) {
            series.add(overCells(e.name(), rows, cells, a, r -> PremiseEffects.effect(r, e, column)));
        }
        return EffectCharts.withErrorBars("Premise map, " + axis + " (" + preset + ", " + column + "; synthetic data)",
                a.label(), "difference in frame AUC %", series);
    }

    /** {@link #sweep(Table, String, String, String, List)} with the main effects, robust preset, read through D ({@code AUC_D %}). */
    public static XYChart sweep(Table map, String axis) {
        return sweep(map, axis, "robust", "AUC_D %", Effect.main());
    }

    /**
     * One effect over the grid of two axes: against the first axis' measured property, one series
     * per level of the second (named by its measured property's mean), mean ± std over seeds.
     */
    public static XYChart grid(Table map, Effect effect, String preset, String column) {
        Table grid = map.where(map.stringColumn("study").isEqualTo("grid").and(map.stringColumn("preset").isEqualTo(preset)));
        List<String> names = new ArrayList<>(new LinkedHashSet<>(grid.stringColumn("axis").asList()));
        if (names.size() != 1) {
            throw new IllegalArgumentException("the map has " + (names.isEmpty() ? "no grid" : "several grids " + names)
                    + " under the " + preset + " preset");
        }
        String[] parts = names.get(0).split(" x ");
        PremiseAxis first = PremiseAxis.parse(parts[0]);
        PremiseAxis second = PremiseAxis.parse(parts[1]);
        Map<Double, List<String>> bySecond = new LinkedHashMap<>();
        for (String c : PremiseEffects.cells(grid)) {
            double level = PremiseEffects.mean(PremiseEffects.cell(grid, c), second.id());
            bySecond.computeIfAbsent(level, k -> new ArrayList<>()).add(c);
        }
        List<EffectCharts.Series> series = new ArrayList<>();
        for (var e : bySecond.entrySet()) {
            List<String> cells = e.getValue();
            double[] x = new double[cells.size()];
            double[] mean = new double[cells.size()];
            double[] std = new double[cells.size()];
            double measured = 0;
            for (int i = 0; i < cells.size(); i++) {
                Table r = PremiseEffects.cell(grid, cells.get(i));
                x[i] = PremiseEffects.mean(r, first.measuredColumn());
                Estimate est = PremiseEffects.effect(r, effect, column);
                mean[i] = est.mean();
                std[i] = est.std();
                measured += PremiseEffects.mean(r, second.measuredColumn()) / cells.size();
            }
            series.add(new EffectCharts.Series(measured(second, measured), x, mean, std));
        }
        return EffectCharts.withErrorBars(effect.name() + " (" + preset + ", " + column + "; synthetic data)", first.label(),
                "difference in frame AUC %", series);
    }

    /** {@link #grid(Table, Effect, String, String)}, robust preset, read through D ({@code AUC_D %}). */
    public static XYChart grid(Table map, Effect effect) {
        return grid(map, effect, "robust", "AUC_D %");
    }

    /**
     * The methods' own AUC against the measured property of one swept axis (mean ± std over seeds):
     * what the effects are differences of.
     */
    public static XYChart methods(Table map, String axis, String preset, String column) {
        Table rows = PremiseEffects.rows(map, "sweep", axis, preset);
        PremiseAxis a = PremiseAxis.parse(axis);
        List<String> cells = PremiseEffects.cells(rows);
        List<EffectCharts.Series> series = new ArrayList<>();
        for (String m : new LinkedHashSet<>(rows.stringColumn("method").asList())) {
            series.add(overCells(m, rows, cells, a, r -> PremiseEffects.method(r, m, column)));
        }
        XYChart chart = EffectCharts.withErrorBars("Premise map, methods over " + axis + " (" + preset + ", " + column + "; synthetic data)",
                a.label(), "frame AUC %", series);
        chart.removeSeries("0: no difference");
        return chart;
    }

    /** One series over the cells of a sweep: x the axis' measured property, y an estimate of each cell's rows. */
    private static EffectCharts.Series overCells(String name, Table rows, List<String> cells, PremiseAxis axis,
                                                 Function<Table, Estimate> estimate) {
        double[] x = new double[cells.size()];
        double[] mean = new double[cells.size()];
        double[] std = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            Table r = PremiseEffects.cell(rows, cells.get(i));
            x[i] = PremiseEffects.mean(r, axis.measuredColumn());
            Estimate est = estimate.apply(r);
            mean[i] = est.mean();
            std[i] = est.std();
        }
        return new EffectCharts.Series(name, x, mean, std);
    }

    /** A measured property as a legend reads it: "AE_OCC 83.2 %", "scene share 0.87", "2,175 training segments". */
    static String measured(PremiseAxis axis, double value) {
        return switch (axis) {
            case SHARE -> String.format(Locale.ROOT, "anomalous segments %.1f %%", value);
            case STRENGTH -> String.format(Locale.ROOT, "AE_OCC %.1f %%", value);
            case VIDEOS -> String.format(Locale.ROOT, "%,.0f training segments", value);
            case SCENE -> String.format(Locale.ROOT, "scene share %.2f", value);
        };
    }

    /**
     * The premise in one chart: for every distinct cell of the map, GCL_PT's gain over AE_AllData
     * (mean ± std over seeds, paired; read from {@code column}) against what the anomalies in the
     * unlabelled training data cost the plain autoencoder, AE_OCC − AE_AllData (needs video labels).
     */
    public static XYChart premise(Table map, String preset, String column) {
        Table cells = PremiseEffects.acrossCells(map, preset, column, List.of(Effect.OCC_GAIN, Effect.GCL_GAIN));
        double[] x = cells.doubleColumn(Effect.OCC_GAIN.name()).asDoubleArray();
        double[] y = cells.doubleColumn(Effect.GCL_GAIN.name()).asDoubleArray();
        double[] e = cells.doubleColumn(Effect.GCL_GAIN.name() + " std").asDoubleArray();
        double r = PremiseEffects.correlation(cells, Effect.OCC_GAIN.name(), Effect.GCL_GAIN.name());
        XYChart chart = EffectCharts.scatterWithErrorBars(String.format(Locale.ROOT, "GCL's gain vs the cost of anomalies (%s; r = %.2f, %d cells)",
                column, r, cells.rowCount()), "AE_OCC − AE_AllData, frame AUC % (needs video labels)", "GCL_PT − AE_AllData, frame AUC %",
                List.of(new EffectCharts.Series("a cell: mean ± std", x, y, e)));
        return EffectCharts.addDiagonal(chart, "gain = cost");
    }

    /** What the recorded sweeps say, computed ({@link PremiseEffects#reading}): robust preset, read through D ({@code AUC_D %}), the main effects. */
    public static String reading(Table map) {
        return PremiseEffects.reading(map, "robust", "AUC_D %", Effect.main());
    }

    /** The summary table of one swept axis (or of the grid, by its name {@code a x b}), robust preset, read through D ({@code AUC_D %}). */
    public static Table summary(Table map, String axis) {
        return PremiseEffects.summary(map, axis.contains(" x ") ? "grid" : "sweep", axis, "robust", "AUC_D %");
    }
}
