package gcl.nb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.Preset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class IterationCheckTest {
    static final GclConfig CONFIG = TinyData.config().withPreset(Preset.PAPER).withSeed(7);
    static final int B = 32;
    static final int D = 8;

    /** A slip in the student's iteration. */
    enum Slip { NONE, FLIP_ONE_G_LABEL, NO_D_STEP, ZERO_TARGETS, SQUARED_G_LOSS, NO_G_STEP }

    static INDArray batch() {
        Nd4j.getRandom().setSeed(3);
        return Nd4j.rand(DataType.FLOAT, B, D);
    }

    /** The exercise solved with ND4J array operations, as lesson 03's solution does, with an optional slip. */
    static IterationCheck.Steps solve(INDArray x, Slip slip) {
        GclModel model = GclModel.create(CONFIG, D);
        INDArray fHat = model.generator().reconstruct(x);
        INDArray errors = x.sub(fHat).norm2(1);
        double thG = errors.meanNumber().doubleValue() + errors.std(false, 0).getDouble(0);
        INDArray lG = errors.gte(thG).castTo(DataType.FLOAT);
        if (slip == Slip.FLIP_ONE_G_LABEL) {
            lG.putScalar(0, 1 - lG.getFloat(0));
        }
        INDArray p0 = model.discriminator().probabilities(x);
        INDArray terms = lG.mul(Transforms.log(p0, true)).add(lG.rsub(1).mul(Transforms.log(p0.rsub(1), false)));
        double lossD = -terms.meanNumber().doubleValue();
        if (slip != Slip.NO_D_STEP) {
            model.discriminator().fit(x, lG);
        }
        INDArray p = model.discriminator().probabilities(x);
        double thD = p.meanNumber().doubleValue() + 0.1 * p.std(false, 0).getDouble(0);
        INDArray lD = p.gte(thD).castTo(DataType.FLOAT).reshape(B, 1);
        INDArray targets = x.mulColumnVector(lD.rsub(1)).addColumnVector(slip == Slip.ZERO_TARGETS ? lD.mul(0) : lD);
        INDArray perRow = targets.sub(fHat).norm2(1);
        double lossG = slip == Slip.SQUARED_G_LOSS ? perRow.mul(perRow).meanNumber().doubleValue()
                : perRow.meanNumber().doubleValue();
        if (slip != Slip.NO_G_STEP) {
            model.generator().fit(x, targets);
        }
        return new IterationCheck.Steps(errors, lG, lossD, p, lD, targets, lossG, model);
    }

    @Test
    void theIterationWrittenInNd4jPassesAgainstGclModel() {
        INDArray x = batch();
        Checks.Result r = IterationCheck.check(CONFIG, x, solve(x, Slip.NONE));
        assertTrue(r.passed(), r.message());
        assertTrue(r.message().contains("every step agrees"), r.message());
    }

    @Test
    void aBlankIterationDoesNotPass() {
        INDArray x = batch();
        Checks.Result r = IterationCheck.check(CONFIG, x, new IterationCheck.Steps(null, null, Double.NaN, null, null,
                null, Double.NaN, null));
        assertFalse(r.passed());
        assertTrue(r.message().contains("not answered yet"), r.message());
        assertFalse(IterationCheck.check(CONFIG, x, null).passed());
    }

    @Test
    void eachSlipIsNamedByItsStep() {
        INDArray x = batch();
        assertHint(x, Slip.FLIP_ONE_G_LABEL, "step 2, G's pseudo-labels", "1 of 32 values differ (the first, entry 0");
        assertHint(x, Slip.NO_D_STEP, "step 4, D's probabilities", "fit(x, lG)");
        assertHint(x, Slip.SQUARED_G_LOSS, "step 7, G's loss", "not squared");
        assertHint(x, Slip.NO_G_STEP, "step 7, G after its step", "exactly one step of G");
    }

    @Test
    void zeroTargetsDifferAtStepSixWhenDLabelsAnySegment() {
        INDArray x = batch();
        IterationCheck.Steps right = solve(x, Slip.NONE);
        if (right.discriminatorLabels().sumNumber().doubleValue() > 0) {
            assertHint(x, Slip.ZERO_TARGETS, "step 6, the pseudo targets", "a row of ones");
        } else {
            assertNull(IterationCheck.firstDifference(solve(x, Slip.ZERO_TARGETS), IterationCheck.reference(CONFIG, x), x));
        }
    }

    @Test
    void theExerciseNeedsThePapersRecipe() {
        assertThrows(IllegalArgumentException.class, () -> IterationCheck.check(TinyData.config().withPreset(Preset.ROBUST)
                .with("videoCentring", "median"), batch(), null));
    }

    private static void assertHint(INDArray x, Slip slip, String step, String hint) {
        Checks.Result r = IterationCheck.check(CONFIG, x, solve(x, slip));
        assertFalse(r.passed(), slip + " passed");
        assertTrue(r.message().startsWith(step), slip + ": " + r.message());
        assertTrue(r.message().contains(hint), slip + ": " + r.message());
    }
}
