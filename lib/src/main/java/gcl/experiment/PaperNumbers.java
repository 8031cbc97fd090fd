package gcl.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The numbers the paper reports: frame-level AUC % with ResNeXt features on UCF-Crime and
 * ShanghaiTech (Tables 1–2, section 4.2) and the mean ± std over 10 seeds (Fig. 10). They are the
 * paper's figures on those datasets, never ours: every table that shows them says so.
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

    private PaperNumbers() {
    }

    /** The paper's UCF-Crime AUC % of a method, NaN if it reports none. */
    public static double ucfCrime(String method) {
        double[] v = AUC.get(method);
        return v == null ? Double.NaN : v[0];
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
