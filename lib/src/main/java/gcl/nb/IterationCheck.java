package gcl.nb;

import gcl.Seeds;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.PseudoLabels;
import gcl.train.PseudoTargets;
import gcl.train.Threshold;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The check of lesson 03's exercise: one cooperative iteration (section 3.2, Eq. 1–6) written by the
 * student in plain ND4J, compared step by step with {@link GclModel}'s own steps on the same batch,
 * from a fresh model of the same config and seed. The student computes each equation with ND4J array
 * operations and takes the two optimiser steps with the networks' {@code fit}; the check names the
 * first step whose result differs, with a hint.
 *
 * <p>The steps, in the order they are compared: (1) G's errors L_G^q = ‖f^q − f̂^q‖₂ (Eq. 1); (2) G's
 * labels, L_G^q ≥ μ + σ of the batch (Eq. 2); (3) D's loss L_D before its step (Eq. 3); (4) D's
 * probabilities after its step; (5) D's labels, p̂^q ≥ μ + 0.1σ (Eq. 4); (6) the pseudo targets, the
 * input where l_D = 0 and ones where l_D = 1 (Eq. 6); (7) G's loss L_G before its step (Eq. 5);
 * (8) G after its step (its reconstructions of the batch).
 */
public final class IterationCheck {
    /** The exercise's name in {@link Checks}. */
    public static final String EXERCISE = "one cooperative iteration";
    /** Absolute and relative tolerance of a compared number (float32 arithmetic in another order). */
    static final double TOLERANCE = 1e-4;

    private IterationCheck() {
    }

    /**
     * The student's iteration: each step's result, null (or NaN for a loss) where the step is not
     * written yet.
     *
     * @param errors              L_G^q for each row of the batch (Eq. 1)
     * @param generatorLabels     l_G^q, 1 or 0 (Eq. 2)
     * @param discriminatorLoss   L_D on the batch before D's step (Eq. 3)
     * @param probabilities       p̂^q of D after its step
     * @param discriminatorLabels l_D^q, 1 or 0 (Eq. 4)
     * @param targets             t^q, a [b, d] array (Eq. 6)
     * @param generatorLoss       L_G towards the targets before G's step (Eq. 5)
     * @param model               the student's model after both steps
     */
    public record Steps(INDArray errors, INDArray generatorLabels, double discriminatorLoss, INDArray probabilities,
                        INDArray discriminatorLabels, INDArray targets, double generatorLoss, GclModel model) {
    }

    /** The library's own iteration on a batch, from a fresh model of the config (the reference). */
    static Steps reference(GclConfig config, INDArray batch) {
        requirePaperRecipe(config);
        GclModel model = GclModel.create(config, batch.columns());
        INDArray errors = model.reconstructionErrors(batch);
        PseudoLabels lG = model.generatorLabels(errors);
        double lossD = model.trainDiscriminator(batch, lG.labels());
        INDArray p = model.discriminatorScores(batch);
        PseudoLabels lD = model.discriminatorLabels(p, lG);
        PseudoTargets targets = model.pseudoTargets(batch, lD.labels(), new Seeds(config.seed()).random("lesson.targets"));
        double lossG = model.trainGenerator(batch, targets);
        return new Steps(errors, lG.labels(), lossD, p, lD.labels(), targets.targets(), lossG, model);
    }

    /** The exercise's iteration follows the paper's recipe on raw features: μ + σ, μ + 0.1σ, ones, no centring. */
    static void requirePaperRecipe(GclConfig config) {
        if (!config.generatorThreshold().equals(Threshold.PAPER_GENERATOR)
                || !config.discriminatorThreshold().equals(Threshold.PAPER_DISCRIMINATOR)
                || !"ones".equals(config.negativeTarget().id())
                || !"none".equals(config.videoCentring().id())
                || config.discriminatorPrior() > 0
                || config.variant().softLabels() || config.variant().generatorOwnLabels()) {
            throw new IllegalArgumentException("the iteration exercise follows the paper's recipe: "
                    + "use config.withPreset(Preset.PAPER) with a variant of hard labels (GCL_B)");
        }
    }

    /**
     * Compares the student's iteration with the library's on the same batch: ✅ when every step agrees,
     * else ❌ naming the first step that differs, with a hint.
     *
     * @param config the config the student's model was made from ({@code GclModel.create(config, d)})
     * @param batch  the batch of features [b, d] the student's iteration ran on
     * @param mine   the student's steps
     */
    public static Checks.Result check(GclConfig config, INDArray batch, Steps mine) {
        Steps ref = reference(config, batch);
        String problem = firstDifference(mine, ref, batch);
        if (problem == null) {
            return new Checks.Result(EXERCISE, true, String.format(Locale.ROOT,
                    "every step agrees with GclModel's on this batch of %d segments (L_D = %.4f, L_G = %.4f, "
                            + "G labelled %.1f %%, D labelled %.1f %%).", batch.rows(), ref.discriminatorLoss(),
                    ref.generatorLoss(), 100 * ref.generatorLabels().meanNumber().doubleValue(),
                    100 * ref.discriminatorLabels().meanNumber().doubleValue()));
        }
        return new Checks.Result(EXERCISE, false, problem);
    }

    /** The first step of the student's iteration that differs from the reference, as a hint; null when none does. */
    static String firstDifference(Steps mine, Steps ref, INDArray batch) {
        if (mine == null) {
            return "not answered yet.";
        }
        if (mine.errors() == null) {
            return "not answered yet: start with step 1 (Eq. 1).";
        }
        if (!close(mine.errors(), ref.errors())) {
            return step(1, "G's reconstruction errors L_G^q (Eq. 1)", mine.errors(), ref.errors(),
                    "one number per row: the L2 norm of f − f̂ along the features, f̂ = G's reconstruction "
                            + "before any step (e.g. x.sub(fHat).norm2(1)), not squared, not averaged.");
        }
        if (!equal(mine.generatorLabels(), ref.generatorLabels())) {
            return step(2, "G's pseudo-labels l_G (Eq. 2)", mine.generatorLabels(), ref.generatorLabels(),
                    labelHint(mine.generatorLabels(), ref.errors(), 1.0, "L_G^th = μ_R + σ_R"));
        }
        if (!close(mine.discriminatorLoss(), ref.discriminatorLoss())) {
            return String.format(Locale.ROOT, "step 3, D's loss L_D (Eq. 3), differs: yours %s, expected %.5f. "
                    + "Hint: the binary cross entropy of D's probabilities on the batch *before* its step against "
                    + "l_G, −(1/b) Σ [l ln p̂ + (1 − l) ln(1 − p̂)] (D's fit returns it).",
                    number(mine.discriminatorLoss()), ref.discriminatorLoss());
        }
        if (!close(mine.probabilities(), ref.probabilities())) {
            return step(4, "D's probabilities p̂ after its step", mine.probabilities(), ref.probabilities(),
                    "take exactly one step of D on G's labels (model.discriminator().fit(x, lG)), then ask D "
                            + "for its probabilities on the same batch.");
        }
        if (!equal(mine.discriminatorLabels(), ref.discriminatorLabels())) {
            return step(5, "D's pseudo-labels l_D (Eq. 4)", mine.discriminatorLabels(), ref.discriminatorLabels(),
                    labelHint(mine.discriminatorLabels(), ref.probabilities(), 0.1, "L_D^th = μ_P + 0.1 σ_P"));
        }
        if (!close(mine.targets(), ref.targets())) {
            return step(6, "the pseudo targets t (Eq. 6)", mine.targets(), ref.targets(),
                    "a [b, d] array: row q is f^q where l_D^q = 0 and a row of ones where l_D^q = 1.");
        }
        if (!close(mine.generatorLoss(), ref.generatorLoss())) {
            return String.format(Locale.ROOT, "step 7, G's loss L_G (Eq. 5), differs: yours %s, expected %.5f. "
                    + "Hint: the mean over the batch of ‖t^q − f̂^q‖₂, with f̂ G's reconstruction before its step "
                    + "(not squared; G's fit returns it).", number(mine.generatorLoss()), ref.generatorLoss());
        }
        if (mine.model() == null) {
            return "step 7: give the model you trained (the last field of Steps), so that G's step can be compared.";
        }
        try (INDArray after = mine.model().generator().reconstruct(batch);
             INDArray expected = ref.model().generator().reconstruct(batch)) {
            if (!close(after, expected)) {
                return "step 7, G after its step, differs from GclModel's: take exactly one step of G towards "
                        + "your targets (model.generator().fit(x, targets)), after D's step, on a model made "
                        + "with GclModel.create(config, d) from the same config.";
            }
        }
        return null;
    }

    private static String labelHint(INDArray mine, INDArray scores, double k, String threshold) {
        double[] s = scores.toDoubleVector();
        String hint = "1 where the score is at least " + threshold + " of this batch, else 0.";
        if (mine != null && mine.length() == s.length) {
            // the most common slip: ND4J's std() divides by b − 1; the threshold's σ divides by b
            double mean = 0;
            for (double v : s) {
                mean += v;
            }
            mean /= s.length;
            double var = 0;
            for (double v : s) {
                var += (v - mean) * (v - mean);
            }
            double sampleStd = Math.sqrt(var / (s.length - 1));
            float[] m = mine.castTo(DataType.FLOAT).reshape(mine.length()).toFloatVector();
            boolean sample = true;
            for (int q = 0; q < s.length; q++) {
                sample &= (m[q] == 1f) == (s[q] >= mean + k * sampleStd);
            }
            if (sample) {
                hint += " Yours match σ with b − 1 in the denominator (ND4J's std() default): σ here is the batch's"
                        + " population std, divide by b (e.g. scores.std(false, 0)).";
            }
        }
        return hint;
    }

    private static String step(int n, String what, INDArray mine, INDArray expected, String hint) {
        String detail;
        if (mine == null) {
            detail = "not written yet";
        } else if (mine.length() != expected.length()) {
            detail = "yours has " + mine.length() + " values, expected " + expected.length();
        } else {
            double[] a = mine.castTo(DataType.DOUBLE).reshape(mine.length()).toDoubleVector();
            double[] b = expected.castTo(DataType.DOUBLE).reshape(expected.length()).toDoubleVector();
            int differ = 0;
            int first = -1;
            for (int i = 0; i < a.length; i++) {
                if (!close(a[i], b[i])) {
                    differ++;
                    first = first < 0 ? i : first;
                }
            }
            if (first < 0) {
                return "step " + n + ", " + what + ", differs. Hint: " + hint;
            }
            detail = String.format(Locale.ROOT, "%d of %d values differ (the first, entry %d: yours %s, expected %s)",
                    differ, a.length, first, number(a[first]), number(b[first]));
        }
        return "step " + n + ", " + what + ", differs: " + detail + ". Hint: " + hint;
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "not computed" : String.format(Locale.ROOT, "%.5g", v);
    }

    static boolean close(double a, double b) {
        return !Double.isNaN(a) && Math.abs(a - b) <= TOLERANCE * (1 + Math.abs(b));
    }

    private static boolean close(INDArray mine, INDArray expected) {
        if (mine == null || mine.length() != expected.length()) {
            return false;
        }
        double[] a = mine.castTo(DataType.DOUBLE).reshape(mine.length()).toDoubleVector();
        double[] b = expected.castTo(DataType.DOUBLE).reshape(expected.length()).toDoubleVector();
        for (int i = 0; i < a.length; i++) {
            if (!close(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(INDArray mine, INDArray expected) {
        if (mine == null || mine.length() != expected.length()) {
            return false;
        }
        double[] a = mine.castTo(DataType.DOUBLE).reshape(mine.length()).toDoubleVector();
        double[] b = expected.castTo(DataType.DOUBLE).reshape(expected.length()).toDoubleVector();
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
