package gcl.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import gcl.EnumIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A named recipe for the settings of a run ({@link GclConfig#of(Preset)}); every run directory and
 * result table names the preset it used. The recipes are data, here and nowhere else:
 * {@link #PAPER} is the paper's recipe exactly (section 4), {@link #ROBUST} is the paper's recipe
 * with the {@link #REMEDIES} applied. Sizes, optimiser and schedule are the paper's in both.
 */
public enum Preset {
    /** The paper's recipe (section 4): features as they are, D's bias at 0, D's threshold μ + 0.1σ, D_th = 0.70. */
    PAPER,
    /** Ours: the paper's recipe plus the {@link #REMEDIES}, each aimed at a failure the training history shows (lesson 03b). */
    ROBUST;

    /** The preset the library uses when none is named. */
    public static final Preset DEFAULT = ROBUST;

    /** The share G's threshold μ + σ labels when errors are roughly normal: P(X ≥ μ + σ) ≈ 0.16. */
    public static final double EXPECTED_SHARE = 0.16;

    /**
     * One change of the robust preset to the paper's recipe: its short name (in remedy-ablation
     * tables), a config field, its value (in the JSON form {@link GclConfig#with} takes) and the
     * failure it is aimed at.
     */
    public record Remedy(String name, String field, Object value, String aim) {
    }

    /** The robust preset's changes to the paper's recipe, in the order lesson 03b introduces them (the last, the either score, is measured in notebooks/results/default-score-check.csv). */
    public static final List<Remedy> REMEDIES = List.of(
            new Remedy("centring", "videoCentring", "auto",
                    "scene lock-in: where the scene decides most of the features (between-video share of variance"
                            + " at least 0.5), each video is centred on its per-dimension median; otherwise the loop"
                            + " labels whole scenes and half of the ReLU units die"),
            new Remedy("prior", "discriminatorPrior", EXPECTED_SHARE,
                    "D starts upside down: its output bias starts at logit(0.16), the share G's μ + σ labels"),
            new Remedy("match-g", "discriminatorThreshold", "match-g",
                    "μ + 0.1σ over-labels D's skewed outputs: D labels the share of each batch that G labels"),
            new Remedy("TD p70", "tdThreshold", "p70",
                    "D_th = 0.70 is a distance on the paper's features only: TD cleaning keeps the 70 % least"
                            + " eventful segments on features of any scale"),
            new Remedy("either score", "scoreBy", "either",
                    "D below G: D's probability (the paper's score) ranks the test set below the G it learned from"
                            + " wherever D fits G's few labels and nothing else; a segment scores the larger of G's and"
                            + " D's calibrated ranks (ScoreCalibration), G's error deciding beyond the training range"));

    /** The config fields a preset decides (the rest are sizes, schedule and run settings). */
    public static List<String> recipeFields() {
        List<String> fields = new ArrayList<>();
        fields.add("preset");
        REMEDIES.forEach(r -> fields.add(r.field()));
        return fields;
    }

    /** Returns the field values this preset sets on top of the paper's settings (JSON form). */
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("preset", id());
        if (this == ROBUST) {
            REMEDIES.forEach(r -> changes.put(r.field(), r.value()));
        }
        return changes;
    }

    /** Returns the remedies as a table: field, the paper's value, the robust value, the failure it is aimed at. */
    public static Table remediesTable() {
        GclConfig paper = GclConfig.of(PAPER);
        GclConfig robust = GclConfig.of(ROBUST);
        StringColumn name = StringColumn.create("remedy");
        StringColumn field = StringColumn.create("field");
        StringColumn paperValue = StringColumn.create("paper");
        StringColumn robustValue = StringColumn.create("robust");
        StringColumn aim = StringColumn.create("aimed at");
        for (Remedy r : REMEDIES) {
            name.append(r.name());
            field.append(r.field());
            paperValue.append(paper.valueText(r.field()));
            robustValue.append(robust.valueText(r.field()));
            aim.append(r.aim());
        }
        return Table.create("The robust preset: the paper's recipe plus these changes", name, field, paperValue, robustValue, aim);
    }

    /** The command-line form: {@code paper}, {@code robust}. */
    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    /** Parses {@code paper} or {@code robust} (any case). */
    @JsonCreator
    public static Preset parse(String text) {
        return EnumIds.parse(Preset.class, text, "preset");
    }
}
