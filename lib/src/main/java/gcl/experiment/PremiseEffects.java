package gcl.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reading a premise map ({@link PremiseMap}): per cell the methods' AUC and the paired effects
 * (GCL's gain over AE_AllData, negative learning's, pre-training's) as mean ± std over seeds, against
 * the cell's measured properties. Any AUC column can be read ({@code AUC %}, the runs' own score;
 * {@code AUC_G %}; {@code AUC_D %}): an autoencoder's row, which has no D, counts with its own score.
 */
public final class PremiseEffects {
    private PremiseEffects() {
    }

    /** A paired difference of two methods on the same data and seed: {@code a − b}. */
    public record Effect(String name, String a, String b) {
        /** GCL's gain over the plain autoencoder, with the paper's complete unsupervised system. */
        public static final Effect GCL_GAIN = new Effect("GCL_PT − AE_AllData", "GCL_PT", "AE_AllData");
        /** GCL_B's gain over the plain autoencoder. */
        public static final Effect GCL_B_GAIN = new Effect("GCL_B − AE_AllData", "GCL_B", "AE_AllData");
        /** GCL w/o NL's gain over the plain autoencoder. */
        public static final Effect WO_NL_GAIN = new Effect("GCL w/o NL − AE_AllData", "GCL w/o NL", "AE_AllData");
        /** Negative learning's effect (section 3.2.5; the paper: +3.94 on UCF-Crime). */
        public static final Effect NEGATIVE_LEARNING = new Effect("GCL_B − GCL w/o NL", "GCL_B", "GCL w/o NL");
        /** Pre-training's effect (section 3.3; the paper: +2.87 on UCF-Crime). */
        public static final Effect PRETRAINING = new Effect("GCL_PT − GCL_B", "GCL_PT", "GCL_B");
        /** What the one-class setting adds to the autoencoder: large where AE_AllData learns the anomalies. */
        public static final Effect OCC_GAIN = new Effect("AE_OCC − AE_AllData", "AE_OCC", "AE_AllData");

        /** The effects the map's charts and summaries show. */
        public static List<Effect> main() {
            return List.of(GCL_GAIN, NEGATIVE_LEARNING, PRETRAINING);
        }
    }

    /** A mean ± sample std over seeds (NaN std for one), and how many seeds. */
    public record Estimate(double mean, double std, int n) {
        static Estimate of(List<Double> values) {
            Claims.Estimate e = Claims.Estimate.of(values.stream().mapToDouble(Double::doubleValue).toArray());
            return new Estimate(e.mean(), e.std(), e.seeds());
        }

        /** "3.1 ± 0.8" (one decimal). */
        public String text() {
            return n == 0 ? "–" : n == 1 ? String.format(Locale.ROOT, "%.1f", mean)
                    : String.format(Locale.ROOT, "%.1f ± %.1f", mean, std);
        }
    }

    /** The rows of one study and axis (e.g. {@code sweep}, {@code share}) and one preset. */
    public static Table rows(Table map, String study, String axis, String preset) {
        Table t = map.where(map.stringColumn("study").isEqualTo(study)
                .and(map.stringColumn("axis").isEqualTo(axis))
                .and(map.stringColumn("preset").isEqualTo(preset)));
        if (t.rowCount() == 0) {
            throw new IllegalArgumentException("the premise map has no rows of " + study + " '" + axis + "' under the "
                    + preset + " preset; it has " + new LinkedHashSet<>(map.stringColumn("study").asList()) + " over "
                    + new LinkedHashSet<>(map.stringColumn("axis").asList()));
        }
        return t;
    }

    /** The cells of some rows, in order of first appearance. */
    public static List<String> cells(Table rows) {
        return new ArrayList<>(new LinkedHashSet<>(rows.stringColumn("cell").asList()));
    }

    /** The rows of one cell. */
    public static Table cell(Table rows, String cell) {
        return rows.where(rows.stringColumn("cell").isEqualTo(cell));
    }

    /** The mean over a cell's seeds of a numeric column (a measured property), NaN where none. */
    public static double mean(Table cellRows, String column) {
        NumericColumn<?> c = cellRows.numberColumn(column);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                sum += c.getDouble(i);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** One method's AUC over a cell's seeds, read from {@code column} (its own score where the column has none). */
    public static Estimate method(Table cellRows, String method, String column) {
        return Estimate.of(new ArrayList<>(bySeed(cellRows, method, column).values()));
    }

    /** An effect over a cell's seeds, paired by seed: only seeds where both methods have a value count. */
    public static Estimate effect(Table cellRows, Effect effect, String column) {
        Map<Integer, Double> a = bySeed(cellRows, effect.a(), column);
        Map<Integer, Double> b = bySeed(cellRows, effect.b(), column);
        List<Double> d = new ArrayList<>();
        a.forEach((seed, v) -> {
            if (b.containsKey(seed)) {
                d.add(v - b.get(seed));
            }
        });
        return Estimate.of(d);
    }

    private static Map<Integer, Double> bySeed(Table rows, String method, String column) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        NumericColumn<?> own = rows.numberColumn("AUC %");
        NumericColumn<?> col = rows.numberColumn(column);
        for (int i = 0; i < rows.rowCount(); i++) {
            if (!rows.stringColumn("method").get(i).equals(method)) {
                continue;
            }
            double v = col.isMissing(i) ? (own.isMissing(i) ? Double.NaN : own.getDouble(i)) : col.getDouble(i);
            if (!Double.isNaN(v)) {
                out.put(rows.intColumn("seed").get(i), v);
            }
        }
        return out;
    }

    /**
     * One row per cell of a study's axis under a preset: the cell, the measured properties (means over
     * seeds: training segments, anomalous training segments %, scene share, AE_OCC and AE_AllData AUC),
     * each method's AUC and each effect as mean ± std over seeds (paired), read from {@code column}.
     */
    public static Table summary(Table map, String study, String axis, String preset, String column, List<String> methods,
                                List<Effect> effects) {
        Table rows = rows(map, study, axis, preset);
        StringColumn cell = StringColumn.create("cell");
        Map<String, DoubleColumn> measured = new LinkedHashMap<>();
        for (String m : List.of("train segments", "anomalous segments %", "scene share", "AE_OCC %", "AE_AllData %")) {
            measured.put(m, DoubleColumn.create(m.equals("AE_OCC %") || m.equals("AE_AllData %") ? m + " (hardness)" : m));
        }
        IntColumn seeds = IntColumn.create("seeds");
        Map<String, StringColumn> text = new LinkedHashMap<>();
        methods.forEach(m -> text.put(m, StringColumn.create(m)));
        effects.forEach(e -> text.put(e.name(), StringColumn.create(e.name())));
        for (String c : cells(rows)) {
            Table r = cell(rows, c);
            cell.append(c);
            measured.forEach((m, col) -> col.append(round(mean(r, m), m.equals("scene share") ? 3 : 1)));
            seeds.append(new LinkedHashSet<>(r.intColumn("seed").asList()).size());
            methods.forEach(m -> text.get(m).append(method(r, m, column).text()));
            effects.forEach(e -> text.get(e.name()).append(effect(r, e, column).text()));
        }
        Table t = Table.create(study + " " + axis + " (" + preset + " preset, " + column + ", mean ± std over seeds; synthetic data, not the paper's)", cell);
        measured.values().forEach(t::addColumns);
        t.addColumns(seeds);
        text.values().forEach(t::addColumns);
        return t;
    }

    /** The summary with the map's five methods and its main effects. */
    public static Table summary(Table map, String study, String axis, String preset, String column) {
        return summary(map, study, axis, preset, column, List.of("AE_AllData", "AE_OCC", "GCL w/o NL", "GCL_B", "GCL_PT"),
                Effect.main());
    }

    /**
     * The plan's rule for the grid's axes, applied to the sweeps of a map (robust preset, own score):
     * per axis the range over its levels of the cell means of GCL_PT − AE_AllData plus that of
     * GCL_B − GCL w/o NL; the two axes with the largest sums, the cheaper (not {@code videos}) first
     * among those within 1 point. One row per axis, the chosen two first.
     */
    public static Table gridRule(Table map, String preset) {
        List<String> axes = new ArrayList<>(new LinkedHashSet<>(map.where(map.stringColumn("study").isEqualTo("sweep"))
                .stringColumn("axis").asList()));
        StringColumn axis = StringColumn.create("axis");
        DoubleColumn gain = DoubleColumn.create("range of GCL_PT − AE_AllData");
        DoubleColumn nl = DoubleColumn.create("range of GCL_B − GCL w/o NL");
        DoubleColumn sum = DoubleColumn.create("sum");
        for (String a : axes) {
            Table rows = rows(map, "sweep", a, preset);
            double g = range(rows, Effect.GCL_GAIN);
            double n = range(rows, Effect.NEGATIVE_LEARNING);
            axis.append(a);
            gain.append(round(g, 2));
            nl.append(round(n, 2));
            sum.append(round(g + n, 2));
        }
        // a tie within 1 point goes to the cheaper axis: videos counts 1 point less when ranked
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < axis.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -(sum.getDouble(i) - (axis.get(i).equals("videos") ? 1.0 : 0.0))));
        Table t = Table.create("The grid rule over the sweeps (" + preset + " preset): the two axes marked are crossed");
        StringColumn a2 = StringColumn.create("axis");
        DoubleColumn g2 = DoubleColumn.create(gain.name());
        DoubleColumn n2 = DoubleColumn.create(nl.name());
        DoubleColumn s2 = DoubleColumn.create(sum.name());
        tech.tablesaw.api.BooleanColumn chosen = tech.tablesaw.api.BooleanColumn.create("crossed in the grid");
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            a2.append(axis.get(i));
            g2.append(gain.getDouble(i));
            n2.append(nl.getDouble(i));
            s2.append(sum.getDouble(i));
            chosen.append(k < 2);
        }
        return t.addColumns(a2, g2, n2, s2, chosen);
    }

    /**
     * What the sweeps of a map say, in words and computed, for a lesson's "reading it": per axis and
     * effect, the effect's mean ± std (paired over seeds) at each level against the measured property,
     * and in how many cells it is above 0 or below 0 by more than its seed spread (mean − std > 0:
     * <em>helps</em>; mean + std &lt; 0: <em>hurts</em>; else within the spread).
     */
    public static String reading(Table map, String preset, String column, List<Effect> effects) {
        StringBuilder md = new StringBuilder();
        List<String> axes = new ArrayList<>(new LinkedHashSet<>(map.where(map.stringColumn("study").isEqualTo("sweep")
                .and(map.stringColumn("preset").isEqualTo(preset))).stringColumn("axis").asList()));
        for (String axis : axes) {
            Table rows = rows(map, "sweep", axis, preset);
            PremiseAxis a = PremiseAxis.parse(axis);
            md.append(String.format(Locale.ROOT, "- **%s** (measured as %s):%n", axis, a.label()));
            for (Effect e : effects) {
                int helps = 0;
                int hurts = 0;
                List<String> points = new ArrayList<>();
                List<String> cells = cells(rows);
                for (String c : cells) {
                    Table r = cell(rows, c);
                    Estimate est = effect(r, e, column);
                    helps += est.n() > 1 && est.mean() - est.std() > 0 ? 1 : 0;
                    hurts += est.n() > 1 && est.mean() + est.std() < 0 ? 1 : 0;
                    double x = mean(r, a.measuredColumn());
                    points.add(String.format(Locale.ROOT, "%s at %s", est.text(), a == PremiseAxis.VIDEOS
                            ? String.format(Locale.ROOT, "%.0f", x) : a == PremiseAxis.SCENE ? String.format(Locale.ROOT, "%.2f", x)
                            : String.format(Locale.ROOT, "%.1f", x)));
                }
                md.append(String.format(Locale.ROOT, "  - %s: %s; above 0 beyond the seed spread in %d of %d cells, below in %d.%n",
                        e.name(), String.join(", ", points), helps, cells.size(), hurts));
            }
        }
        return md.toString();
    }

    /**
     * One row per distinct cell of a map (sweeps and grid together; a cell that appears in several
     * studies counts once) under a preset: its knobs, the means over seeds of its measured properties
     * (training segments, anomalous training segments %, scene share, TD tail, AE_OCC %), and per
     * effect its mean and std over seeds (paired), read from {@code column}; with
     * {@link Effect#OCC_GAIN}, what the anomalies in the unlabelled training data cost the plain
     * autoencoder. What {@link #correlation} and the premise chart read.
     */
    public static Table acrossCells(Table map, String preset, String column, List<Effect> effects) {
        Table rows = map.where(map.stringColumn("preset").isEqualTo(preset));
        Map<String, Table> byKnobs = new LinkedHashMap<>();
        for (int i = 0; i < rows.rowCount(); i++) {
            String key = String.format(Locale.ROOT, "share=%s, strength=%s, videos=%s, scene=%s",
                    number(rows.doubleColumn("share").get(i)), number(rows.doubleColumn("strength").get(i)),
                    number(rows.doubleColumn("videos").get(i)), number(rows.doubleColumn("scene").get(i)));
            byKnobs.putIfAbsent(key, null);
        }
        StringColumn knobs = StringColumn.create("knobs");
        List<String> measured = List.of("train segments", "anomalous segments %", "scene share", "TD tail", "AE_OCC %");
        Map<String, DoubleColumn> cols = new LinkedHashMap<>();
        measured.forEach(m -> cols.put(m, DoubleColumn.create(m)));
        for (Effect e : effects) {
            cols.put(e.name(), DoubleColumn.create(e.name()));
            cols.put(e.name() + " std", DoubleColumn.create(e.name() + " std"));
        }
        for (String key : byKnobs.keySet()) {
            Table cell = rows.where(rows.doubleColumn("share").isEqualTo(value(key, "share"))
                    .and(rows.doubleColumn("strength").isEqualTo(value(key, "strength")))
                    .and(rows.doubleColumn("videos").isEqualTo(value(key, "videos")))
                    .and(rows.doubleColumn("scene").isEqualTo(value(key, "scene"))));
            // one study's rows: the same runs appear once per study they belong to
            String study = cell.stringColumn("study").get(0);
            String axis = cell.stringColumn("axis").get(0);
            cell = cell.where(cell.stringColumn("study").isEqualTo(study).and(cell.stringColumn("axis").isEqualTo(axis)));
            knobs.append(key);
            for (String m : measured) {
                cols.get(m).append(round(mean(cell, m), m.equals("scene share") || m.equals("TD tail") ? 3 : 1));
            }
            for (Effect e : effects) {
                Estimate est = effect(cell, e, column);
                cols.get(e.name()).append(round(est.mean(), 2));
                cols.get(e.name() + " std").append(round(est.std(), 2));
            }
        }
        Table t = Table.create("Every cell of the map (" + preset + ", " + column + "; synthetic data, not the paper's)", knobs);
        cols.values().forEach(t::addColumns);
        return t;
    }

    private static double value(String key, String knob) {
        for (String part : key.split(", ")) {
            if (part.startsWith(knob + "=")) {
                return Double.parseDouble(part.substring(knob.length() + 1));
            }
        }
        throw new IllegalArgumentException(knob);
    }

    /** Pearson's correlation of two numeric columns of a table (rows where either is missing left out). */
    public static double correlation(Table t, String x, String y) {
        NumericColumn<?> a = t.numberColumn(x);
        NumericColumn<?> b = t.numberColumn(y);
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!a.isMissing(i) && !b.isMissing(i) && Double.isFinite(a.getDouble(i)) && Double.isFinite(b.getDouble(i))) {
                pairs.add(new double[] {a.getDouble(i), b.getDouble(i)});
            }
        }
        int n = pairs.size();
        if (n < 3) {
            return Double.NaN;
        }
        double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static double range(Table rows, Effect e) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String c : cells(rows)) {
            double m = effect(cell(rows, c), e, "AUC %").mean();
            if (Double.isFinite(m)) {
                lo = Math.min(lo, m);
                hi = Math.max(hi, m);
            }
        }
        return hi >= lo ? hi - lo : Double.NaN;
    }

    private static double round(double v, int decimals) {
        double s = Math.pow(10, decimals);
        return Double.isNaN(v) ? v : Math.round(v * s) / s;
    }

    /** A number as short as it reads: 0.25, 1.5, 2 ({@link gcl.synth.PremiseKnobs#number}). */
    static String number(double v) {
        return gcl.synth.PremiseKnobs.number(v);
    }
}
