package gcl.nb;

import gcl.experiment.Claims;
import gcl.experiment.Claims.Claim;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The paper's claims checked on the recorded Table 2 runs of several datasets and presets at once
 * ({@code notebooks/results/table2-<set>.csv}): one markdown table, a row per claim and a column per
 * dataset and preset ({@link Claims#markdownBySetting}), instead of one list of verdicts per setting.
 */
public final class RecordedVerdicts {
    private RecordedVerdicts() {
    }

    /** The recorded Table 2 runs of each set, split by preset: "synthetic-quick, paper" → its rows, in file order. */
    public static Map<String, Table> table2(List<String> sets) {
        Map<String, Table> settings = new LinkedHashMap<>();
        for (String set : sets) {
            Table t = Recorded.table("table2-" + set + ".csv");
            for (String preset : new LinkedHashSet<>(t.stringColumn("preset").asList())) {
                settings.put(set + ", " + preset, t.where(t.stringColumn("preset").isEqualTo(preset)));
            }
        }
        return settings;
    }

    /** The claims on the recorded Table 2 runs of {@code sets}, one table (recorded: synthetic data, not the paper's). */
    public static String markdown(String heading, List<String> sets, List<Claim> claims) {
        return Claims.markdownBySetting(heading, table2(sets), claims);
    }
}
