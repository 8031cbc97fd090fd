package gcl.nb;

import gcl.experiment.Run;
import gcl.experiment.Symptoms;
import gcl.train.PseudoLabels;
import java.util.Locale;

/**
 * The checks of the "predict, then run" questions of lessons 03 and 03b: what the paper's threshold
 * does to D's share, which network ranks the test frames better, and whether D starts upside down.
 */
public final class LoopChecks {
    private LoopChecks() {
    }

    /** Lesson 03: the prediction (more or fewer) of the share D labels under μ + 0.1σ next to G's share. */
    public static Checks.Result papersShare(PseudoLabels generator, PseudoLabels papersDiscriminator, String predicted) {
        double g = generator.fractionAnomalous();
        double d = papersDiscriminator.fractionAnomalous();
        return Checks.choice("D's share under μ + 0.1σ", predicted, d > g ? "more" : "fewer", String.format(Locale.ROOT,
                "on this batch G labels %.1f %% and the paper's μ + 0.1σ would make D label %.1f %%. A threshold just above "
                        + "the mean labels about half of a symmetric spread; μ + σ only the tail.", 100 * g, 100 * d));
    }

    /** Lesson 03b: the prediction (G or D) of which network's score ranks the test frames better after training. */
    public static Checks.Result betterRanker(Run run, String predicted) {
        double g = run.metrics().aucGenerator();
        double d = run.metrics().aucDiscriminator();
        return Checks.choice("G or D", predicted, d > g ? "D" : "G", String.format(Locale.ROOT,
                "after the last epoch G's reconstruction error reaches %.1f %% frame AUC and D's probability %.1f %%. %s",
                100 * g, 100 * d, d > g ? "D, the student of G's noisy labels, ranks better, as the paper's Fig. 4 says."
                        : "Here the teacher beats the student (the paper finds the opposite). A **hypothesis**, not tested: "
                                + "D learns what G's high-error segments have in common, a cruder ranking than G's own error."));
    }

    /** Lesson 03b: the prediction (yes or no) that a run's D starts upside down (agreement with G below one half). */
    public static Checks.Result startsUpsideDown(Run run, String predicted) {
        double first = Symptoms.of(run.history()).get("d_agrees_g_first");
        return Checks.choice("upside down", predicted, first < 0.5 ? "yes" : "no", String.format(Locale.ROOT,
                "%s's D agrees with G's labels at %.2f in its first epoch (an AUC on the batch: 0.5 is chance)%s.",
                run.name(), first, first < 0.5 ? ": it ranks G's anomalies *below* G's normals" : ""));
    }
}
