package gcl.experiment;

import gcl.train.GclConfig;
import gcl.train.NegativeTarget;
import gcl.train.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's experiments as lists of {@link Trial}s over a base config (usually
 * {@code GclConfig.forProfile(Profile.current())}), and the numbers the paper reports.
 *
 * <p>The paper's numbers are its figures on UCF-Crime and ShanghaiTech with ResNeXt features; tables
 * that show them next to ours say so in their column names.
 */
public final class PaperExperiments {
    private PaperExperiments() {
    }

    /** Table 2, the component ablation: AE_AllData, AE_OCC, AE_TD, GCL w/o NL, GCL_B, GCL_PT, GCL_OCC. */
    public static List<Trial> table2(GclConfig base) {
        return variants(base, Variant.AE_ALL_DATA, Variant.AE_OCC, Variant.AE_TD, Variant.GCL_WO_NL, Variant.GCL_B,
                Variant.GCL_PT, Variant.GCL_OCC);
    }

    /**
     * Fig. 5, the pseudo reconstruction targets of negative learning on GCL_B: ones, random normal,
     * Gaussian σ = 1.5 and 6.0, and no negative learning (GCL w/o NL).
     */
    public static List<Trial> negativeTargets(GclConfig base) {
        GclConfig b = base.withVariant(Variant.GCL_B);
        return List.of(
                new Trial("NL: ones", b.withNegativeTarget(NegativeTarget.ONES)),
                new Trial("NL: random normal", b.withNegativeTarget(NegativeTarget.RANDOM_NORMAL)),
                new Trial("NL: gaussian σ=1.5", b.withNegativeTarget(NegativeTarget.gaussian(1.5))),
                new Trial("NL: gaussian σ=6.0", b.withNegativeTarget(NegativeTarget.gaussian(6.0))),
                new Trial("no NL", base.withVariant(Variant.GCL_WO_NL)));
    }

    /** Fig. 9: GCL_WS with 0, 33, 66 and 100 % of the training videos carrying their video label. */
    public static List<Trial> weakSupervision(GclConfig base) {
        List<Trial> trials = new ArrayList<>();
        for (int percent : new int[] {0, 33, 66, 100}) {
            trials.add(new Trial("GCL_WS " + percent + " %",
                    base.withVariant(Variant.GCL_WS).with("weakLabelFraction", percent / 100.0)));
        }
        return trials;
    }

    /** Section 4.2 and Table 1's supervision levels: GCL_PT, GCL_OCC, G on its own labels, soft labels. */
    public static List<Trial> supervisionLevels(GclConfig base) {
        return variants(base, Variant.GCL_PT, Variant.GCL_OCC, Variant.GCL_OWN_LABELS, Variant.GCL_SOFT);
    }

    /** Fig. 10: GCL_B and GCL_PT (run them over several seeds). */
    public static List<Trial> convergence(GclConfig base) {
        return variants(base, Variant.GCL_B, Variant.GCL_PT);
    }

    /** One trial per variant, named as the paper names it. */
    public static List<Trial> variants(GclConfig base, Variant... variants) {
        List<Trial> trials = new ArrayList<>();
        for (Variant v : variants) {
            trials.add(new Trial(v.paperName(), base.withVariant(v)));
        }
        return trials;
    }

    /** Seeds 1..n. */
    public static List<Long> seeds(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    /** Parses {@code 1,2,3} or {@code 1-10} (or a mix: {@code 1-3,7}). */
    public static List<Long> parseSeeds(String text) {
        List<Long> seeds = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-', 1);
            try {
                if (dash > 0) {
                    long from = Long.parseLong(p.substring(0, dash).trim());
                    long to = Long.parseLong(p.substring(dash + 1).trim());
                    if (to < from) {
                        throw new IllegalArgumentException("seed range " + p + " is empty");
                    }
                    LongStream.rangeClosed(from, to).forEach(seeds::add);
                } else {
                    seeds.add(Long.parseLong(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a seed list: '" + text + "' (use e.g. 1,2,3 or 1-10)");
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds in '" + text + "'");
        }
        return seeds;
    }

    /** The paper's reported frame-level AUC % (ResNeXt features), by method name; NaN where it reports none. */
    private static final Map<String, double[]> PAPER = new LinkedHashMap<>();

    static {
        // method -> {UCF-Crime, ShanghaiTech}; Tables 1-2 and section 4.2
        PAPER.put("AE_AllData", new double[] {56.32, 62.73});
        PAPER.put("AE_OCC", new double[] {65.76, Double.NaN});
        PAPER.put("AE_TD", new double[] {63.84, Double.NaN});
        PAPER.put("GCL w/o NL", new double[] {64.23, Double.NaN});
        PAPER.put("GCL_B", new double[] {68.17, 72.41});
        PAPER.put("GCL_PT", new double[] {71.04, 78.93});
        PAPER.put("GCL_OCC", new double[] {74.20, 79.62});
        PAPER.put("GCL_WS", new double[] {79.84, 86.21});
        PAPER.put("G on own labels", new double[] {62.28, Double.NaN});
        PAPER.put("soft labels", new double[] {63.58, Double.NaN});
    }

    /** The paper's mean ± std over 10 seeds (Fig. 10, UCF-Crime). */
    private static final Map<String, double[]> PAPER_SEEDS = Map.of(
            "GCL_B", new double[] {67.09, 0.65},
            "GCL_PT", new double[] {70.13, 0.52});

    /** The paper's UCF-Crime AUC % of a method, NaN if it reports none. */
    public static double paperUcfCrime(String method) {
        double[] v = PAPER.get(method);
        return v == null ? Double.NaN : v[0];
    }

    /** The paper's ShanghaiTech AUC % of a method, NaN if it reports none. */
    public static double paperShanghaiTech(String method) {
        double[] v = PAPER.get(method);
        return v == null ? Double.NaN : v[1];
    }

    /** The paper's numbers as a table: method, paper UCF-Crime AUC %, paper ShanghaiTech AUC %. */
    public static Table paperTable() {
        StringColumn method = StringColumn.create("method");
        DoubleColumn ucf = DoubleColumn.create("paper: UCF-Crime AUC %");
        DoubleColumn sht = DoubleColumn.create("paper: ShanghaiTech AUC %");
        PAPER.forEach((m, v) -> {
            method.append(m);
            ucf.append(v[0]);
            sht.append(v[1]);
        });
        return Table.create("The paper's reported AUC % (ResNeXt features) — not computed here", method, ucf, sht);
    }

    /**
     * Mean, standard deviation (sample, n − 1), min and max of AUC % per method, methods in order of
     * first appearance, from a table of {@link Experiment#table runs}.
     */
    public static Table summary(Table runs) {
        return summary(runs, "AUC %");
    }

    /** As {@link #summary(Table)}, for another AUC column (e.g. {@code AUC_G %}). */
    public static Table summary(Table runs, String aucColumn) {
        StringColumn method = StringColumn.create("method");
        IntColumn n = IntColumn.create("seeds");
        DoubleColumn mean = DoubleColumn.create("mean " + aucColumn);
        DoubleColumn std = DoubleColumn.create("std");
        DoubleColumn min = DoubleColumn.create("min");
        DoubleColumn max = DoubleColumn.create("max");
        Map<String, List<Double>> by = new LinkedHashMap<>();
        for (int i = 0; i < runs.rowCount(); i++) {
            by.computeIfAbsent(runs.stringColumn("method").get(i), k -> new ArrayList<>())
                    .add(runs.doubleColumn(aucColumn).get(i));
        }
        by.forEach((m, values) -> {
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            double mu = java.util.Arrays.stream(v).average().orElse(Double.NaN);
            double var = v.length < 2 ? 0 : java.util.Arrays.stream(v).map(x -> (x - mu) * (x - mu)).sum() / (v.length - 1);
            method.append(m);
            n.append(v.length);
            mean.append(Experiment.round(mu));
            std.append(Experiment.round(Math.sqrt(var)));
            min.append(java.util.Arrays.stream(v).min().orElse(Double.NaN));
            max.append(java.util.Arrays.stream(v).max().orElse(Double.NaN));
        });
        return Table.create("AUC % by method", method, n, mean, std, min, max);
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
            method.append(m);
            ours.append(seeds > 1 ? String.format(java.util.Locale.ROOT, "%.2f ± %.2f", mu, sd)
                    : String.format(java.util.Locale.ROOT, "%.2f", mu));
            String key = m.startsWith("GCL_WS") ? "GCL_WS" : m;
            double[] seedStats = PAPER_SEEDS.get(key);
            ucf.append(paperUcfCrime(key));
            sht.append(paperShanghaiTech(key));
            if (seedStats != null && seeds > 1) {
                method.set(method.size() - 1, m + " (paper 10 seeds: " + seedStats[0] + " ± " + seedStats[1] + ")");
            }
        }
        return Table.create("Ours on " + dataName + " vs the paper's reported numbers (different data: compare orderings, not values)",
                method, ours, ucf, sht);
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
            if (!Double.isNaN(paperUcfCrime(m))) {
                methods.add(m);
                ours.add(summary.doubleColumn(meanColumn).get(i));
            }
        }
        StringColumn method = StringColumn.create("method");
        DoubleColumn ourAuc = DoubleColumn.create("ours: AUC %");
        IntColumn ourRank = IntColumn.create("ours: rank");
        DoubleColumn paperAuc = DoubleColumn.create("paper: UCF-Crime AUC %");
        IntColumn paperRank = IntColumn.create("paper: rank");
        tech.tablesaw.api.BooleanColumn same = tech.tablesaw.api.BooleanColumn.create("same rank");
        for (int i = 0; i < methods.size(); i++) {
            int mine = 1;
            int theirs = 1;
            for (int j = 0; j < methods.size(); j++) {
                mine += ours.get(j) > ours.get(i) ? 1 : 0;
                theirs += paperUcfCrime(methods.get(j)) > paperUcfCrime(methods.get(i)) ? 1 : 0;
            }
            method.append(methods.get(i));
            ourAuc.append(ours.get(i));
            ourRank.append(mine);
            paperAuc.append(paperUcfCrime(methods.get(i)));
            paperRank.append(theirs);
            same.append(mine == theirs);
        }
        Table t = Table.create("Ranking: ours vs the paper's (1 = best)", method, ourAuc, ourRank, paperAuc, paperRank, same);
        return t.sortAscendingOn("paper: rank");
    }
}
