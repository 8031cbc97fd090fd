package gcl.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's claims, checked against our runs: the computed "Reading it" of every lesson.
 *
 * <p>A {@link Claim} says how two results compare in the paper ("GCL_PT above AE_AllData", Table 2).
 * {@link #check} reads both from a table of runs (one row per method and seed, {@link Experiment#table})
 * and gives a {@link Verdict}: the difference of the two means is set against the <em>seed spread</em>,
 * the sum of their sample standard deviations. A difference larger than the spread counts: then the
 * runs agree or disagree with the paper. A smaller one is within the spread: these runs cannot tell
 * the two apart. (Plotted as mean ± std, a difference counts exactly when the two error bars do not
 * overlap.) With a single seed there is no spread: the verdict only says which way the numbers point.
 */
public final class Claims {
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
        WITHIN_SPREAD("within the seed spread"),
        DISAGREES("disagrees"),
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

        /**
         * "86.2 ± 0.7" (or "86.2" for one seed), one decimal, rounded as the summary tables round
         * ({@link Experiment#round} first), so the two never show different digits.
         */
        public String text() {
            double m = Experiment.round(mean);
            return seeds > 1 ? String.format(Locale.ROOT, "%.1f ± %.1f", m, Experiment.round(std)) : String.format(Locale.ROOT, "%.1f", m);
        }
    }

    /** A claim, the two estimates from our runs, and the verdict. */
    public record Check(Claim claim, Estimate a, Estimate b, Verdict verdict) {
        /** The gap a − b (means). */
        public double gap() {
            return a.mean() - b.mean();
        }

        /** The seed spread: the sum of the two standard deviations (NaN with one seed). */
        public double spread() {
            return a.std() + b.std();
        }

        /** The check in one or two sentences of markdown, with the numbers and the spread. */
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

        /** A number with one decimal, or two where one would hide a difference (0.45 vs 0.54). */
        private static String num(double v, double other) {
            for (int decimals = 1; decimals < 3; decimals++) {
                String fmt = "%." + decimals + "f";
                String mine = String.format(Locale.ROOT, fmt, v);
                if (!mine.equals(String.format(Locale.ROOT, fmt, other)) && Math.abs(v) >= 0.5 * Math.pow(10, -decimals)) {
                    return mine;
                }
            }
            return String.format(Locale.ROOT, "%.3f", v);
        }

        private String reason() {
            double gap = Math.abs(gap());
            String higher = gap() >= 0 ? claim.a().label() : claim.b().label();
            if (claim.kind() == Kind.NARROWER) {
                return String.format(Locale.ROOT, "standard deviations %.2f and %.2f; a spread estimated from %d seeds is itself uncertain",
                        a.std(), b.std(), Math.min(a.seeds(), b.seeds()));
            }
            if (Double.isNaN(spread())) {
                return String.format(Locale.ROOT, "%s is %s points higher; one seed has no spread to judge that by", higher, num(gap, 0));
            }
            String size = String.format(Locale.ROOT, "%s is %s points higher", higher, num(gap, spread()));
            String spreadText = "the seed spread (" + num(spread(), gap) + ")";
            if (claim.kind() == Kind.LEVEL) {
                return verdict == Verdict.AGREES
                        ? "a difference of " + num(gap, spread()) + ", within " + spreadText
                        : size + ", more than " + spreadText;
            }
            return verdict == Verdict.WITHIN_SPREAD
                    ? "a difference of " + num(gap, spread()) + ", smaller than " + spreadText + ": these runs cannot tell them apart"
                    : size + ", more than " + spreadText;
        }
    }

    /** Checks one claim against a table of runs (columns {@code method} and the terms' columns). */
    public static Check check(Table runs, Claim claim) {
        Estimate a = estimate(runs, claim.a());
        Estimate b = estimate(runs, claim.b());
        return new Check(claim, a, b, verdict(claim.kind(), a, b));
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
     * The verdict on two estimates: a difference of the means larger than the sum of the standard
     * deviations counts; with one seed only the direction is known. {@code NARROWER} compares the
     * standard deviations themselves (it needs two seeds or more on each side).
     */
    public static Verdict verdict(Kind kind, Estimate a, Estimate b) {
        if (a.seeds() == 0 || b.seeds() == 0) {
            return Verdict.NOT_MEASURED;
        }
        if (kind == Kind.NARROWER) {
            if (a.seeds() < 2 || b.seeds() < 2) {
                return Verdict.NOT_MEASURED;
            }
            return a.std() < b.std() ? Verdict.AGREES : Verdict.DISAGREES;
        }
        double gap = a.mean() - b.mean();
        double spread = a.std() + b.std();
        if (Double.isNaN(spread)) {
            boolean paperWay = kind == Kind.ABOVE ? gap > 0 : gap == 0;
            return paperWay ? Verdict.ONE_SEED_AGREES : Verdict.ONE_SEED_DISAGREES;
        }
        boolean counts = Math.abs(gap) > spread;
        if (kind == Kind.LEVEL) {
            return counts ? Verdict.DISAGREES : Verdict.AGREES;
        }
        if (!counts) {
            return Verdict.WITHIN_SPREAD;
        }
        return gap > 0 ? Verdict.AGREES : Verdict.DISAGREES;
    }

    /** Our estimate of one term: its column's values in the rows of its method (missing values left out). */
    public static Estimate estimate(Table runs, Term term) {
        if (!runs.columnNames().contains(term.column())) {
            return new Estimate(Double.NaN, Double.NaN, 0);
        }
        NumericColumn<?> values = runs.numberColumn(term.column());
        StringColumn methods = runs.stringColumn("method");
        List<Double> found = new ArrayList<>();
        for (int i = 0; i < runs.rowCount(); i++) {
            if (methods.get(i).equals(term.method()) && !values.isMissing(i)) {
                found.add(values.getDouble(i));
            }
        }
        return Estimate.of(found.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The checks as a markdown list under a bold heading, followed by a count of the verdicts:
     * what a lesson's "Reading it" cell shows.
     */
    public static String markdown(String heading, List<Check> checks) {
        StringBuilder md = new StringBuilder();
        if (heading != null && !heading.isBlank()) {
            md.append("**").append(heading).append("**\n\n");
        }
        for (Check c : checks) {
            md.append("- ").append(c.sentence()).append('\n');
        }
        md.append('\n').append(tally(checks));
        return md.toString();
    }

    /** "2 of 4 claims agree, 1 within the seed spread, 1 disagrees." */
    public static String tally(List<Check> checks) {
        int agree = 0;
        int within = 0;
        int disagree = 0;
        int other = 0;
        for (Check c : checks) {
            switch (c.verdict()) {
                case AGREES -> agree++;
                case WITHIN_SPREAD -> within++;
                case DISAGREES -> disagree++;
                default -> other++;
            }
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d of %d %s agree", agree, checks.size(),
                checks.size() == 1 ? "claim" : "claims"));
        if (within > 0) {
            s.append(String.format(Locale.ROOT, ", %d within the seed spread", within));
        }
        if (disagree > 0) {
            s.append(String.format(Locale.ROOT, ", %d %s", disagree, disagree == 1 ? "disagrees" : "disagree"));
        }
        if (other > 0) {
            s.append(String.format(Locale.ROOT, ", %d on one seed or not measured", other));
        }
        return s.append('.').toString();
    }

    /**
     * The checks of the same claims under each preset of a runs table with a {@code preset} column
     * (the recorded tables): one markdown block per preset, in order of first appearance.
     */
    public static String markdownByPreset(String data, Table runs, List<Claim> claims) {
        StringBuilder md = new StringBuilder();
        for (String preset : new LinkedHashSet<>(runs.stringColumn("preset").asList())) {
            Table sub = runs.where(runs.stringColumn("preset").isEqualTo(preset));
            md.append(markdown(data + ", " + preset + " preset", check(sub, claims))).append("\n\n");
        }
        return md.toString().strip();
    }

    /** The checks as a table: claim, source, ours (a), ours (b), gap, spread, verdict. */
    public static Table table(List<Check> checks) {
        StringColumn says = StringColumn.create("the paper's claim");
        StringColumn source = StringColumn.create("where");
        StringColumn a = StringColumn.create("ours: first");
        StringColumn b = StringColumn.create("ours: second");
        DoubleColumn gap = DoubleColumn.create("difference");
        DoubleColumn spread = DoubleColumn.create("seed spread");
        IntColumn seeds = IntColumn.create("seeds");
        StringColumn verdict = StringColumn.create("verdict");
        for (Check c : checks) {
            says.append(c.claim().says());
            source.append(c.claim().source());
            a.append(c.claim().a().label() + " " + c.a().text());
            b.append(c.claim().b().label() + " " + c.b().text());
            gap.append(Math.round(c.gap() * 10) / 10.0);
            spread.append(Math.round(c.spread() * 10) / 10.0);
            seeds.append(Math.min(c.a().seeds(), c.b().seeds()));
            verdict.append(c.verdict().words());
        }
        return Table.create("The paper's claims, checked on our runs", says, source, a, b, gap, spread, seeds, verdict);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
