package gcl.experiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's claims, checked against our runs: the computed "Reading it" of every lesson.
 *
 * <p>A {@link Claim} says how two results compare in the paper ("GCL_PT above AE_AllData", Table 2).
 * {@link #check} reads both from a table of runs (one row per method and seed, {@link Experiment#table})
 * and gives a {@link Verdict} from three things:
 * <ul>
 *   <li>the <b>difference</b> a − b with its 95 % confidence interval, {@link PairedDifference}: Student's
 *       t over the differences of the runs that share a seed (paired: the same data, split and random
 *       draws), Welch's interval where the seeds are not shared;</li>
 *   <li>the <b>smallest difference that matters</b>, {@link #SMALLEST_DIFFERENCE} AUC points (half the
 *       smallest step between two rows of the paper's Table 2, AE_OCC over AE_TD, 1.92): an interval that
 *       lies inside ±1 rules out a difference that matters, one that excludes 0 establishes a
 *       direction, one that does neither cannot tell;</li>
 *   <li><b>chance</b>: when both results' own 95 % intervals (their values, with one seed) lie within
 *       {@link #CHANCE_BAND} points of 50, neither ranks anomalies better than a coin and the claim is
 *       not tested by these runs, whatever the order of the two.</li>
 * </ul>
 * With one seed on a side there is no interval: the verdict says which way the numbers point.
 */
public final class Claims {
    /** The smallest difference of two AUCs, in points, that these lessons count as one that matters. */
    public static final double SMALLEST_DIFFERENCE = 1.0;
    /** Chance: an AUC of 50 %. */
    public static final double CHANCE = 50.0;
    /** The band around {@link #CHANCE} within which a result counts as at chance, in points. */
    public static final double CHANCE_BAND = 5.0;

    /** The verdict rule in one paragraph of markdown, for a lesson to show under its verdict tables. */
    public static final String RULE = String.format(Locale.ROOT, "*How the verdicts are made* (`gcl.experiment.Claims`): the "
            + "difference is first − second, the mean over the seeds both were run with (paired: same data, same random draws), with its 95 %% "
            + "confidence interval (Student's t over the paired differences; Welch's where seeds are not shared). "
            + "**agrees** / **disagrees**: the interval excludes 0 and reaches beyond ±%.0f point (the smallest difference that "
            + "matters here); **no difference that matters**: the interval lies within ±%.0f point; **cannot tell**: it includes 0 "
            + "and differences that matter (more seeds needed); **both at chance**: both results' intervals lie within %.0f ± %.0f, "
            + "so the claim is not tested; **one seed**: no interval, only the direction.",
            SMALLEST_DIFFERENCE, SMALLEST_DIFFERENCE, CHANCE, CHANCE_BAND);

    private Claims() {
    }

    /** How the paper says two results compare. */
    public enum Kind {
        /** The first result is higher than the second. */
        ABOVE,
        /** The two results are about the same. */
        LEVEL,
        /** The first result varies less over seeds than the second (a smaller standard deviation). */
        NARROWER
    }

    /** One result of a runs table: the rows of {@code method}, the values of {@code column}. */
    public record Term(String method, String column, String label) {
        /** The result of a method in the column {@code AUC %} (the method's own score). */
        public static Term of(String method) {
            return new Term(method, "AUC %", method);
        }

        /** The result of a method in another column, named {@code label} in the words. */
        public static Term of(String method, String column, String label) {
            return new Term(method, column, label);
        }
    }

    /**
     * A claim of the paper: {@code a} compared with {@code b} as {@code kind} says; {@code says} is
     * the claim in words, {@code source} where the paper makes it (with its numbers, when it gives any).
     */
    public record Claim(String says, Term a, Kind kind, Term b, String source) {
        /** "{@code a} above {@code b}" on the methods' own AUC. */
        public static Claim above(String says, String a, String b, String source) {
            return new Claim(says, Term.of(a), Kind.ABOVE, Term.of(b), source);
        }

        /** "{@code a} level with {@code b}" on the methods' own AUC. */
        public static Claim level(String says, String a, String b, String source) {
            return new Claim(says, Term.of(a), Kind.LEVEL, Term.of(b), source);
        }
    }

    /** What our runs say about a claim. */
    public enum Verdict {
        AGREES("agrees"),
        DISAGREES("disagrees"),
        NO_DIFFERENCE("no difference that matters"),
        CANNOT_TELL("cannot tell"),
        BOTH_AT_CHANCE("both at chance"),
        ONE_SEED_AGREES("points the paper's way (one seed)"),
        ONE_SEED_DISAGREES("points the other way (one seed)"),
        NOT_MEASURED("not measured");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        /** The verdict in a few words. */
        public String words() {
            return words;
        }
    }

    /** A mean with its sample standard deviation (NaN for one seed) over {@code seeds} runs. */
    public record Estimate(double mean, double std, int seeds) {
        /** The estimate of {@code values}: mean and sample standard deviation (n − 1). */
        public static Estimate of(double[] values) {
            int n = values.length;
            if (n == 0) {
                return new Estimate(Double.NaN, Double.NaN, 0);
            }
            double mean = 0;
            for (double v : values) {
                mean += v / n;
            }
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            return new Estimate(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN, n);
        }

        /** The 95 % t interval of the mean, {low, high} (the value at both ends for one seed). */
        public double[] interval() {
            return PairedDifference.meanInterval(mean, std, seeds);
        }

        /** Whether the interval of the mean (the value, for one seed) lies within {@link #CHANCE_BAND} of 50. */
        public boolean atChance() {
            double[] i = interval();
            return seeds > 0 && i[0] >= CHANCE - CHANCE_BAND && i[1] <= CHANCE + CHANCE_BAND;
        }

        /**
         * "86.2 ± 0.7" (or "86.2" for one seed), one decimal, rounded as the summary tables round
         * ({@link Experiment#round} first), so the two never show different digits.
         */
        public String text() {
            double m = Experiment.round(mean);
            return seeds > 1 ? String.format(Locale.ROOT, "%.1f ± %.1f", m, Experiment.round(std)) : String.format(Locale.ROOT, "%.1f", m);
        }
    }

    /** A claim, the two estimates from our runs, the difference a − b with its interval, and the verdict. */
    public record Check(Claim claim, Estimate a, Estimate b, PairedDifference difference, Verdict verdict) {
        /** The gap a − b (means of the pairs, or of the two samples where seeds are not shared). */
        public double gap() {
            return difference.mean();
        }

        /** The check in one or two sentences of markdown, with the numbers and the interval. */
        public String sentence() {
            Term ta = claim.a();
            Term tb = claim.b();
            String head = "**" + capitalised(verdict.words()) + "** — *" + claim.says() + "* (" + claim.source() + ").";
            if (verdict == Verdict.NOT_MEASURED) {
                String missing = a.seeds() == 0 ? ta.label() : tb.label();
                return head + " Not in these runs: " + missing + ".";
            }
            String seeds = a.seeds() == b.seeds() ? plural(a.seeds(), "seed") : a.seeds() + " and " + b.seeds() + " seeds";
            String here = String.format(Locale.ROOT, " Here: %s %s, %s %s (%s)", ta.label(), a.text(), tb.label(), b.text(), seeds);
            return head + here + ": " + reason() + ".";
        }

        private String reason() {
            if (claim.kind() == Kind.NARROWER) {
                return String.format(Locale.ROOT, "standard deviations %.2f and %.2f; a spread estimated from %d seeds is itself uncertain",
                        a.std(), b.std(), Math.min(a.seeds(), b.seeds()));
            }
            String diff = "difference " + difference.text() + ", " + difference.how();
            return switch (verdict) {
                case BOTH_AT_CHANCE -> diff + "; both within " + (int) CHANCE + " ± " + (int) CHANCE_BAND + ", neither ranks better than chance";
                case ONE_SEED_AGREES, ONE_SEED_DISAGREES -> diff + "; one seed has no interval to judge that by";
                case NO_DIFFERENCE -> diff + "; the interval lies within ±" + (int) SMALLEST_DIFFERENCE + " point";
                case CANNOT_TELL -> diff + "; the interval includes 0 and differences that matter";
                default -> diff;
            };
        }
    }

    /** Checks one claim against a table of runs (columns {@code method}, {@code seed} and the terms' columns). */
    public static Check check(Table runs, Claim claim) {
        Map<Integer, Double> a = values(runs, claim.a());
        Map<Integer, Double> b = values(runs, claim.b());
        Estimate ea = Estimate.of(a.values().stream().mapToDouble(Double::doubleValue).toArray());
        Estimate eb = Estimate.of(b.values().stream().mapToDouble(Double::doubleValue).toArray());
        PairedDifference d = PairedDifference.of(a, b);
        return new Check(claim, ea, eb, d, verdict(claim.kind(), ea, eb, d));
    }

    /** Checks each claim against the same runs. */
    public static List<Check> check(Table runs, List<Claim> claims) {
        List<Check> checks = new ArrayList<>();
        for (Claim c : claims) {
            checks.add(check(runs, c));
        }
        return checks;
    }

    /**
     * The verdict on two estimates and their difference (see the class comment): not measured, both at
     * chance, one seed (the direction only), no difference that matters (the interval within
     * ±{@link #SMALLEST_DIFFERENCE}), a direction (the interval excludes 0), or cannot tell.
     * {@code NARROWER} compares the standard deviations themselves (two seeds or more on each side).
     */
    public static Verdict verdict(Kind kind, Estimate a, Estimate b, PairedDifference d) {
        if (a.seeds() == 0 || b.seeds() == 0) {
            return Verdict.NOT_MEASURED;
        }
        if (kind == Kind.NARROWER) {
            if (a.seeds() < 2 || b.seeds() < 2) {
                return Verdict.NOT_MEASURED;
            }
            return a.std() < b.std() ? Verdict.AGREES : Verdict.DISAGREES;
        }
        if (a.atChance() && b.atChance()) {
            return Verdict.BOTH_AT_CHANCE;
        }
        if (!d.hasInterval()) {
            boolean paperWay = kind == Kind.ABOVE ? d.mean() > 0 : Math.abs(d.mean()) < SMALLEST_DIFFERENCE;
            return paperWay ? Verdict.ONE_SEED_AGREES : Verdict.ONE_SEED_DISAGREES;
        }
        boolean negligible = d.low() > -SMALLEST_DIFFERENCE && d.high() < SMALLEST_DIFFERENCE;
        if (negligible) {
            return kind == Kind.LEVEL ? Verdict.AGREES : Verdict.NO_DIFFERENCE;
        }
        if (d.low() > 0 || d.high() < 0) {
            return kind == Kind.ABOVE && d.low() > 0 ? Verdict.AGREES : Verdict.DISAGREES;
        }
        return Verdict.CANNOT_TELL;
    }

    /** The values of one term by seed: its column in the rows of its method (missing values left out). */
    public static Map<Integer, Double> values(Table runs, Term term) {
        Map<Integer, Double> found = new LinkedHashMap<>();
        if (!runs.columnNames().contains(term.column())) {
            return found;
        }
        NumericColumn<?> values = runs.numberColumn(term.column());
        StringColumn methods = runs.stringColumn("method");
        boolean seeded = runs.columnNames().contains("seed");
        for (int i = 0; i < runs.rowCount(); i++) {
            if (methods.get(i).equals(term.method()) && !values.isMissing(i)) {
                int seed = seeded ? (int) runs.numberColumn("seed").getDouble(i) : -1 - i;
                found.put(seed, values.getDouble(i));
            }
        }
        return found;
    }

    /** Our estimate of one term: mean and standard deviation of its values over seeds. */
    public static Estimate estimate(Table runs, Term term) {
        return Estimate.of(values(runs, term).values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The checks as one markdown table under a bold heading (verdict, claim, where the paper makes it,
     * our two results, their difference with its interval), followed by a count of the verdicts: what a
     * lesson's "Reading it" cell shows for one family of claims.
     */
    public static String markdown(String heading, List<Check> checks) {
        StringBuilder md = new StringBuilder();
        if (heading != null && !heading.isBlank()) {
            md.append("**").append(heading).append("**\n\n");
        }
        md.append("| verdict | the paper's claim | where | first | second | first − second (95 % CI) | how |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Check c : checks) {
            boolean measured = c.verdict() != Verdict.NOT_MEASURED;
            md.append("| **").append(c.verdict().words()).append("** | ").append(cell(c.claim().says()))
                    .append(" | ").append(cell(c.claim().source()))
                    .append(" | ").append(cell(c.claim().a().label())).append(measured ? " " + c.a().text() : "")
                    .append(" | ").append(cell(c.claim().b().label())).append(measured ? " " + c.b().text() : "")
                    .append(" | ").append(!measured ? "–" : c.claim().kind() == Kind.NARROWER
                            ? String.format(Locale.ROOT, "std %.2f vs %.2f", c.a().std(), c.b().std()) : c.difference().text())
                    .append(" | ").append(c.claim().kind() == Kind.NARROWER ? "standard deviations" : c.difference().how())
                    .append(" |\n");
        }
        md.append('\n').append(tally(checks));
        return md.toString();
    }

    /**
     * The same claims checked on several runs tables (datasets, presets) as one markdown table: a row
     * per claim, a column per setting, each cell the verdict and the difference with its interval; the
     * last row counts the verdicts of each column. Verdicts grouped by claim family instead of a list.
     */
    public static String markdownBySetting(String heading, Map<String, Table> runs, List<Claim> claims) {
        List<String> settings = new ArrayList<>(runs.keySet());
        Map<String, List<Check>> checks = new LinkedHashMap<>();
        settings.forEach(k -> checks.put(k, check(runs.get(k), claims)));
        StringBuilder md = new StringBuilder();
        if (heading != null && !heading.isBlank()) {
            md.append("**").append(heading).append("**\n\n");
        }
        md.append("| the paper's claim | where |");
        settings.forEach(k -> md.append(' ').append(cell(k)).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(settings.size())).append('\n');
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            md.append("| ").append(cell(claim.says())).append(" | ").append(cell(claim.source())).append(" |");
            for (String k : settings) {
                Check c = checks.get(k).get(i);
                md.append(" **").append(c.verdict().words()).append("**");
                if (c.verdict() != Verdict.NOT_MEASURED && claim.kind() != Kind.NARROWER) {
                    md.append(' ').append(c.difference().text());
                }
                md.append(" |");
            }
            md.append('\n');
        }
        md.append("| *count* | |");
        settings.forEach(k -> md.append(' ').append(tally(checks.get(k))).append(" |"));
        return md.append('\n').toString();
    }

    /** "2 of 4 claims agree, 1 cannot tell, 1 disagrees." (every verdict that occurs, in the enum's order). */
    public static String tally(List<Check> checks) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        checks.forEach(c -> counts.merge(c.verdict(), 1, Integer::sum));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d of %d %s agree", counts.getOrDefault(Verdict.AGREES, 0),
                checks.size(), checks.size() == 1 ? "claim" : "claims"));
        counts.forEach((v, n) -> {
            if (v != Verdict.AGREES) {
                String words = v == Verdict.DISAGREES ? (n == 1 ? "disagrees" : "disagree") : v.words();
                s.append(String.format(Locale.ROOT, ", %d %s", n, words));
            }
        });
        return s.append('.').toString();
    }

    /**
     * The checks of the same claims under each preset of a runs table with a {@code preset} column
     * (the recorded tables): one table, a column per preset, in order of first appearance.
     */
    public static String markdownByPreset(String data, Table runs, List<Claim> claims) {
        Map<String, Table> byPreset = new LinkedHashMap<>();
        for (String preset : new LinkedHashSet<>(runs.stringColumn("preset").asList())) {
            byPreset.put(preset + " preset", runs.where(runs.stringColumn("preset").isEqualTo(preset)));
        }
        return markdownBySetting(data, byPreset, claims).strip();
    }

    /** The checks as a table: claim, source, ours (a), ours (b), difference, its interval, pairing, verdict. */
    public static Table table(List<Check> checks) {
        StringColumn says = StringColumn.create("the paper's claim");
        StringColumn source = StringColumn.create("where");
        StringColumn a = StringColumn.create("ours: first");
        StringColumn b = StringColumn.create("ours: second");
        DoubleColumn gap = DoubleColumn.create("difference");
        DoubleColumn low = DoubleColumn.create("95 % CI low");
        DoubleColumn high = DoubleColumn.create("95 % CI high");
        StringColumn how = StringColumn.create("how");
        StringColumn verdict = StringColumn.create("verdict");
        for (Check c : checks) {
            says.append(c.claim().says());
            source.append(c.claim().source());
            a.append(c.claim().a().label() + " " + c.a().text());
            b.append(c.claim().b().label() + " " + c.b().text());
            gap.append(Math.round(c.gap() * 100) / 100.0);
            low.append(Math.round(c.difference().low() * 100) / 100.0);
            high.append(Math.round(c.difference().high() * 100) / 100.0);
            how.append(c.difference().how());
            verdict.append(c.verdict().words());
        }
        return Table.create("The paper's claims, checked on our runs", says, source, a, b, gap, low, high, how, verdict);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
