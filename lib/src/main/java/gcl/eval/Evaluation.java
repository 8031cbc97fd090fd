package gcl.eval;

import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.train.EpochListener;
import gcl.train.GclModel;
import gcl.train.Phase;
import gcl.train.ScoreCalibration;
import gcl.train.ScoreSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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
        return evaluate(model, test, segmentSize, false);
    }

    /**
     * The final metrics of a model on a test set with ground truth.
     *
     * @param averageCrops the field's 10-crop test protocol: the crops of a video (imported with
     *                     {@code --crops each}) scored one by one and their scores averaged
     *                     ({@link FrameScores#ofCropAveraged}); false scores every crop as a video
     */
    public static Metrics evaluate(GclModel model, FeatureSet test, int segmentSize, boolean averageCrops) {
        ScoreSource by = model.config().effectiveScoreBy();
        Function<ScoreSource, FrameScores.FrameLevel> frames = source -> averageCrops
                ? FrameScores.ofCropAveraged(test, model.scores(test, source), segmentSize)
                : frames(model, test, segmentSize, source);
        FrameScores.FrameLevel main = frames.apply(by);
        double aucG = by == ScoreSource.GENERATOR ? main.auc() : frames.apply(ScoreSource.GENERATOR).auc();
        double aucD = !model.hasDiscriminator() ? Double.NaN
                : by == ScoreSource.DISCRIMINATOR ? main.auc() : frames.apply(ScoreSource.DISCRIMINATOR).auc();
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

    /**
     * Per-segment scores of a set: video, segment, first_frame, score (the model's configured
     * source), score_g, score_d (NaN for AE variants), rank_g and rank_d (each network's calibrated
     * rank among the reference segments, {@link ScoreCalibration}: the two halves of the {@code either}
     * score, which is their maximum; NaN for a model without a calibration), label (frame ground truth of
     * the segment's first frame: 1/0, -1 when unknown).
     */
    public static Table segmentScores(GclModel model, FeatureSet set, int segmentSize) {
        float[] g = model.scores(set, ScoreSource.GENERATOR);
        float[] d = model.hasDiscriminator() ? model.scores(set, ScoreSource.DISCRIMINATOR) : null;
        ScoreSource by = model.config().effectiveScoreBy();
        float[] main = by == ScoreSource.GENERATOR ? g : by == ScoreSource.DISCRIMINATOR ? d : model.scores(set, by);
        StringColumn video = StringColumn.create("video");
        IntColumn segment = IntColumn.create("segment");
        IntColumn firstFrame = IntColumn.create("first_frame");
        DoubleColumn score = DoubleColumn.create("score");
        DoubleColumn scoreG = DoubleColumn.create("score_g");
        DoubleColumn scoreD = DoubleColumn.create("score_d");
        ScoreCalibration calibration = model.calibration();
        DoubleColumn rankG = DoubleColumn.create("rank_g");
        DoubleColumn rankD = DoubleColumn.create("rank_d");
        IntColumn label = IntColumn.create("label");
        for (Video v : set.videos()) {
            for (int j = 0; j < v.segments(); j++) {
                int row = v.firstRow() + j;
                int f = j * segmentSize;
                video.append(v.id());
                segment.append(j);
                firstFrame.append(f);
                scoreG.append(g[row]);
                scoreD.append(d == null ? Double.NaN : d[row]);
                rankG.append(calibration == null ? Double.NaN : calibration.generatorRank(g[row]));
                rankD.append(calibration == null || d == null ? Double.NaN : calibration.discriminatorRank(d[row]));
                score.append(main[row]);
                label.append(v.hasGroundTruth() && f < v.frames() ? (v.groundTruth()[f] ? 1 : 0) : -1);
            }
        }
        return Table.create("segment scores", video, segment, firstFrame, score, scoreG, scoreD, rankG, rankD, label);
    }

    /** Whether a set's ground truth holds both an anomalous and a normal frame (what an AUC needs). */
    public static boolean hasGroundTruth(FeatureSet test) {
        boolean anomalous = false;
        boolean normal = false;
        for (gcl.data.Video v : test.videos()) {
            if (v.hasGroundTruth()) {
                for (boolean f : v.groundTruth()) {
                    anomalous |= f;
                    normal |= !f;
                }
            }
        }
        return anomalous && normal;
    }
}
