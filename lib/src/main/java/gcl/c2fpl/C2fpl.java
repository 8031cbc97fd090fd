package gcl.c2fpl;

import gcl.Seeds;
import gcl.data.FeatureSet;
import gcl.eval.RocAuc;
import tech.tablesaw.api.Table;

/**
 * C2FPL in two calls: pseudo-labels without any label ({@link #pseudoLabels}), then the classifier
 * trained on them ({@link #train}).
 *
 * <pre>{@code
 * C2fplModel m = C2fpl.train(data.train(), C2fplConfig.forProfile(Profile.QUICK));
 * double auc = m.frames(data.test(), data.info().segmentSize()).auc();
 * }</pre>
 *
 * The training split's labels and ground truth are never read: only the features. The same features,
 * config and seed give the same pseudo-labels and the same scores.
 */
public final class C2fpl {
    private C2fpl() {
    }

    /**
     * The coarse and fine pseudo-labels of a training set (Eq. C1–C6), on the magnitudes as
     * {@link C2fplConfig#magnitudeCentring()} gives them.
     *
     * @throws IllegalArgumentException on features that are not finite, fewer than two videos with
     *                                  segments, or videos whose magnitudes do not split
     */
    public static C2fplLabels pseudoLabels(FeatureSet train, C2fplConfig config) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("C2FPL needs training segments, got " + train);
        }
        train.requireSoundValues();
        double[] norms = config.magnitudeCentring().apply(train, FeatureMagnitude.norms(train));
        CoarseLabels coarse = DivisiveClustering.cluster(FeatureMagnitude.videoStatistics(train, norms), config,
                new Seeds(config.seed()));
        if (coarse.anomalousCount() == 0) {
            throw new IllegalArgumentException("the coarse stage labelled no video anomalous: the videos' feature magnitude"
                    + " statistics (mean, spread) do not split into two clusters, so C2FPL has nothing to learn from");
        }
        return new C2fplLabels(coarse, FineLabeling.label(train, norms, coarse, config.windowShare()));
    }

    /**
     * The whole method on a training set: pseudo-labels, then the classifier trained on them (Eq. C7). The
     * model also keeps how well the trained classifier ranks its own training pseudo-labels (ROC AUC of its
     * scores against them), a signal that needs no ground truth.
     */
    public static C2fplModel train(FeatureSet train, C2fplConfig config) {
        C2fplLabels labels = pseudoLabels(train, config);
        AnomalyClassifier classifier = AnomalyClassifier.create(train.dim(), config);
        Table history = classifier.fit(train, labels.fine().labels(), config);
        float[] scores = classifier.scores(train.features());
        float[] y = labels.fine().labels();
        double[] s = new double[scores.length];
        boolean[] positive = new boolean[scores.length];
        for (int r = 0; r < s.length; r++) {
            s[r] = scores[r];
            positive[r] = y[r] == 1;
        }
        return new C2fplModel(config, labels, classifier, history, RocAuc.auc(s, positive));
    }
}
