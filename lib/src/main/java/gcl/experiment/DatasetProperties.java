package gcl.experiment;

import gcl.clean.CleaningQuality;
import gcl.clean.TemporalDifferenceFilter;
import gcl.clean.VideoCentring;
import gcl.data.Dataset;
import gcl.data.FeatureSet;
import gcl.data.GroundTruth;
import gcl.data.Video;
import gcl.data.VideoLabel;
import gcl.eval.RocAuc;
import java.util.Arrays;
import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The properties of a dataset that GCL's premise is about (section 1: anomalies are rare in the
 * unlabelled training videos; section 3.3: anomalous segments are more eventful), measured on the
 * dataset itself. Most need no labels; those that do say so ({@link #table()}'s "needs" column) and
 * are NaN where the dataset has no such labels (real training splits carry no segment ground truth).
 *
 * <p>How hard the anomalies are is not a property of the data alone: the premise map measures it as
 * AE_OCC's and AE_AllData's frame AUC ({@link PremiseMap}); {@link #eventContrast} is a cheap
 * label-needing proxy.
 *
 * @param name                       the dataset's name
 * @param fingerprint                its fingerprint
 * @param dim                        feature dimension d
 * @param trainVideos                training videos
 * @param trainSegments              training segments (what one epoch of G sees)
 * @param testVideos                 test videos
 * @param testSegments               test segments
 * @param sceneShare                 share of the training features' variance between videos ({@link VideoCentring#sceneShare}); no labels
 * @param tdMedian                   median distance between consecutive training segments ‖f_{t+1} − f_t‖₂; no labels
 * @param tdTail                     95th percentile of those distances over their median: how much more eventful the most eventful segments are; no labels
 * @param anomalousTrainVideoShare   share of training videos labelled anomalous (video labels)
 * @param anomalousTrainSegmentShare share of training segments with an anomalous frame (training ground truth)
 * @param anomalousTestFrameShare    share of test frames that are anomalous (test ground truth)
 * @param eventContrast              mean distance of anomalous training segments to their video's median over that of normal ones (training ground truth)
 * @param tdAuc                      how well the temporal difference ranks anomalous training segments above normal ones, AUC (training ground truth)
 */
public record DatasetProperties(String name, String fingerprint, int dim, int trainVideos, int trainSegments, int testVideos,
                                int testSegments, double sceneShare, double tdMedian, double tdTail,
                                double anomalousTrainVideoShare, double anomalousTrainSegmentShare,
                                double anomalousTestFrameShare, double eventContrast, double tdAuc) {

    /** Measures every property of a dataset (labels where it has them). */
    public static DatasetProperties of(Dataset data) {
        FeatureSet train = data.train();
        int p = data.info().segmentSize();
        double[] td = TemporalDifferenceFilter.paper().apply(train).differences();
        double[] present = Arrays.stream(td).filter(Double::isFinite).sorted().toArray();
        double median = quantile(present, 0.5);
        boolean trainTruth = CleaningQuality.hasGroundTruth(train);
        boolean[] anomalous = trainTruth ? CleaningQuality.anomalousRows(train, p) : null;
        return new DatasetProperties(data.info().name(), data.fingerprint(), train.dim(), train.videos().size(), train.size(),
                data.test().videos().size(), data.test().size(), VideoCentring.sceneShare(train), median,
                quantile(present, 0.95) / median, videoShare(train), trainTruth ? share(anomalous) : Double.NaN,
                frameShare(data.test()), trainTruth ? eventContrast(train, anomalous) : Double.NaN,
                trainTruth ? tdAuc(td, anomalous) : Double.NaN);
    }

    /**
     * The mean distance of anomalous training segments to their video's per-dimension median, over
     * the mean distance of normal ones: how far an event moves a segment from its video's normal
     * level, in units of normal variation (needs training ground truth; NaN without).
     */
    public static double eventContrast(Dataset data) {
        FeatureSet train = data.train();
        if (!CleaningQuality.hasGroundTruth(train)) {
            return Double.NaN;
        }
        return eventContrast(train, CleaningQuality.anomalousRows(train, data.info().segmentSize()));
    }

    private static double eventContrast(FeatureSet train, boolean[] anomalous) {
        double[] sum = new double[2];
        int[] n = new int[2];
        for (Video v : train.videos()) {
            if (v.segments() == 0) {
                continue;
            }
            float[][] x = train.segmentsOf(v).toFloatMatrix();
            float[] centre = VideoCentring.median(x);
            for (int t = 0; t < x.length; t++) {
                double ss = 0;
                for (int k = 0; k < centre.length; k++) {
                    double diff = x[t][k] - centre[k];
                    ss += diff * diff;
                }
                int c = anomalous[v.firstRow() + t] ? 1 : 0;
                sum[c] += Math.sqrt(ss);
                n[c]++;
            }
        }
        return n[0] == 0 || n[1] == 0 ? Double.NaN : (sum[1] / n[1]) / (sum[0] / n[0]);
    }

    private static double tdAuc(double[] td, boolean[] anomalous) {
        int n = 0;
        for (double d : td) {
            n += Double.isFinite(d) ? 1 : 0;
        }
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        int i = 0;
        boolean both = false;
        for (int row = 0; row < td.length; row++) {
            if (Double.isFinite(td[row])) {
                scores[i] = td[row];
                labels[i] = anomalous[row];
                both |= labels[i] != labels[0];
                i++;
            }
        }
        return both ? RocAuc.auc(scores, labels) : Double.NaN;
    }

    private static double videoShare(FeatureSet train) {
        long known = train.videos().stream().filter(v -> v.label() != VideoLabel.UNKNOWN).count();
        long anomalous = train.videos().stream().filter(v -> v.label() == VideoLabel.ANOMALOUS).count();
        return known == 0 || known < train.videos().size() ? Double.NaN : anomalous / (double) known;
    }

    private static double frameShare(FeatureSet test) {
        long frames = 0;
        long anomalous = 0;
        for (Video v : test.videos()) {
            if (v.hasGroundTruth()) {
                frames += v.frames();
                anomalous += GroundTruth.count(v.groundTruth());
            }
        }
        return frames == 0 ? Double.NaN : anomalous / (double) frames;
    }

    private static double share(boolean[] flags) {
        int n = 0;
        for (boolean b : flags) {
            n += b ? 1 : 0;
        }
        return flags.length == 0 ? Double.NaN : n / (double) flags.length;
    }

    /** The q-quantile of sorted values (linear between ranks); NaN when there are none. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The properties as a table: property, value, what it needs ("no labels", "video labels",
     * "training ground truth", "test ground truth") and what it says about GCL's premise.
     */
    public Table table() {
        StringColumn property = StringColumn.create("property");
        StringColumn value = StringColumn.create("value");
        StringColumn needs = StringColumn.create("needs");
        StringColumn says = StringColumn.create("what it says");
        Object[][] rows = {
            {"training videos / segments", trainVideos + " / " + trainSegments, "no labels", "how much data G and D learn from"},
            {"scene share of variance", f2(sceneShare), "no labels", "near 1: the scene decides a segment's feature (the robust preset centres each video from 0.5)"},
            {"median temporal difference", f2(tdMedian), "no labels", "how much consecutive segments differ (the paper's D_th = 0.70 is on ResNeXt features)"},
            {"temporal difference, 95th pct / median", f2(tdTail), "no labels", "how much more eventful the most eventful segments are"},
            {"anomalous training videos", percent(anomalousTrainVideoShare), "video labels", "GCL's premise: anomalies are a minority of the unlabelled videos"},
            {"anomalous training segments", percent(anomalousTrainSegmentShare), "training ground truth", "GCL's premise: and a minority of the segments"},
            {"event contrast", f2(eventContrast), "training ground truth", "anomalous over normal distance to the video's median: how far events stand out"},
            {"temporal difference AUC (train)", percent(tdAuc), "training ground truth", "TD cleaning's premise (section 3.3): anomalous segments are more eventful"},
            {"anomalous test frames", percent(anomalousTestFrameShare), "test ground truth", "what the frame AUC is computed on"},
        };
        for (Object[] r : rows) {
            property.append((String) r[0]);
            value.append((String) r[1]);
            needs.append((String) r[2]);
            says.append((String) r[3]);
        }
        return Table.create("Premise properties of " + name, property, value, needs, says);
    }

    private static String f2(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "– (no such labels)" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
