package gcl.c2fpl;

import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.data.VideoLabel;
import gcl.eval.FrameScores;
import gcl.eval.RocAuc;
import java.util.Arrays;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How C2FPL's pseudo-labels compare with the training set's ground truth: for lessons and reports
 * only. Nothing in the method reads it, and no setting may be chosen by it.
 *
 * <p>Video level: the coarse labels against each video's truth (anomalous when its frame ground truth
 * marks a frame, else its video label; videos with neither are left out). Frame level: the fine
 * labels repeated over each segment's frames, as evaluation repeats scores ({@link FrameScores}),
 * against the frame ground truth of the videos that have it. Beside them, what the magnitudes alone
 * say: the ROC AUC of μ_i and σ_i as video scores, and of the segment magnitude a_ij and of 1 − p_ij
 * as frame scores.
 *
 * @param videos            videos with a known truth
 * @param anomalousVideos   of them, truly anomalous
 * @param videoTruePositive pseudo-anomalous and truly anomalous
 * @param videoFalsePositive pseudo-anomalous but normal
 * @param videoFalseNegative pseudo-normal but anomalous
 * @param videoMeanAuc      AUC of μ_i as a video score (NaN without both kinds of video)
 * @param videoSpreadAuc    AUC of σ_i as a video score
 * @param frames            frames with ground truth
 * @param anomalousFrames   of them, anomalous
 * @param frameTruePositive frames labelled 1 that are anomalous
 * @param frameFalsePositive frames labelled 1 that are normal
 * @param frameFalseNegative frames labelled 0 that are anomalous
 * @param magnitudeFrameAuc AUC of a_ij repeated over frames ("feature size alone")
 * @param pValueFrameAuc    AUC of 1 − p_ij repeated over frames
 */
public record PseudoLabelQuality(int videos, int anomalousVideos, int videoTruePositive, int videoFalsePositive,
                                 int videoFalseNegative, double videoMeanAuc, double videoSpreadAuc,
                                 long frames, long anomalousFrames, long frameTruePositive, long frameFalsePositive,
                                 long frameFalseNegative, double magnitudeFrameAuc, double pValueFrameAuc) {

    /**
     * The quality of pseudo-labels of a training set.
     *
     * @param segmentSize frames per segment p
     * @throws IllegalArgumentException when no training video has a known truth
     */
    public static PseudoLabelQuality of(FeatureSet train, C2fplLabels labels, int segmentSize) {
        CoarseLabels coarse = labels.coarse();
        FineLabels fine = labels.fine();
        if (coarse.anomalous().length != train.videos().size() || fine.labels().length != train.size()) {
            throw new IllegalArgumentException("these pseudo-labels belong to another set than " + train);
        }
        int n = 0;
        int truePos = 0;
        int tp = 0;
        int fp = 0;
        int fn = 0;
        double[] mu = new double[train.videos().size()];
        double[] sigma = new double[mu.length];
        boolean[] truth = new boolean[mu.length];
        int known = 0;
        for (int i = 0; i < train.videos().size(); i++) {
            Video v = train.videos().get(i);
            Boolean anomalous = v.hasGroundTruth() ? Boolean.valueOf(v.hasAnomalousFrames())
                    : v.label() == VideoLabel.UNKNOWN ? null : Boolean.valueOf(v.label() == VideoLabel.ANOMALOUS);
            if (anomalous == null || v.segments() == 0) {
                continue;
            }
            n++;
            truePos += anomalous ? 1 : 0;
            boolean pseudo = coarse.isAnomalous(i);
            tp += pseudo && anomalous ? 1 : 0;
            fp += pseudo && !anomalous ? 1 : 0;
            fn += !pseudo && anomalous ? 1 : 0;
            mu[known] = coarse.statistics()[i][0];
            sigma[known] = coarse.statistics()[i][1];
            truth[known] = anomalous;
            known++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no training video of " + train + " has a known truth (frame ground truth or a"
                    + " video label): pseudo-label quality needs one");
        }
        boolean[] t = Arrays.copyOf(truth, known);
        double muAuc = RocAuc.auc(Arrays.copyOf(mu, known), t);
        double sigmaAuc = RocAuc.auc(Arrays.copyOf(sigma, known), t);

        FrameScores.FrameLevel byLabel = FrameScores.of(train, fine.labels(), segmentSize);
        float[] magnitude = new float[train.size()];
        float[] surprise = new float[train.size()];
        for (int r = 0; r < magnitude.length; r++) {
            magnitude[r] = (float) fine.magnitudes()[r];
            surprise[r] = (float) (1 - fine.pValues()[r]);
        }
        long frameTp = 0;
        long frameFp = 0;
        long frameFn = 0;
        long anomalousFrames = 0;
        for (int k = 0; k < byLabel.frames(); k++) {
            boolean label = byLabel.scores()[k] >= 0.5;
            boolean anomalous = byLabel.labels()[k];
            anomalousFrames += anomalous ? 1 : 0;
            frameTp += label && anomalous ? 1 : 0;
            frameFp += label && !anomalous ? 1 : 0;
            frameFn += !label && anomalous ? 1 : 0;
        }
        double magnitudeAuc = byLabel.frames() == 0 ? Double.NaN : FrameScores.of(train, magnitude, segmentSize).auc();
        double pAuc = byLabel.frames() == 0 ? Double.NaN : FrameScores.of(train, surprise, segmentSize).auc();
        return new PseudoLabelQuality(n, truePos, tp, fp, fn, muAuc, sigmaAuc, byLabel.frames(), anomalousFrames,
                frameTp, frameFp, frameFn, magnitudeAuc, pAuc);
    }

    /** Video level: share of pseudo-anomalous videos that are anomalous (NaN when none is pseudo-anomalous). */
    public double videoPrecision() {
        return ratio(videoTruePositive, videoTruePositive + videoFalsePositive);
    }

    /** Video level: share of anomalous videos that are pseudo-anomalous. */
    public double videoRecall() {
        return ratio(videoTruePositive, anomalousVideos);
    }

    /** Video level: share of videos whose pseudo-label is right. */
    public double videoAccuracy() {
        int trueNegative = videos - anomalousVideos - videoFalsePositive;
        return ratio(videoTruePositive + trueNegative, videos);
    }

    /** Frame level: share of frames labelled anomalous that are anomalous. */
    public double framePrecision() {
        return ratio(frameTruePositive, frameTruePositive + frameFalsePositive);
    }

    /** Frame level: share of anomalous frames labelled anomalous. */
    public double frameRecall() {
        return ratio(frameTruePositive, anomalousFrames);
    }

    /** Frame level: intersection over union of the frames labelled anomalous and the anomalous frames. */
    public double frameIou() {
        return ratio(frameTruePositive, frameTruePositive + frameFalsePositive + frameFalseNegative);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    /** The numbers as a table: measure, value (shares and AUCs in %). */
    public Table table() {
        StringColumn measure = StringColumn.create("measure");
        DoubleColumn value = DoubleColumn.create("value");
        Object[][] rows = {
            {"videos with known truth", videos},
            {"truly anomalous videos", anomalousVideos},
            {"video precision %", 100 * videoPrecision()},
            {"video recall %", 100 * videoRecall()},
            {"video accuracy %", 100 * videoAccuracy()},
            {"video AUC of mean magnitude %", 100 * videoMeanAuc},
            {"video AUC of magnitude spread %", 100 * videoSpreadAuc},
            {"frames with ground truth", frames},
            {"anomalous frames", anomalousFrames},
            {"frame precision %", 100 * framePrecision()},
            {"frame recall %", 100 * frameRecall()},
            {"frame IoU %", 100 * frameIou()},
            {"frame AUC of segment magnitude %", 100 * magnitudeFrameAuc},
            {"frame AUC of 1 - p-value %", 100 * pValueFrameAuc},
        };
        for (Object[] r : rows) {
            measure.append((String) r[0]);
            double v = ((Number) r[1]).doubleValue();
            value.append(Double.isNaN(v) ? v : Math.round(v * 100) / 100.0);
        }
        return Table.create("C2FPL pseudo-labels against the training ground truth (for reading only)", measure, value);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "videos: precision %.1f %%, recall %.1f %% (%d of %d anomalous); frames: precision %.1f %%,"
                        + " recall %.1f %%, IoU %.1f %%", 100 * videoPrecision(), 100 * videoRecall(), videoTruePositive,
                anomalousVideos, 100 * framePrecision(), 100 * frameRecall(), 100 * frameIou());
    }
}
