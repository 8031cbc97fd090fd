package gcl.c2fpl;

import gcl.data.FeatureSet;
import gcl.eval.FrameScores;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A trained C2FPL detector: the classifier Ã_θ, the pseudo-labels it learnt from and its training
 * history. A segment's anomaly score is Ã_θ(f), the classifier's probability; evaluation repeats it
 * over the segment's frames ({@link #frames}), as for GCL.
 */
public final class C2fplModel {
    private final C2fplConfig config;
    private final C2fplLabels labels;
    private final AnomalyClassifier classifier;
    private final Table history;
    private final double pseudoLabelFit;

    C2fplModel(C2fplConfig config, C2fplLabels labels, AnomalyClassifier classifier, Table history, double pseudoLabelFit) {
        this.config = Objects.requireNonNull(config, "config");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.history = Objects.requireNonNull(history, "history");
        this.pseudoLabelFit = pseudoLabelFit;
    }

    /** Ã_θ(f) for every segment of a set, in row order. */
    public float[] scores(FeatureSet set) {
        if (set.size() == 0) {
            return new float[0];
        }
        if (set.dim() != classifier.dim()) {
            throw new IllegalArgumentException("the model takes d = " + classifier.dim() + " but " + set + " has d = " + set.dim());
        }
        return classifier.scores(set.features());
    }

    /** Frame scores and ground truth of a set's videos with ground truth (frame AUC: {@code frames(test, p).auc()}). */
    public FrameScores.FrameLevel frames(FeatureSet set, int segmentSize) {
        return FrameScores.of(set, scores(set), segmentSize);
    }

    public C2fplConfig config() {
        return config;
    }

    /** The training set's pseudo-labels, coarse and fine. */
    public C2fplLabels labels() {
        return labels;
    }

    public AnomalyClassifier classifier() {
        return classifier;
    }

    /** Per epoch of the classifier: epoch, learning_rate, loss, seconds. */
    public Table history() {
        return history;
    }

    /**
     * ROC AUC of the classifier's scores on its training segments against their pseudo-labels: how much of
     * its own labels it learnt (0.5: nothing beyond their share). Needs no ground truth.
     */
    public double pseudoLabelFit() {
        return pseudoLabelFit;
    }

    /**
     * What training saw, without any ground truth (diagnostics a run may record): videos, videos
     * pseudo-labelled anomalous and their share, splits of the coarse stage, share of segments labelled
     * anomalous, the normal model's Γ and √Σ, the share of the pseudo-anomalous videos' segments it rejects
     * at p &lt; 0.001, the entropy of the segment labels' share (the BCE of a
     * classifier that learnt only that share), the classifier's last loss, its fit to its pseudo-labels.
     */
    public Table summary() {
        StringColumn name = StringColumn.create("signal");
        DoubleColumn value = DoubleColumn.create("value");
        CoarseLabels c = labels.coarse();
        FineLabels f = labels.fine();
        add(name, value, "videos", c.anomalous().length);
        add(name, value, "pseudo_anomalous_videos", c.anomalousCount());
        add(name, value, "pseudo_anomalous_video_share", c.anomalousShare());
        add(name, value, "coarse_splits", c.splits().size());
        add(name, value, "pseudo_anomalous_segment_share", f.anomalousShare());
        add(name, value, "normal_magnitude_mean", f.normal().mean());
        add(name, value, "normal_magnitude_std", f.normal().std());
        add(name, value, "rejected_share_in_pseudo_anomalous", f.rejectedShare());
        double share = f.anomalousShare();
        add(name, value, "label_entropy", share <= 0 || share >= 1 ? 0
                : -(share * Math.log(share) + (1 - share) * Math.log(1 - share)));
        add(name, value, "final_loss", history.rowCount() == 0 ? Double.NaN
                : history.doubleColumn("loss").get(history.rowCount() - 1));
        add(name, value, "pseudo_label_fit_auc", pseudoLabelFit);
        return Table.create("C2FPL training summary", name, value);
    }

    private static void add(StringColumn name, DoubleColumn value, String n, double v) {
        name.append(n);
        value.append(v);
    }

    @Override
    public String toString() {
        return "C2fplModel[d=" + classifier.dim() + ", " + labels.coarse().anomalousCount() + " of "
                + labels.coarse().anomalous().length + " videos pseudo-anomalous, seed " + config.seed() + "]";
    }
}
