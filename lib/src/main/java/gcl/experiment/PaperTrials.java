package gcl.experiment;

import gcl.c2fpl.C2fplConfig;
import gcl.train.GclConfig;
import gcl.train.Preset;
import gcl.train.NegativeTarget;
import gcl.train.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The paper's experiments as lists of {@link Trial}s over a base config (usually the lessons' or
 * the CLI's config of the profile), and the seeds to run them with; and C2FPL, the method lesson 08 sets
 * beside them.
 */
public final class PaperTrials {
    /** The name of C2FPL's trial in tables, and its {@code --methods} name. */
    public static final String C2FPL = "C2FPL";
    private PaperTrials() {
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

    /**
     * The remedy ablation of lesson 03b: GCL w/o NL, GCL_B and GCL_PT under the paper's recipe, the
     * paper's recipe plus each remedy of the robust preset alone, the robust preset minus each remedy,
     * and the robust preset; sizes and schedule from {@code base}. Trials are named
     * {@code "GCL_PT | paper + centring"}.
     */
    public static List<Trial> remedies(GclConfig base) {
        GclConfig paper = base.withPreset(Preset.PAPER);
        GclConfig robust = base.withPreset(Preset.ROBUST);
        Map<String, GclConfig> recipes = new LinkedHashMap<>();
        recipes.put("paper", paper);
        for (Preset.Remedy r : Preset.REMEDIES) {
            recipes.put("paper + " + r.name(), paper.with(r.field(), r.value()));
        }
        for (Preset.Remedy r : Preset.REMEDIES) {
            recipes.put("robust − " + r.name(), robust.with(r.field(), paper.toJsonTree().get(r.field())));
        }
        recipes.put("robust", robust);
        List<Trial> trials = new ArrayList<>();
        for (Variant v : List.of(Variant.GCL_WO_NL, Variant.GCL_B, Variant.GCL_PT)) {
            recipes.forEach((name, c) -> trials.add(new Trial(v.paperName() + " | " + name, c.withVariant(v))));
        }
        return trials;
    }

    /** C2FPL (Al-lahham et al., WACV 2024) on a config of its own, named {@value #C2FPL}. */
    public static Trial c2fpl(C2fplConfig config) {
        return new Trial(C2FPL, config);
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
        List<Long> twice = seeds.stream().filter(s -> seeds.indexOf(s) != seeds.lastIndexOf(s)).distinct().toList();
        if (!twice.isEmpty()) {
            // a seed run twice is read back from the cache: the rows would be copies and the std too small
            throw new IllegalArgumentException("seeds " + text + " name seed " + twice.get(0) + " more than once; a mean ± std"
                    + " needs each seed once");
        }
        return seeds;
    }
}
