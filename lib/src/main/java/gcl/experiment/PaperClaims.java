package gcl.experiment;

import gcl.experiment.Claims.Claim;
import gcl.experiment.Claims.Kind;
import gcl.experiment.Claims.Term;
import java.util.List;
import java.util.Locale;

/**
 * What the paper claims, figure by figure, as {@link Claim}s that {@link Claims#check} sets against
 * our runs. Method names are those of {@link PaperTrials}; where the paper gives numbers (UCF-Crime,
 * {@link PaperNumbers}) the claim's source quotes them.
 */
public final class PaperClaims {
    private PaperClaims() {
    }

    /** Table 2's steps, each a component the paper adds and finds helpful. */
    public static List<Claim> table2() {
        return List.of(
                table2("TD cleaning helps an autoencoder", "AE_TD", "AE_AllData"),
                table2("training on normal videos only helps more", "AE_OCC", "AE_TD"),
                table2("cooperative learning, even without negative learning, beats an autoencoder on all data", "GCL w/o NL", "AE_AllData"),
                table2("negative learning helps", "GCL_B", "GCL w/o NL"),
                table2("pre-training G on TD-cleaned data helps", "GCL_PT", "GCL_B"),
                table2("one-class pre-training helps more", "GCL_OCC", "GCL_PT"),
                centralClaim());
    }

    /** The paper's central claim: unsupervised GCL (GCL_PT) beats an autoencoder trained on all data. */
    public static Claim centralClaim() {
        return table2("GCL, unsupervised, beats an autoencoder trained on all data", "GCL_PT", "AE_AllData");
    }

    /** Lesson 02's two claims: TD cleaning helps, and normal-only training is better still. */
    public static List<Claim> cleaning() {
        return table2().subList(0, 2);
    }

    /**
     * Fig. 4: inside GCL_B, D separates normal from anomalous test segments better than G, and G
     * better than an autoencoder trained on all data.
     */
    public static List<Claim> fig4() {
        return List.of(
                new Claim("D separates the classes better than G (D, the efficient student)",
                        Term.of("GCL_B", "AUC_D %", "D in GCL_B"), Kind.ABOVE, Term.of("GCL_B", "AUC_G %", "G in GCL_B"), "Fig. 4 (c) vs (b)"),
                new Claim("G in GCL separates the classes better than an autoencoder on all data",
                        Term.of("GCL_B", "AUC_G %", "G in GCL_B"), Kind.ABOVE, Term.of("AE_AllData", "AUC %", "AE_AllData"), "Fig. 4 (b) vs (a)"));
    }

    /**
     * Fig. 5, for the score named by {@code column} ({@code AUC_D %} or {@code AUC_G %}) after the last
     * epoch: the {@code ones} target best, σ = 6 between, σ = 1.5 like no negative learning. The
     * method names are those of {@link PaperTrials#negativeTargets}.
     */
    public static List<Claim> fig5(String column) {
        String who = column.contains("_G") ? "G" : "D";
        Term ones = Term.of("NL: ones", column, who + " with ones");
        String source = "Fig. 5, no numbers given";
        return List.of(
                new Claim("the ones target beats random normal", ones, Kind.ABOVE, Term.of("NL: random normal", column, who + " with random normal"), source),
                new Claim("the ones target beats Gaussian σ = 6", ones, Kind.ABOVE, Term.of("NL: gaussian σ=6.0", column, who + " with σ = 6"), source),
                new Claim("the ones target beats no negative learning", ones, Kind.ABOVE, Term.of("no NL", column, who + " without NL"), source),
                new Claim("Gaussian σ = 6 beats σ = 1.5", Term.of("NL: gaussian σ=6.0", column, who + " with σ = 6"), Kind.ABOVE,
                        Term.of("NL: gaussian σ=1.5", column, who + " with σ = 1.5"), source),
                new Claim("Gaussian σ = 1.5 behaves like no negative learning", Term.of("NL: gaussian σ=1.5", column, who + " with σ = 1.5"),
                        Kind.LEVEL, Term.of("no NL", column, who + " without NL"), source));
    }

    /**
     * Fig. 9: both G and D gain from weak labels, with a large jump already at 33 % (method names of
     * {@link PaperTrials#weakSupervision}).
     */
    public static List<Claim> fig9() {
        String source = "Fig. 9, no numbers given";
        return List.of(
                new Claim("33 % weak labels already lift D", Term.of("GCL_WS 33 %", "AUC_D %", "D at 33 %"), Kind.ABOVE,
                        Term.of("GCL_WS 0 %", "AUC_D %", "D at 0 %"), source),
                new Claim("33 % weak labels already lift G", Term.of("GCL_WS 33 %", "AUC_G %", "G at 33 %"), Kind.ABOVE,
                        Term.of("GCL_WS 0 %", "AUC_G %", "G at 0 %"), source),
                new Claim("D gains from full weak supervision", Term.of("GCL_WS 100 %", "AUC_D %", "D at 100 %"), Kind.ABOVE,
                        Term.of("GCL_WS 0 %", "AUC_D %", "D at 0 %"), source),
                new Claim("G gains from full weak supervision", Term.of("GCL_WS 100 %", "AUC_G %", "G at 100 %"), Kind.ABOVE,
                        Term.of("GCL_WS 0 %", "AUC_G %", "G at 0 %"), source));
    }

    /** Fig. 10: over seeds, GCL_PT has the higher mean and the smaller spread. */
    public static List<Claim> fig10() {
        double[] b = PaperNumbers.tenSeeds("GCL_B");
        double[] pt = PaperNumbers.tenSeeds("GCL_PT");
        String source = String.format(Locale.ROOT, "Fig. 10, 10 seeds: %.2f ± %.2f vs %.2f ± %.2f", pt[0], pt[1], b[0], b[1]);
        return List.of(
                Claim.above("pre-training raises the mean over seeds", "GCL_PT", "GCL_B", source),
                new Claim("pre-training narrows the spread over seeds", Term.of("GCL_PT"), Kind.NARROWER, Term.of("GCL_B"), source));
    }

    /** Section 4.2: one-class pre-training beats TD pre-training; D's thresholded labels are what make GCL work. */
    public static List<Claim> supervision() {
        return List.of(
                table2("one-class pre-training beats TD pre-training", "GCL_OCC", "GCL_PT"),
                table2("G needs D's labels: on its own labels it does worse", "GCL_PT", "G on own labels"),
                table2("D needs thresholded labels: soft labels do worse", "GCL_PT", "soft labels"));
    }

    /** A claim "a above b" with the paper's UCF-Crime numbers of both as its source. */
    private static Claim table2(String says, String a, String b) {
        String source = String.format(Locale.ROOT, "paper, UCF-Crime: %s %.2f vs %s %.2f",
                a, PaperNumbers.ucfCrime(a), b, PaperNumbers.ucfCrime(b));
        return Claim.above(says, a, b, source);
    }
}
