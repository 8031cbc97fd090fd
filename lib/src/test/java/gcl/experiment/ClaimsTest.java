package gcl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.experiment.Claims.Claim;
import gcl.experiment.Claims.Estimate;
import gcl.experiment.Claims.Kind;
import gcl.experiment.Claims.Term;
import gcl.experiment.Claims.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ClaimsTest {
    /** A runs table: one row per (method, AUC). */
    private static Table runs(String[] methods, double[] auc) {
        return Table.create("runs", StringColumn.create("method", methods), DoubleColumn.create("AUC %", auc));
    }

    @Test
    void estimateIsTheMeanAndTheSampleStandardDeviation() {
        Estimate e = Estimate.of(new double[] {1, 2, 3});
        assertEquals(2.0, e.mean(), 1e-12);
        assertEquals(1.0, e.std(), 1e-12, "sqrt(((1-2)² + 0 + (3-2)²) / (3 - 1)) = 1");
        assertEquals(3, e.seeds());
        assertTrue(Double.isNaN(Estimate.of(new double[] {5}).std()), "one seed has no spread");
    }

    /** Runs with seeds: method, seed, AUC. */
    private static Table seeded(String[] methods, int[] seeds, double[] auc) {
        return Table.create("runs", StringColumn.create("method", methods), IntColumn.create("seed", seeds),
                DoubleColumn.create("AUC %", auc));
    }

    /** A and B over seeds 1..n. */
    private static Table pairs(double[] a, double[] b) {
        int n = a.length;
        String[] m = new String[2 * n];
        int[] seeds = new int[2 * n];
        double[] v = new double[2 * n];
        for (int i = 0; i < n; i++) {
            m[i] = "A";
            m[n + i] = "B";
            seeds[i] = i + 1;
            seeds[n + i] = i + 1;
            v[i] = a[i];
            v[n + i] = b[i];
        }
        return seeded(m, seeds, v);
    }

    @Test
    void theIntervalIsStudentsTOverThePairedDifferences() {
        // differences 1, 2, 3: mean 2, std 1, t(0.975, 2) = 4.3027: 2 ± 4.3027 / √3 = 2 ± 2.4841
        var d = PairedDifference.of(Map.of(1, 11.0, 2, 12.0, 3, 13.0), Map.of(1, 10.0, 2, 10.0, 3, 10.0));
        assertEquals(PairedDifference.Pairing.PAIRED, d.pairing());
        assertEquals(2.0, d.mean(), 1e-12);
        assertEquals(2 - 2.4841, d.low(), 1e-3);
        assertEquals(2 + 2.4841, d.high(), 1e-3);
        assertEquals(12.706, PairedDifference.tQuantile(1), 1e-3);
        assertEquals(2.776, PairedDifference.tQuantile(4), 1e-3);
    }

    @Test
    void seedsThatAreNotSharedGiveWelchsInterval() {
        // a: 10, 12 (mean 11, var 2); b: 7, 9 (mean 8, var 2): se = √(1 + 1) = √2, df = 4 / (1 + 1) = 2
        var d = PairedDifference.of(Map.of(1, 10.0, 2, 12.0), Map.of(3, 7.0, 4, 9.0));
        assertEquals(PairedDifference.Pairing.WELCH, d.pairing());
        assertEquals(3.0, d.mean(), 1e-12);
        assertEquals(3 - 4.3027 * Math.sqrt(2), d.low(), 1e-3);
        var one = PairedDifference.of(Map.of(1, 10.0), Map.of(1, 7.0, 2, 9.0));
        assertEquals(PairedDifference.Pairing.NONE, one.pairing());
        assertTrue(Double.isNaN(one.low()));
    }

    /** Issue 24's first case: a gap of 0.39 against a std sum of 0.38 counted as "agrees"; it is below the difference that matters. */
    @Test
    void aTinyButSteadyGapIsNoDifferenceThatMatters() {
        // a 80.0, 80.2, 80.4 (std 0.20); b 79.63, 79.81, 79.99 (std 0.18): gap 0.39 > 0.38 (the old rule: agrees)
        // differences 0.37, 0.39, 0.41: 0.39 ± 4.3027 · 0.02 / √3 = 0.39 ± 0.05, inside ±1
        Table t = pairs(new double[] {80.0, 80.2, 80.4}, new double[] {79.63, 79.81, 79.99});
        var check = Claims.check(t, Claim.above("A beats B", "A", "B", "test"));
        assertEquals(0.39, check.gap(), 1e-9);
        assertEquals(0.39 - 0.0497, check.difference().low(), 1e-3);
        assertEquals(Verdict.NO_DIFFERENCE, check.verdict());
        assertEquals(Verdict.AGREES, Claims.check(t, Claim.level("A like B", "A", "B", "test")).verdict());
    }

    /** Issue 24's second case: 1.79 against a std sum of 1.76; whether it counts depends on the pairs, not on the sums. */
    @Test
    void theSameMeansAgreeOrCannotTellDependingOnThePairs() {
        double[] a = {81.12, 82.0, 82.88};          // mean 82.00, std 0.88
        double[] crossed = {81.09, 80.21, 79.33};   // mean 80.21, std 0.88: differences 0.03, 1.79, 3.55
        double[] steady = {79.33, 80.21, 81.09};    // the same values, differences 1.79 on every seed
        var noisy = Claims.check(pairs(a, crossed), Claim.above("A beats B", "A", "B", "test"));
        assertEquals(1.79, noisy.gap(), 1e-9);
        // sd of the differences 1.76: 1.79 ± 4.3027 · 1.76 / √3 = 1.79 ± 4.37, includes 0 and ±1
        assertEquals(1.79 - 4.3721, noisy.difference().low(), 1e-3);
        assertEquals(Verdict.CANNOT_TELL, noisy.verdict());
        assertTrue(noisy.sentence().contains("the interval includes 0"), noisy.sentence());
        var clear = Claims.check(pairs(a, steady), Claim.above("A beats B", "A", "B", "test"));
        assertEquals(Verdict.AGREES, clear.verdict());
        assertEquals(Verdict.DISAGREES, Claims.check(pairs(a, steady), Claim.above("B beats A", "B", "A", "test")).verdict());
        assertEquals(Verdict.DISAGREES, Claims.check(pairs(a, steady), Claim.level("A like B", "A", "B", "test")).verdict());
    }

    /** Issue 24's third case: 49.4 vs 49.1 "pointed the paper's way"; both are at chance. */
    @Test
    void twoResultsAtChanceTestNothing() {
        Table one = seeded(new String[] {"A", "B"}, new int[] {1, 1}, new double[] {49.4, 49.1});
        assertEquals(Verdict.BOTH_AT_CHANCE, Claims.check(one, Claim.above("A beats B", "A", "B", "test")).verdict());
        // three seeds: A 49.0, 49.4, 49.8 (49.4 ± 0.99), B 48.6, 49.1, 49.6 (49.1 ± 1.24): both within 45..55
        Table three = pairs(new double[] {49.0, 49.4, 49.8}, new double[] {48.6, 49.1, 49.6});
        assertEquals(Verdict.BOTH_AT_CHANCE, Claims.check(three, Claim.above("A beats B", "A", "B", "test")).verdict());
        // one of them off chance: the rule applies again (A 60 on one seed, B 49.1: one seed, A's way)
        Table off = seeded(new String[] {"A", "B"}, new int[] {1, 1}, new double[] {60, 49.1});
        assertEquals(Verdict.ONE_SEED_AGREES, Claims.check(off, Claim.above("A beats B", "A", "B", "test")).verdict());
        // an interval that reaches outside the band is not at chance: 50, 60 has mean 55 ± 63.5
        Table wide = pairs(new double[] {50, 60}, new double[] {49, 51});
        assertEquals(Verdict.CANNOT_TELL, Claims.check(wide, Claim.above("A beats B", "A", "B", "test")).verdict());
    }

    @Test
    void oneSeedGivesOnlyADirection() {
        Table t = runs(new String[] {"A", "B"}, new double[] {60, 70});
        assertEquals(Verdict.ONE_SEED_DISAGREES, Claims.check(t, Claim.above("A beats B", "A", "B", "test")).verdict());
        assertEquals(Verdict.ONE_SEED_AGREES, Claims.check(t, Claim.above("B beats A", "B", "A", "test")).verdict());
        assertTrue(Claims.check(t, Claim.above("B beats A", "B", "A", "test")).sentence().contains("one seed has no interval"));
    }

    @Test
    void aMethodMissingFromTheRunsIsNotMeasured() {
        Table t = runs(new String[] {"A", "A"}, new double[] {1, 2});
        var check = Claims.check(t, Claim.above("A beats C", "A", "C", "test"));
        assertEquals(Verdict.NOT_MEASURED, check.verdict());
        assertTrue(check.sentence().contains("Not in these runs: C"), check.sentence());
    }

    @Test
    void narrowerComparesStandardDeviations() {
        // A: std 1; B: std 2
        Table t = runs(new String[] {"A", "A", "A", "B", "B", "B"}, new double[] {1, 2, 3, 0, 2, 4});
        var claim = new Claim("A varies less", Term.of("A"), Kind.NARROWER, Term.of("B"), "test");
        assertEquals(Verdict.AGREES, Claims.check(t, claim).verdict());
        var reverse = new Claim("B varies less", Term.of("B"), Kind.NARROWER, Term.of("A"), "test");
        assertEquals(Verdict.DISAGREES, Claims.check(t, reverse).verdict());
    }

    @Test
    void termsReadTheirOwnColumn() {
        Table t = Table.create("runs", StringColumn.create("method", "M", "M"),
                DoubleColumn.create("AUC_G %", 50, 52), DoubleColumn.create("AUC_D %", 80, 82));
        var claim = new Claim("D beats G", Term.of("M", "AUC_D %", "D"), Kind.ABOVE, Term.of("M", "AUC_G %", "G"), "test");
        var check = Claims.check(t, claim);
        assertEquals(Verdict.AGREES, check.verdict());
        assertEquals(81.0, check.a().mean(), 1e-12);
        assertTrue(check.sentence().startsWith("**Agrees** — *D beats G* (test). Here: D 81.0 ± 1.4, G 51.0 ± 1.4 (2 seeds)"), check.sentence());
    }

    @Test
    void markdownIsOneTableAndCountsTheVerdicts() {
        Table t = seeded(new String[] {"A", "A", "B", "B", "C", "C"}, new int[] {1, 2, 1, 2, 1, 2}, new double[] {70, 72, 60, 61, 40, 75});
        List<Claim> claims = List.of(Claim.above("A beats B", "A", "B", "t"), Claim.above("B beats A", "B", "A", "t"),
                Claim.above("A beats C", "A", "C", "t"));
        String md = Claims.markdown("Reading it", Claims.check(t, claims));
        assertTrue(md.startsWith("**Reading it**"), md);
        assertEquals(3 + 2, md.lines().filter(l -> l.startsWith("|")).count(), md);
        // A − B: 10, 11 (10.5 ± 6.35: agrees); A − C: 30, −3 (cannot tell)
        assertTrue(md.contains("| **agrees** | A beats B |"), md);
        assertTrue(md.endsWith("1 of 3 claims agree, 1 disagrees, 1 cannot tell."), md);
    }

    @Test
    void settingsSideBySideMakeOneRowPerClaim() {
        Table agree = pairs(new double[] {70, 72, 71}, new double[] {60, 61, 62});
        Table level = pairs(new double[] {70, 70.1, 70.2}, new double[] {70, 70.1, 70.3});
        var settings = new LinkedHashMap<String, Table>();
        settings.put("set 1", agree);
        settings.put("set 2", level);
        String md = Claims.markdownBySetting("Table 2", settings, List.of(Claim.above("A beats B", "A", "B", "t")));
        assertTrue(md.contains("| the paper's claim | where | set 1 | set 2 |"), md);
        assertTrue(md.contains("| A beats B | t | **agrees** +10.0 (7.5 to 12.5) | **no difference that matters** −0.03 (−0.18 to 0.11) |"), md);
        assertTrue(md.contains("| *count* | | 1 of 1 claim agree. | 0 of 1 claim agree, 1 no difference that matters. |"), md);
    }

    @Test
    void thePapersOwnNumbersSatisfyItsTable2Claims() {
        // the paper's UCF-Crime numbers as one "seed" per method: every Table 2 claim points its way
        List<String> methods = List.of("AE_AllData", "AE_OCC", "AE_TD", "GCL w/o NL", "GCL_B", "GCL_PT", "GCL_OCC");
        Table t = runs(methods.toArray(String[]::new), methods.stream().mapToDouble(PaperNumbers::ucfCrime).toArray());
        for (var check : Claims.check(t, PaperClaims.table2())) {
            assertEquals(Verdict.ONE_SEED_AGREES, check.verdict(), check.sentence());
        }
    }
}
