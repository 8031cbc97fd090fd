package gcl.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The numbers the paper reports: frame-level AUC % with ResNeXt features on UCF-Crime and
 * ShanghaiTech (Tables 1–2, section 4.2) and the mean ± std over 10 seeds (Fig. 10). They are the
 * paper's figures on those datasets, never ours: every table that shows them says so.
 *
 * <p>Beside them, the numbers another paper reports for a method the lessons set beside GCL: C2FPL
 * (Al-lahham et al., WACV 2024, I3D features; lesson 08), in {@link #ucfCrime} under its own name and in
 * {@link #successorTable()} with its source. Its XD-Violence figure is average precision, the metric of
 * that dataset's protocol (Wu et al., 2020), which the authors' code reports for XD-Violence.
 */
public final class PaperNumbers {
    /** Method → {UCF-Crime, ShanghaiTech}; NaN where the paper reports none. */
    private static final Map<String, double[]> AUC = new LinkedHashMap<>();

    static {
        AUC.put("AE_AllData", new double[] {56.32, 62.73});
        AUC.put("AE_OCC", new double[] {65.76, Double.NaN});
        AUC.put("AE_TD", new double[] {63.84, Double.NaN});
        AUC.put("GCL w/o NL", new double[] {64.23, Double.NaN});
        AUC.put("GCL_B", new double[] {68.17, 72.41});
        AUC.put("GCL_PT", new double[] {71.04, 78.93});
        AUC.put("GCL_OCC", new double[] {74.20, 79.62});
        AUC.put("GCL_WS", new double[] {79.84, 86.21});
        AUC.put("G on own labels", new double[] {62.28, Double.NaN});
        AUC.put("soft labels", new double[] {63.58, Double.NaN});
    }

    /** Method → {mean, std} over 10 seeds (Fig. 10, UCF-Crime). */
    private static final Map<String, double[]> SEEDS = Map.of(
            "GCL_B", new double[] {67.09, 0.65},
            "GCL_PT", new double[] {70.13, 0.52});

    /**
     * A number another paper reports.
     *
     * @param method      the method, as our tables name it
     * @param source      the paper that reports it
     * @param features    the features it was measured on
     * @param ucfCrimeAuc frame-level AUC % on UCF-Crime
     * @param xdViolenceAp frame-level average precision % on XD-Violence
     */
    public record Reported(String method, String source, String features, double ucfCrimeAuc, double xdViolenceAp) {
    }

    /** C2FPL's paper's unsupervised rows: C2FPL, and GCL as that paper quotes it. */
    private static final List<Reported> SUCCESSORS = List.of(
            new Reported("GCL", "Zaheer et al., CVPR 2022 (UCF-Crime); Al-lahham et al., WACV 2024 (XD-Violence)",
                    "ResNeXt (UCF-Crime)", 71.04, 73.62),
            new Reported("C2FPL", "Al-lahham et al., WACV 2024", "I3D", 80.65, 80.09));

    private PaperNumbers() {
    }

    /**
     * The paper's UCF-Crime AUC % of a method, NaN if it reports none; for C2FPL, its own paper's
     * ({@link #successorTable()}).
     */
    public static double ucfCrime(String method) {
        double[] v = AUC.get(method);
        if (v == null) {
            return SUCCESSORS.stream().filter(r -> r.method().equals(method) && !r.method().equals("GCL"))
                    .mapToDouble(Reported::ucfCrimeAuc).findFirst().orElse(Double.NaN);
        }
        return v[0];
    }

    /** The XD-Violence AP % a paper reports for a method ({@link #successorTable()}), NaN if none. */
    public static double xdViolenceAp(String method) {
        return SUCCESSORS.stream().filter(r -> r.method().equals(method)).mapToDouble(Reported::xdViolenceAp)
                .findFirst().orElse(Double.NaN);
    }

    /**
     * The unsupervised rows of C2FPL's paper: method, source, features, paper: UCF-Crime AUC %,
     * paper: XD-Violence AP %. The papers' figures on real data, never ours.
     */
    public static Table successorTable() {
        StringColumn method = StringColumn.create("method");
        StringColumn source = StringColumn.create("reported by");
        StringColumn features = StringColumn.create("features");
        DoubleColumn ucf = DoubleColumn.create("paper: UCF-Crime AUC %");
        DoubleColumn xd = DoubleColumn.create("paper: XD-Violence AP %");
        for (Reported r : SUCCESSORS) {
            method.append(r.method());
            source.append(r.source());
            features.append(r.features());
            ucf.append(r.ucfCrimeAuc());
            xd.append(r.xdViolenceAp());
        }
        return Table.create("Unsupervised methods as the papers report them on real data — not computed here",
                method, source, features, ucf, xd);
    }

    /** The paper's ShanghaiTech AUC % of a method, NaN if it reports none. */
    public static double shanghaiTech(String method) {
        double[] v = AUC.get(method);
        return v == null ? Double.NaN : v[1];
    }

    /** The paper's {mean, std} over 10 seeds on UCF-Crime (Fig. 10), or null where it reports none. */
    public static double[] tenSeeds(String method) {
        double[] v = SEEDS.get(method);
        return v == null ? null : v.clone();
    }

    /** The paper's numbers as a table: method, paper UCF-Crime AUC %, paper ShanghaiTech AUC %. */
    public static Table table() {
        StringColumn method = StringColumn.create("method");
        DoubleColumn ucf = DoubleColumn.create("paper: UCF-Crime AUC %");
        DoubleColumn sht = DoubleColumn.create("paper: ShanghaiTech AUC %");
        AUC.forEach((m, v) -> {
            method.append(m);
            ucf.append(v[0]);
            sht.append(v[1]);
        });
        return Table.create("The paper's reported AUC % (ResNeXt features) — not computed here", method, ucf, sht);
    }
}
