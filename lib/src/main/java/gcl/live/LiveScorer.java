package gcl.live;

import gcl.clean.VideoCentring;
import gcl.data.Dataset;
import gcl.data.DatasetInfo;
import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.features.DefaultExtractor;
import gcl.features.FeatureExtractor;
import gcl.train.GclModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import java.util.Arrays;

/**
 * A trained run made ready for a live stream: the extractor that made its features, the centring
 * it was trained with, its model and score, and the alert thresholds from its training scores.
 * A {@link Watch} calls it once per segment.
 *
 * <ul>
 *   <li><b>Extractor:</b> the dataset's {@code featureKind} names it: the library's default extractor
 *       (of the dataset's d), or a model file given by the caller (its kind must match).</li>
 *   <li><b>Centring:</b> a run trained with per-video centring ({@code median} or {@code streaming})
 *       sees each live segment minus the streaming median of the stream so far
 *       ({@link StreamCentring}): a stream has no end, so the offline median of a whole video is not
 *       available; a run trained without centring sees the features as they are.</li>
 *   <li><b>Score:</b> the model's own segment score, {@link GclModel#scores(INDArray)} (the run's
 *       configured score source), the call {@code gcl score} and evaluation make too.</li>
 *   <li><b>Alerts:</b> {@link AlertRule#fromTrainingScores} on the training split's scores as the
 *       run scores them ({@link GclModel#scores(FeatureSet)}), never on test labels.</li>
 * </ul>
 */
public final class LiveScorer {
    private final GclModel model;
    private final FeatureExtractor extractor;
    private final DatasetInfo data;
    private final AlertRule rule;

    private LiveScorer(GclModel model, FeatureExtractor extractor, DatasetInfo data, AlertRule rule) {
        this.model = Objects.requireNonNull(model, "model");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.data = Objects.requireNonNull(data, "data");
        this.rule = Objects.requireNonNull(rule, "rule");
        if (extractor.dimension() != model.dim()) {
            throw new IllegalArgumentException("the extractor gives d = " + extractor.dimension() + " but the run's model takes d = "
                    + model.dim());
        }
    }

    /**
     * A run's model on the dataset it was trained on, with the dataset's own extractor (the
     * default extractor; see {@link #extractorFor}) and the default alert rule from the training scores.
     */
    public static LiveScorer of(GclModel model, Dataset data) {
        return of(model, data, extractorFor(data.info()));
    }

    /** As {@link #of(GclModel, Dataset)} with the extractor that made the dataset's features (a model file's). */
    public static LiveScorer of(GclModel model, Dataset data, FeatureExtractor extractor) {
        return of(model, data, extractor, calibrate(model, data.train(), AlertRule.DEFAULT_WINDOW, AlertRule.DEFAULT_ENTER,
                AlertRule.DEFAULT_LEAVE));
    }

    /** As {@link #of(GclModel, Dataset, FeatureExtractor)} with a given alert rule (e.g. {@link #calibrate} at other quantiles). */
    public static LiveScorer of(GclModel model, Dataset data, FeatureExtractor extractor, AlertRule rule) {
        checkExtractor(data.info(), extractor);
        return new LiveScorer(model, extractor, data.info(), rule);
    }

    /**
     * A model with an extractor, the description of the data it was trained on (p and the frame rate
     * are read from it) and an alert rule: for a model that was not trained on a dataset at hand (a
     * benchmark of speed, an extractor of one's own).
     */
    public static LiveScorer of(GclModel model, FeatureExtractor extractor, DatasetInfo data, AlertRule rule) {
        return new LiveScorer(model, extractor, data, rule);
    }

    /**
     * The extractor that made a dataset's features, where the library can build it from the dataset's
     * description: the default extractor of its kind and d.
     *
     * @throws IllegalArgumentException naming the kind when it is another extractor's (a model file:
     *                                  load it and pass it to {@link #of(GclModel, Dataset, FeatureExtractor)})
     */
    public static FeatureExtractor extractorFor(DatasetInfo info) {
        String kind = info.featureKind();
        if (DefaultExtractor.KIND.equals(kind)) {
            return new DefaultExtractor(info.featureDim());
        }
        if (kind != null && kind.startsWith("gcl-default-")) {
            throw new IllegalArgumentException("the run's features are " + kind + ", an older version of the default extractor;"
                    + " this library extracts " + DefaultExtractor.KIND + ": extract the videos again and train a new run");
        }
        if (kind != null && kind.startsWith("pretrained:")) {
            throw new IllegalArgumentException("the run's features are " + kind + ": give that model file (--extractor FILE,"
                    + " with the options it was extracted with)");
        }
        throw new IllegalArgumentException("the run's features are '" + kind + "', made outside this library: a live stream"
                + " needs the extractor that made them (--extractor MODEL_FILE)");
    }

    private static void checkExtractor(DatasetInfo info, FeatureExtractor extractor) {
        if (info.featureKind() != null && !info.featureKind().equals(extractor.kind())) {
            throw new IllegalArgumentException("the run's features are " + info.featureKind() + " but the extractor makes "
                    + extractor.kind() + ": give the extractor the dataset was made with");
        }
        if (info.featureDim() > 0 && info.featureDim() != extractor.dimension()) {
            throw new IllegalArgumentException("the run's features have d = " + info.featureDim() + " but the extractor gives d = "
                    + extractor.dimension());
        }
    }

    /**
     * The alert rule from the run's training scores (see {@link AlertRule#fromTrainingScores}); a
     * run that centres its features gets the warm-up {@link AlertRule#CENTRING_WARMUP}.
     */
    public static AlertRule calibrate(GclModel model, FeatureSet train, int window, double enterQuantile, double leaveQuantile) {
        float[] scores = model.scores(train);
        List<float[]> perVideo = new ArrayList<>();
        for (Video v : train.videos()) {
            perVideo.add(Arrays.copyOfRange(scores, v.firstRow(), v.endRow()));
        }
        int warmup = model.config().videoCentring() == VideoCentring.NONE ? 0 : AlertRule.CENTRING_WARMUP;
        return AlertRule.fromTrainingScores(perVideo, window, enterQuantile, leaveQuantile, warmup);
    }

    /**
     * The scores a live watch gives recorded videos, without decoding them again: each video's
     * features in temporal order, centred as the watch centres them (the streaming median, when the
     * model was trained with centring; {@link StreamCentring} gives the same numbers), scored by the
     * model. Set next to {@link GclModel#scores(FeatureSet)} (the offline centring), it measures what
     * the streaming median changes. One float per row, in row order.
     */
    public static float[] streamingScores(GclModel model, FeatureSet set) {
        boolean centres = model.config().videoCentring() != VideoCentring.NONE;
        float[] out = new float[set.size()];
        for (Video v : set.videos()) {
            if (v.segments() == 0) {
                continue;
            }
            INDArray rows = set.segmentsOf(v);
            INDArray input = centres ? VideoCentring.STREAMING.apply(rows) : rows;
            try (INDArray s = model.scores(input)) {
                System.arraycopy(s.toFloatVector(), 0, out, v.firstRow(), v.segments());
            } finally {
                if (input != rows) {
                    input.close();
                }
            }
        }
        return out;
    }

    /**
     * The video of a set whose smoothed score (the mean of {@code window} consecutive segment
     * scores, as {@link AlertRule} smooths) peaks highest under a model: the most alarming recording
     * of an archive, or a clip to show alerts on. Uses the scores only, no label.
     */
    public static Video mostAlarming(GclModel model, FeatureSet set, int window) {
        float[] scores = model.scores(set);
        Video best = null;
        double top = Double.NEGATIVE_INFINITY;
        for (Video v : set.videos()) {
            for (double m : AlertRule.movingMean(Arrays.copyOfRange(scores, v.firstRow(), v.endRow()), window)) {
                if (m > top) {
                    top = m;
                    best = v;
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no segments to score");
        }
        return best;
    }

    /** The same scorer with another alert rule. */
    public LiveScorer withRule(AlertRule newRule) {
        return new LiveScorer(model, extractor, data, newRule);
    }

    public GclModel model() {
        return model;
    }

    public FeatureExtractor extractor() {
        return extractor;
    }

    public AlertRule rule() {
        return rule;
    }

    /** p, frames per segment: the dataset's. */
    public int segmentSize() {
        return data.segmentSize();
    }

    /** The frame rate of the dataset's videos (0 when unknown). */
    public double datasetFps() {
        return data.frameRate();
    }

    /** The centring the run was trained with. */
    public VideoCentring trainedCentring() {
        return model.config().videoCentring();
    }

    /** Whether live segments are centred (the run was trained on centred features). */
    public boolean centres() {
        return trainedCentring() != VideoCentring.NONE;
    }

    /** A fresh centring for one stream, or null when the run does not centre. */
    public StreamCentring newCentring() {
        return centres() ? new StreamCentring(extractor.dimension()) : null;
    }

    /** The anomaly score of one segment's model input (its feature, centred when the run centres). */
    public float score(float[] input) {
        try (INDArray row = Nd4j.createFromArray(new float[][] {input}); INDArray s = model.scores(row)) {
            return s.getFloat(0);
        }
    }

    /**
     * Extracts and scores one blank segment, so that the native libraries are loaded and the code
     * warmed up before the first real segment arrives (the first extraction in a process takes a
     * second or more).
     */
    public void warmUp() {
        List<gcl.video.VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < segmentSize(); i++) {
            frames.add(new gcl.video.VideoFrame(64, 48, new byte[64 * 48 * 3]));
        }
        score(extractor.extract(new gcl.video.Segment(0, 0, frames, frames.size())));
    }

    /** What the scorer does, one row per setting, for a notebook or the start of a watch. */
    public Table describe() {
        StringColumn setting = StringColumn.create("setting");
        StringColumn value = StringColumn.create("value");
        setting.append("features");
        value.append(String.format(Locale.ROOT, "%s, d = %d, p = %d frames (%s)", extractor.kind(), extractor.dimension(),
                segmentSize(), data.frameRate() > 0 ? String.format(Locale.ROOT, "trained on %.4g fps video", data.frameRate())
                        : "frame rate of the training videos unknown"));
        setting.append("centring");
        value.append(centres()
                ? "trained with " + trainedCentring().id() + "; live: each segment minus the streaming median of the stream so far"
                        + " (last " + StreamCentring.DEFAULT_WINDOW + " segments)"
                : "none (as trained)");
        setting.append("score");
        value.append(model.config().variant().paperName() + ", " + model.config().effectiveScoreBy().name().toLowerCase(Locale.ROOT)
                + " (the run's score)");
        setting.append("alerts");
        value.append(rule.describe());
        return Table.create("Live scoring", setting, value);
    }

    @Override
    public String toString() {
        return "LiveScorer[" + extractor.kind() + " d=" + extractor.dimension() + ", centring " + trainedCentring().id() + ", "
                + model + "]";
    }
}
