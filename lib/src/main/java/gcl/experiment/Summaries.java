package gcl.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import static tech.tablesaw.aggregate.AggregateFunctions.countNonMissing;
import static tech.tablesaw.aggregate.AggregateFunctions.max;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.min;
import static tech.tablesaw.aggregate.AggregateFunctions.stdDev;

/**
 * Our results over seeds, per method, and next to the paper's numbers ({@link PaperNumbers}): the
 * tables of lessons 02–07 and of {@code gcl ablate} / {@code gcl seeds}. Our numbers come from
 * different data than the paper's, so the tables compare orderings, not values.
 */
public final class Summaries {
    private Summaries() {
    }

    /** {@link #meanStd(Table, String, String, int)} with two decimals. */
    public static Table meanStd(Table table, String groupColumn, String valueColumn) {
        return meanStd(table, groupColumn, valueColumn, 2);
    }

    /**
     * Mean and sample standard deviation (n − 1) of {@code valueColumn} per value of
     * {@code groupColumn}, groups in order of first appearance: columns {@code groupColumn},
     * {@code n}, {@code mean}, {@code std} (NaN for a single value), {@code min}, {@code max} and
     * {@code "mean ± std"} as text with {@code decimals} places, e.g. one row per method from a
     * (method, seed, AUC) results table.
     */
    public static Table meanStd(Table table, String groupColumn, String valueColumn, int decimals) {
        for (String c : List.of(groupColumn, valueColumn)) {
            if (!table.columnNames().contains(c)) {
                throw new IllegalArgumentException("table " + table.name() + " has no column '" + c + "'; it has " + table.columnNames());
            }
        }
        if (!(table.column(valueColumn) instanceof NumericColumn<?>)) {
            throw new IllegalArgumentException("column '" + valueColumn + "' of table " + table.name() + " is not numeric");
        }
        Table summary = table.summarize(valueColumn, countNonMissing, mean, stdDev, min, max).by(groupColumn);
        // Tablesaw orders groups its own way: put them back in order of first appearance.
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (int r = 0; r < summary.rowCount(); r++) {
            rowOf.put(summary.column(0).getString(r), r);
        }
        List<String> order = new ArrayList<>();
        Column<?> groups = table.column(groupColumn);
        for (int r = 0; r < groups.size(); r++) {
            String g = groups.getString(r);
            if (rowOf.containsKey(g) && !order.contains(g)) {
                order.add(g);
            }
        }
        StringColumn group = StringColumn.create(groupColumn);
        IntColumn n = IntColumn.create("n");
        DoubleColumn m = DoubleColumn.create("mean");
        DoubleColumn s = DoubleColumn.create("std");
        DoubleColumn lo = DoubleColumn.create("min");
        DoubleColumn hi = DoubleColumn.create("max");
        StringColumn text = StringColumn.create("mean ± std");
        for (String g : order) {
            int r = rowOf.get(g);
            double mu = ((NumericColumn<?>) summary.column(2)).getDouble(r);
            int count = (int) ((NumericColumn<?>) summary.column(1)).getDouble(r);
            double sd = count > 1 ? ((NumericColumn<?>) summary.column(3)).getDouble(r) : Double.NaN;
            group.append(g);
            n.append(count);
            m.append(mu);
            s.append(sd);
            lo.append(((NumericColumn<?>) summary.column(4)).getDouble(r));
            hi.append(((NumericColumn<?>) summary.column(5)).getDouble(r));
            text.append(fixed(mu, decimals) + " ± " + (Double.isNaN(sd) ? "–" : fixed(sd, decimals)));
        }
        String name = table.name() == null || table.name().isBlank() ? valueColumn + " by " + groupColumn : table.name();
        return Table.create(name, group, n, m, s, lo, hi, text);
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /**
     * Mean, sample standard deviation (n − 1; 0 for a single seed, where it is undefined), min and
     * max of AUC % per method ({@link #meanStd}), methods in order of first appearance, from a
     * table of {@link Experiment#table runs}: columns method, seeds, mean AUC %, std, min, max (mean
     * and std rounded to 2 decimals).
     */
    public static Table summary(Table runs) {
        return summary(runs, "AUC %");
    }

    /** As {@link #summary(Table)}, for another AUC column (e.g. {@code AUC_G %}). */
    public static Table summary(Table runs, String aucColumn) {
        Table s = meanStd(runs, "method", aucColumn);
        return Table.create("AUC % by method",
                s.stringColumn("method"),
                s.intColumn("n").copy().setName("seeds"),
                rounded(s.doubleColumn("mean"), "mean " + aucColumn, Double.NaN),
                rounded(s.doubleColumn("std"), "std", 0.0),
                s.doubleColumn("min"),
                s.doubleColumn("max"));
    }

    /** A copy rounded to 2 decimals, {@code ifMissing} where a value is missing. */
    private static DoubleColumn rounded(DoubleColumn c, String name, double ifMissing) {
        DoubleColumn out = DoubleColumn.create(name);
        for (int i = 0; i < c.size(); i++) {
            out.append(c.isMissing(i) ? ifMissing : Experiment.round(c.getDouble(i)));
        }
        return out;
    }

    /**
     * Our summary next to the paper's numbers: method, ours (mean ± std over seeds, on {@code dataName}),
     * and the paper's UCF-Crime and ShanghaiTech figures, labelled as the paper's.
     */
    public static Table compare(Table summary, String dataName) {
        StringColumn method = StringColumn.create("method");
        StringColumn ours = StringColumn.create("ours: " + dataName + " AUC % (mean ± std)");
        DoubleColumn ucf = DoubleColumn.create("paper: UCF-Crime AUC %");
        DoubleColumn sht = DoubleColumn.create("paper: ShanghaiTech AUC %");
        for (int i = 0; i < summary.rowCount(); i++) {
            String m = summary.stringColumn("method").get(i);
            double mu = summary.doubleColumn(summary.columnNames().get(2)).get(i);
            double sd = summary.doubleColumn("std").get(i);
            int seeds = summary.intColumn("seeds").get(i);
            String key = m.startsWith("GCL_WS") ? "GCL_WS" : m;
            double[] tenSeeds = PaperNumbers.tenSeeds(key);
            method.append(tenSeeds != null && seeds > 1 ? m + " (paper 10 seeds: " + tenSeeds[0] + " ± " + tenSeeds[1] + ")" : m);
            ours.append(seeds > 1 ? String.format(Locale.ROOT, "%.2f ± %.2f", mu, sd) : String.format(Locale.ROOT, "%.2f", mu));
            ucf.append(PaperNumbers.ucfCrime(key));
            sht.append(PaperNumbers.shanghaiTech(key));
        }
        return Table.create("Ours on " + dataName + " vs the paper's reported numbers (different data: compare orderings, not values)",
                method, ours, ucf, sht);
    }

    /**
     * A runs table with several presets (a {@code preset} column, {@link Experiment#table}) as one row
     * per method: ours under each preset as mean ± std over seeds (with the seed count), then the
     * paper's UCF-Crime figure, labelled as the paper's. Methods and presets in order of first appearance.
     */
    public static Table byPreset(Table runs, String dataName) {
        List<String> presets = new ArrayList<>(new LinkedHashSet<>(runs.stringColumn("preset").asList()));
        List<String> methods = new ArrayList<>(new LinkedHashSet<>(runs.stringColumn("method").asList()));
        StringColumn method = StringColumn.create("method");
        methods.forEach(method::append);
        Table t = Table.create("Ours on " + dataName + " by preset vs the paper's reported numbers (different data: compare orderings, not values)", method);
        for (String p : presets) {
            Table s = summary(runs.where(runs.stringColumn("preset").isEqualTo(p)));
            StringColumn ours = StringColumn.create("ours, " + p + " preset: AUC % (mean ± std)");
            for (String m : methods) {
                int i = s.stringColumn("method").indexOf(m);
                if (i < 0) {
                    ours.appendMissing();
                    continue;
                }
                double mu = s.doubleColumn(s.columnNames().get(2)).get(i);
                int seeds = s.intColumn("seeds").get(i);
                ours.append(seeds > 1 ? String.format(Locale.ROOT, "%.1f ± %.1f (%d seeds)", mu, s.doubleColumn("std").get(i), seeds)
                        : String.format(Locale.ROOT, "%.1f (1 seed)", mu));
            }
            t.addColumns(ours);
        }
        DoubleColumn ucf = DoubleColumn.create("paper: UCF-Crime AUC %");
        methods.forEach(m -> ucf.append(PaperNumbers.ucfCrime(m)));
        return t.addColumns(ucf);
    }

    /**
     * Our ranking of the methods of a summary next to the paper's ranking of the same methods on
     * UCF-Crime (1 = best): method, our mean AUC %, our rank, the paper's AUC %, the paper's rank,
     * and whether the two ranks agree. Methods the paper reports no number for are left out.
     */
    public static Table ordering(Table summary) {
        String meanColumn = summary.columnNames().get(2);
        List<String> methods = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        for (int i = 0; i < summary.rowCount(); i++) {
            String m = summary.stringColumn("method").get(i);
            if (!Double.isNaN(PaperNumbers.ucfCrime(m))) {
                methods.add(m);
                ours.add(summary.doubleColumn(meanColumn).get(i));
            }
        }
        StringColumn method = StringColumn.create("method");
        DoubleColumn ourAuc = DoubleColumn.create("ours: AUC %");
        IntColumn ourRank = IntColumn.create("ours: rank");
        DoubleColumn paperAuc = DoubleColumn.create("paper: UCF-Crime AUC %");
        IntColumn paperRank = IntColumn.create("paper: rank");
        BooleanColumn same = BooleanColumn.create("same rank");
        for (int i = 0; i < methods.size(); i++) {
            int mine = 1;
            int theirs = 1;
            for (int j = 0; j < methods.size(); j++) {
                mine += ours.get(j) > ours.get(i) ? 1 : 0;
                theirs += PaperNumbers.ucfCrime(methods.get(j)) > PaperNumbers.ucfCrime(methods.get(i)) ? 1 : 0;
            }
            method.append(methods.get(i));
            ourAuc.append(ours.get(i));
            ourRank.append(mine);
            paperAuc.append(PaperNumbers.ucfCrime(methods.get(i)));
            paperRank.append(theirs);
            same.append(mine == theirs);
        }
        Table t = Table.create("Ranking: ours vs the paper's (1 = best)", method, ourAuc, ourRank, paperAuc, paperRank, same);
        return t.sortAscendingOn("paper: rank");
    }
}
