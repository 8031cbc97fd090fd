package gcl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.experiment.Claims.Claim;
import gcl.experiment.Claims.Estimate;
import gcl.experiment.Claims.Kind;
import gcl.experiment.Claims.Term;
import gcl.experiment.Claims.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
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

    @Test
    void aGapLargerThanTheSumOfTheStandardDeviationsCounts() {
        // a: 10, 12 (mean 11, std √2 ≈ 1.414); b: 7, 9 (mean 8, std 1.414): gap 3 > spread 2.83
        Table t = runs(new String[] {"A", "A", "B", "B"}, new double[] {10, 12, 7, 9});
        var check = Claims.check(t, Claim.above("A beats B", "A", "B", "test"));
        assertEquals(Verdict.AGREES, check.verdict());
        assertEquals(3.0, check.gap(), 1e-12);
        assertEquals(2 * Math.sqrt(2), check.spread(), 1e-12);
        assertEquals(Verdict.DISAGREES, Claims.check(t, Claim.above("B beats A", "B", "A", "test")).verdict());
    }

    @Test
    void aGapSmallerThanTheSpreadIsWithinIt() {
        // a: 10, 12 (mean 11); b: 8, 12 (mean 10, std 2.83): gap 1 < spread 4.24
        Table t = runs(new String[] {"A", "A", "B", "B"}, new double[] {10, 12, 8, 12});
        assertEquals(Verdict.WITHIN_SPREAD, Claims.check(t, Claim.above("A beats B", "A", "B", "test")).verdict());
        assertEquals(Verdict.WITHIN_SPREAD, Claims.check(t, Claim.above("B beats A", "B", "A", "test")).verdict());
        assertEquals(Verdict.AGREES, Claims.check(t, Claim.level("A like B", "A", "B", "test")).verdict());
    }

    @Test
    void aLevelClaimFailsWhenTheGapCounts() {
        Table t = runs(new String[] {"A", "A", "B", "B"}, new double[] {10, 12, 7, 9});
        assertEquals(Verdict.DISAGREES, Claims.check(t, Claim.level("A like B", "A", "B", "test")).verdict());
    }

    @Test
    void oneSeedGivesOnlyADirection() {
        Table t = runs(new String[] {"A", "B"}, new double[] {60, 70});
        assertEquals(Verdict.ONE_SEED_DISAGREES, Claims.check(t, Claim.above("A beats B", "A", "B", "test")).verdict());
        assertEquals(Verdict.ONE_SEED_AGREES, Claims.check(t, Claim.above("B beats A", "B", "A", "test")).verdict());
        assertTrue(Claims.check(t, Claim.above("B beats A", "B", "A", "test")).sentence().contains("one seed has no spread"));
    }

    /** A difference and a spread that round alike are shown with more decimals, so the words never read "1.0, more than 1.0". */
    @Test
    void closeNumbersGetMoreDecimals() {
        // a: 11.01, 11.01 (std 0); b: 9.5, 10.5 (mean 10, std 0.7071): gap 1.01 > spread 0.7071
        Table t = runs(new String[] {"A", "A", "B", "B"}, new double[] {11.01, 11.01, 9.5, 10.5});
        String s = Claims.check(t, Claim.above("A beats B", "A", "B", "test")).sentence();
        assertTrue(s.contains("A is 1.0 points higher, more than the seed spread (0.7)"), s);
        // gap 0.71 vs spread 0.7071: one and two decimals print them alike, three tell them apart
        Table u = runs(new String[] {"A", "A", "B", "B"}, new double[] {10.71, 10.71, 9.5, 10.5});
        String w = Claims.check(u, Claim.above("A beats B", "A", "B", "test")).sentence();
        assertTrue(w.contains("A is 0.710 points higher, more than the seed spread (0.707)"), w);
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
    void markdownListsEveryCheckAndCountsTheVerdicts() {
        Table t = runs(new String[] {"A", "A", "B", "B", "C", "C"}, new double[] {10, 12, 7, 9, 8, 12});
        List<Claim> claims = List.of(Claim.above("A beats B", "A", "B", "t"), Claim.above("B beats A", "B", "A", "t"),
                Claim.above("A beats C", "A", "C", "t"));
        String md = Claims.markdown("Reading it", Claims.check(t, claims));
        assertTrue(md.startsWith("**Reading it**"), md);
        assertEquals(3, md.lines().filter(l -> l.startsWith("- ")).count());
        assertTrue(md.endsWith("1 of 3 claims agree, 1 within the seed spread, 1 disagrees."), md);
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
