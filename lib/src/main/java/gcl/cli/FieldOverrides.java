package gcl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import gcl.c2fpl.C2fplConfig;
import gcl.train.GclConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;

/**
 * The one override path for a config's fields on the command line: {@code --set FIELD=VALUE}
 * changes any field, and the typed flags ({@code --epochs 20}, {@code --batch 512}, ...) are
 * {@code --set} written shorter. Every one of them becomes an entry of one list of overrides,
 * applied by {@link GclConfig#with}, which checks the field's name and type; a field may be given
 * once. A field named {@code c2fpl.FIELD} changes C2FPL's config instead ({@link #applyC2fpl}).
 * A picocli mixin, inside {@link ConfigOptions} and in {@code gcl premise}.
 */
public final class FieldOverrides {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The prefix of a {@code --set} field of C2FPL's config: {@code --set c2fpl.windowShare=0.2}. */
    static final String C2FPL = C2fplConfig.METHOD + ".";

    /** The typed flags given, in command-line order: field, value (in the JSON form {@link GclConfig#with} takes). */
    private final List<Map.Entry<String, Object>> flags = new ArrayList<>();
    /** A typed flag's value outside its range, named in the user's terms (refused by {@link #overrides()}). */
    private String badFlag;

    @Option(names = "--set", paramLabel = "FIELD=VALUE",
            description = "Change any config field, e.g. --set generatorHidden=[256,64,256] --set negativeTarget=gaussian:6, or C2FPL's with c2fpl.FIELD (repeatable; the fields are listed below).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs of the loop (AE variants: of the autoencoder): --set epochs=N.")
    void epochs(int n) {
        add("epochs", n);
    }

    @Option(names = "--pretrain-epochs", paramLabel = "N", description = "Epochs of each pre-training step: --set pretrainEpochs=N.")
    void pretrainEpochs(int n) {
        add("pretrainEpochs", n);
    }

    @Option(names = "--batch", paramLabel = "N", description = "Batch size: --set batchSize=N.")
    void batch(int n) {
        add("batchSize", n);
    }

    @Option(names = "--nl", paramLabel = "TARGET", description = "Negative-learning pseudo target (ones, random-normal, gaussian:SIGMA, none): --set negativeTarget=TARGET.")
    void negativeTarget(String target) {
        add("negativeTarget", target);
    }

    @Option(names = "--g-threshold", paramLabel = "THRESHOLD", description = "Threshold of G's pseudo-labels (mean+Kstd, top:P, otsu): --set generatorThreshold=THRESHOLD.")
    void generatorThreshold(String threshold) {
        add("generatorThreshold", threshold);
    }

    @Option(names = "--d-threshold", paramLabel = "THRESHOLD", description = "Threshold of D's pseudo-labels (mean+Kstd, top:P, otsu, match-g): --set discriminatorThreshold=THRESHOLD.")
    void discriminatorThreshold(String threshold) {
        add("discriminatorThreshold", threshold);
    }

    @Option(names = "--td-threshold", paramLabel = "D_TH", description = "TD cleaning D_th, a distance (0.70) or a percentile (p60): --set tdThreshold=D_TH.")
    void tdThreshold(String threshold) {
        add("tdThreshold", threshold);
    }

    @Option(names = "--weak-labels", paramLabel = "PERCENT", description = "GCL_WS: percentage (0-100) of training videos whose label is used: --set weakLabelFraction=PERCENT/100.")
    void weakLabels(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            // refused with the config (overrides()): picocli would wrap an exception thrown while parsing
            badFlag = "--weak-labels takes a percentage from 0 to 100, got " + percent;
        }
        add("weakLabelFraction", percent / 100.0);
    }

    @Option(names = "--score-by", paramLabel = "SOURCE", description = "Segment score, d (discriminator) or g (generator): --set scoreBy=SOURCE.")
    void scoreBy(String source) {
        add("scoreBy", source);
    }

    /** Adds the override of a typed flag; commands' own typed flags (train's {@code --seed}) come in here too. */
    void add(String field, Object value) {
        flags.add(Map.entry(field, value));
    }

    /**
     * Returns every override: the typed flags, then each {@code --set}.
     *
     * @throws IllegalArgumentException for a {@code --set} without '=', or a field given twice
     */
    List<Map.Entry<String, Object>> overrides() {
        if (badFlag != null) {
            throw new IllegalArgumentException(badFlag);
        }
        List<Map.Entry<String, Object>> all = new ArrayList<>(flags);
        for (String fieldValue : sets) {
            int eq = fieldValue.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set takes FIELD=VALUE, got '" + fieldValue + "'");
            }
            all.add(Map.entry(fieldValue.substring(0, eq).trim(), jsonValue(fieldValue.substring(eq + 1).trim())));
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, Object> o : all) {
            if (!seen.add(o.getKey())) {
                throw new IllegalArgumentException("the config field " + o.getKey() + " is given twice (by --set or its"
                        + " flag); give it once");
            }
        }
        return all;
    }

    /** Returns {@code base} with every override of a GCL field applied: the typed flags, then each {@code --set}. */
    public GclConfig apply(GclConfig base) {
        GclConfig c = base;
        for (Map.Entry<String, Object> o : overrides()) {
            if (!o.getKey().startsWith(C2FPL)) {
                c = c.with(o.getKey(), o.getValue());
            }
        }
        return c;
    }

    /** Returns {@code base} with every {@code --set c2fpl.FIELD=VALUE} applied, in command-line order. */
    public C2fplConfig applyC2fpl(C2fplConfig base) {
        C2fplConfig c = base;
        for (Map.Entry<String, Object> o : overrides()) {
            if (o.getKey().startsWith(C2FPL)) {
                c = c.with(o.getKey().substring(C2FPL.length()), o.getValue());
            }
        }
        return c;
    }

    /**
     * Returns the help section listing the config's fields with their descriptions, generated from
     * {@link GclConfig#fieldDocs()}: a name column and a wrapped description column; for {@code ablate},
     * C2FPL's fields after them.
     */
    static String fieldsHelp(Help help) {
        String text = String.format("%nConfig fields (--set FIELD=VALUE):%n") + fieldTable(help, GclConfig.fieldDocs(), "");
        if (help.commandSpec().name().equals("ablate")) {
            text += String.format("%nC2FPL's config fields (--methods c2fpl; --set c2fpl.FIELD=VALUE):%n")
                    + fieldTable(help, C2fplConfig.fieldDocs(), C2FPL);
        }
        return text;
    }

    private static String fieldTable(Help help, Map<String, String> docs, String prefix) {
        int width = help.commandSpec().usageMessage().width();
        int nameWidth = 2 + docs.keySet().stream().mapToInt(f -> prefix.length() + f.length()).max().orElse(0) + 2;
        TextTable table = TextTable.forColumns(help.colorScheme(),
                new Column(nameWidth, 2, Column.Overflow.SPAN), new Column(width - nameWidth, 0, Column.Overflow.WRAP));
        docs.forEach((field, doc) -> table.addRowValues(prefix + field, doc));
        return table + String.format("%n");
    }

    /** A command-line value as JSON: numbers, booleans and lists as they are, anything else as a string. */
    static Object jsonValue(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return text;
        }
    }
}
