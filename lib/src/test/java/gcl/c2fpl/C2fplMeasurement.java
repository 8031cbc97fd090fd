package gcl.c2fpl;

import gcl.Profile;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.data.FeatureSet;
import gcl.eval.FrameScores;
import gcl.synth.SyntheticFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the measurement of C2FPL on datasets over seeds, run by hand (skipped unless
 * {@code gcl.c2fpl.measure} is set):
 * <pre>
 * mvn -pl lib -Dtest=C2fplMeasurement -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgcl.c2fpl.measure=quick,/path/to/dataset -Dgcl.c2fpl.seeds=1-5 -Dgcl.c2fpl.out=c2fpl.csv test
 * </pre>
 * {@code quick} is the embedded synthetic-quick set (seed 0). One CSV row per (data, anomalous-cluster rule,
 * seed): test frame AUC and AP, the pseudo-labels' quality against the training ground truth, the
 * label-free training signals and the training time; then one row per dataset of what the magnitudes
 * alone score.
 */
class C2fplMeasurement {
    @Test
    @EnabledIfSystemProperty(named = "gcl.c2fpl.measure", matches = ".+")
    void measure() throws Exception {
        String[] sets = System.getProperty("gcl.c2fpl.measure").split(",");
        String[] range = System.getProperty("gcl.c2fpl.seeds", "1-5").split("-");
        Path out = Path.of(System.getProperty("gcl.c2fpl.out", "c2fpl-measurement.csv"));
        List<String> rows = new ArrayList<>();
        rows.add("data,fingerprint,profile,anomalous_cluster,seed,test_auc,test_ap,video_precision,video_recall,video_accuracy,"
                + "frame_precision,frame_recall,frame_iou,pseudo_anomalous_videos,pseudo_anomalous_segment_share,label_entropy,"
                + "final_loss,pseudo_label_fit_auc,train_s,video_mean_auc,video_spread_auc,train_magnitude_frame_auc,"
                + "test_magnitude_frame_auc");
        for (String s : sets) {
            Dataset ds = s.equals("quick") ? SyntheticFeatures.cached(Profile.QUICK, 0) : DatasetDirectory.load(Path.of(s));
            int p = ds.info().segmentSize();
            double testMagnitude = magnitudeAuc(ds.test(), p);
            for (AnomalousCluster rule : AnomalousCluster.values()) {
                for (long seed = Long.parseLong(range[0]); seed <= Long.parseLong(range[range.length - 1]); seed++) {
                    C2fplConfig config = C2fplConfig.forProfile(Profile.QUICK).withSeed(seed).with("anomalousCluster", rule.id());
                    long start = System.nanoTime();
                    C2fplModel m = C2fpl.train(ds.train(), config);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    FrameScores.FrameLevel test = m.frames(ds.test(), p);
                    PseudoLabelQuality q = PseudoLabelQuality.of(ds.train(), m.labels(), p);
                    var summary = m.summary();
                    rows.add(String.join(",", ds.info().name(), ds.fingerprint(), "quick", rule.id(), Long.toString(seed),
                            f(test.auc()), f(test.averagePrecision()), f(q.videoPrecision()), f(q.videoRecall()),
                            f(q.videoAccuracy()), f(q.framePrecision()), f(q.frameRecall()), f(q.frameIou()),
                            Integer.toString(m.labels().coarse().anomalousCount()), f(m.labels().fine().anomalousShare()),
                            f(value(summary, "label_entropy")), f(value(summary, "final_loss")), f(m.pseudoLabelFit()),
                            f(seconds), f(q.videoMeanAuc()), f(q.videoSpreadAuc()), f(q.magnitudeFrameAuc()), f(testMagnitude)));
                    System.out.println(rows.get(rows.size() - 1));
                    Files.write(out, rows);
                }
            }
        }
        System.out.println("config: " + C2fplConfig.forProfile(Profile.QUICK).toJson());
    }

    private static double value(tech.tablesaw.api.Table summary, String signal) {
        for (int i = 0; i < summary.rowCount(); i++) {
            if (summary.stringColumn("signal").get(i).equals(signal)) {
                return summary.doubleColumn("value").get(i);
            }
        }
        return Double.NaN;
    }

    private static double magnitudeAuc(FeatureSet set, int p) {
        double[] n = FeatureMagnitude.norms(set);
        float[] s = new float[n.length];
        for (int i = 0; i < n.length; i++) {
            s[i] = (float) n[i];
        }
        return FrameScores.of(set, s, p).auc();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
