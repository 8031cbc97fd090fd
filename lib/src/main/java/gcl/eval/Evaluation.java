package gcl.eval;

import gcl.data.FeatureSet;
import gcl.train.EpochListener;
import gcl.train.GclModel;
import gcl.train.Phase;
import gcl.train.ScoreSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a model on a test split the paper's way: segment scores (D's probability by default, or
 * G's error), repeated over each segment's frames ({@link FrameScores}), all test videos
 * concatenated, one ROC AUC over all frames ({@link RocAuc}).
 */
public final class Evaluation {
    /** History column of G's test AUC. */
    public static final String TEST_AUC_G = "test_auc_g";
    /** History column of D's test AUC. */
    public static final String TEST_AUC_D = "test_auc_d";

    private Evaluation() {
    }

    /** Frame scores and labels of a model on a set (videos with ground truth). */
    public static FrameScores.FrameLevel frames(GclModel model, FeatureSet test, int segmentSize, ScoreSource source) {
        return FrameScores.of(test, model.scores(test, source), segmentSize);
    }

    /** Frame-level AUC of one score source. */
    public static double frameAuc(GclModel model, FeatureSet test, int segmentSize, ScoreSource source) {
        return frames(model, test, segmentSize, source).auc();
    }

    /** The final metrics of a model on a test set with ground truth. */
    public static Metrics evaluate(GclModel model, FeatureSet test, int segmentSize) {
        ScoreSource by = model.config().effectiveScoreBy();
        FrameScores.FrameLevel main = frames(model, test, segmentSize, by);
        double aucG = by == ScoreSource.GENERATOR ? main.auc() : frameAuc(model, test, segmentSize, ScoreSource.GENERATOR);
        double aucD = !model.hasDiscriminator() ? Double.NaN
                : by == ScoreSource.DISCRIMINATOR ? main.auc() : frameAuc(model, test, segmentSize, ScoreSource.DISCRIMINATOR);
        return new Metrics(main.auc(), main.averagePrecision(), aucG, aucD, by.name().toLowerCase(Locale.ROOT),
                main.videoIds().size(), main.frames(), main.anomalousFrames());
    }

    /**
     * A listener that adds the test AUC of G and of D to every history row (D's only once D has
     * been trained, i.e. not during G's pre-training). For plots only: the reported result is the
     * last epoch's, whatever these columns say.
     */
    public static EpochListener testAuc(FeatureSet test, int segmentSize) {
        return (Phase phase, int epoch, GclModel model) -> {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(TEST_AUC_G, frameAuc(model, test, segmentSize, ScoreSource.GENERATOR));
            boolean dTrained = model.hasDiscriminator() && phase != Phase.PRETRAIN_G;
            m.put(TEST_AUC_D, dTrained ? frameAuc(model, test, segmentSize, ScoreSource.DISCRIMINATOR) : Double.NaN);
            return m;
        };
    }

    /** Whether a set has any video with ground truth (both classes are needed for an AUC). */
    public static boolean hasGroundTruth(FeatureSet test) {
        return test.videos().stream().anyMatch(v -> v.hasGroundTruth());
    }
}
