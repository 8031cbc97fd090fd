package gcl.train;

import gcl.data.FeatureSet;
import gcl.data.Video;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Signals of an epoch that need <b>no test labels</b>, recorded in the training history so that
 * settings can be chosen (and failures noticed) without looking at test AUC. Lesson 03 reads them.
 *
 * <table>
 *   <caption>History columns</caption>
 *   <tr><th>column</th><th>what it measures</th><th>what a failure looks like</th></tr>
 *   <tr><td>{@code anomalous_by_g}, {@code anomalous_by_d}</td><td>share of the epoch's samples G / D
 *       labelled anomalous (Eq. 2, Eq. 4)</td><td>D labelling most of a batch: μ + 0.1σ on a skewed
 *       distribution of p̂</td></tr>
 *   <tr><td>{@code d_agrees_g}</td><td>AUC of D's probabilities (after its step) against G's labels on
 *       the same batch, averaged over batches: 1 = D ranks G's anomalies first, 0.5 = no relation</td>
 *       <td>below 0.5: D learned the opposite of what G taught it ("upside down")</td></tr>
 *   <tr><td>{@code d_mean}, {@code d_spread}</td><td>mean and standard deviation of p̂ over a batch</td>
 *       <td>a spread near 0: D gives every sample the same probability and its labels are noise</td></tr>
 *   <tr><td>{@code whole_videos_g}, {@code whole_videos_d}</td><td>share of the segments labelled
 *       anomalous that lie in videos labelled (nearly) whole, at least {@value #WHOLE} of their
 *       segments</td><td>near 1: the loop labels whole scenes, not events ("lock-in"); anomalies are a
 *       minority of their video, so true events rarely cover a whole video</td></tr>
 *   <tr><td>{@code kept_g}, {@code kept_d}</td><td>share of the samples labelled anomalous in this
 *       epoch that the same network also labelled anomalous in the previous epoch of the phase</td>
 *       <td>near 1 from the first epochs on, with D's loss near 0: the labels no longer move, each
 *       network only confirms what the other told it (an "echo"; negative learning makes G's errors
 *       high exactly where D said "anomalous")</td></tr>
 *   <tr><td>{@code dead_g1}…, {@code dead_d1}…</td><td>share of each hidden layer's units whose
 *       output is 0 for every sample of a fixed probe of {@value #PROBE} training segments</td>
 *       <td>a large share: "dying ReLU" units that no longer learn</td></tr>
 * </table>
 */
public final class Diagnostics {
    /** A video is labelled whole when at least this share of its segments is labelled anomalous. */
    public static final double WHOLE = 0.8;
    /** Training segments in the probe for dead units. */
    public static final int PROBE = 1024;

    private final int[] videoOfRow;
    private final int[] segmentsOfVideo;
    private final byte[] byG;
    private final byte[] byD;
    private boolean anyG;
    private boolean anyD;
    private double agreement;
    private long agreementWeight;
    private double mean;
    private double spread;
    private long spreadWeight;

    private final Diagnostics previous;

    /** An accumulator for the first epoch of a phase over the rows of a training set. */
    public Diagnostics(FeatureSet train) {
        this(train, null);
    }

    /** An accumulator for an epoch that follows {@code previous} in the same phase (null for the first). */
    public Diagnostics(FeatureSet train, Diagnostics previous) {
        this.previous = previous;
        this.videoOfRow = train.videoIndexOfRows();
        List<Video> videos = train.videos();
        this.segmentsOfVideo = new int[videos.size()];
        for (int i = 0; i < videos.size(); i++) {
            segmentsOfVideo[i] = videos.get(i).segments();
        }
        this.byG = new byte[train.size()];
        this.byD = new byte[train.size()];
    }

    /**
     * An accumulator that follows an epoch of which only the labels are known (a resumed run: the
     * labels saved with the checkpoint; either may be null).
     */
    public static Diagnostics resumedAfter(FeatureSet train, byte[] labelledByG, byte[] labelledByD) {
        Diagnostics last = new Diagnostics(train);
        if (labelledByG != null) {
            System.arraycopy(labelledByG, 0, last.byG, 0, last.byG.length);
            last.anyG = true;
        }
        if (labelledByD != null) {
            System.arraycopy(labelledByD, 0, last.byD, 0, last.byD.length);
            last.anyD = true;
        }
        return last;
    }

    /** The rows G labelled anomalous this epoch (1 per row), or null when it labelled none. */
    public byte[] labelledByG() {
        return anyG ? byG.clone() : null;
    }

    /** The rows D labelled anomalous this epoch (1 per row), or null when it labelled none. */
    public byte[] labelledByD() {
        return anyD ? byD.clone() : null;
    }

    /**
     * Records a batch: its rows, G's labels, D's probabilities after D's step and D's labels (each
     * may be null when the phase has none).
     */
    public void batch(int[] rows, PseudoLabels lG, INDArray dScores, PseudoLabels lD) {
        float[] g = lG == null ? null : lG.labels().toFloatVector();
        float[] l = lD == null ? null : lD.labels().toFloatVector();
        for (int q = 0; q < rows.length; q++) {
            if (g != null && g[q] >= 0.5f) {
                byG[rows[q]] = 1;
                anyG = true;
            }
            if (l != null && l[q] >= 0.5f) {
                byD[rows[q]] = 1;
                anyD = true;
            }
        }
        if (dScores != null) {
            float[] p = dScores.toFloatVector();
            double m = 0;
            for (float v : p) {
                m += v;
            }
            m /= p.length;
            double ss = 0;
            for (float v : p) {
                ss += (v - m) * (v - m);
            }
            mean += m * p.length;
            spread += Math.sqrt(ss / p.length) * p.length;
            spreadWeight += p.length;
            if (g != null) {
                double a = auc(p, g);
                if (!Double.isNaN(a)) {
                    agreement += a * p.length;
                    agreementWeight += p.length;
                }
            }
        }
    }

    /**
     * The epoch's columns: {@code d_agrees_g}, {@code d_mean}, {@code d_spread},
     * {@code whole_videos_g}, {@code whole_videos_d} where the epoch had them, then the dead-unit
     * shares of G's and D's hidden layers on the probe.
     */
    public Map<String, Double> finish(GclModel model, INDArray probe) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (agreementWeight > 0) {
            m.put("d_agrees_g", agreement / agreementWeight);
        }
        if (spreadWeight > 0) {
            m.put("d_mean", mean / spreadWeight);
            m.put("d_spread", spread / spreadWeight);
        }
        if (anyG) {
            m.put("whole_videos_g", wholeVideoShare(byG));
        }
        if (anyD) {
            m.put("whole_videos_d", wholeVideoShare(byD));
        }
        if (previous != null && anyG && previous.anyG) {
            m.put("kept_g", kept(byG, previous.byG));
        }
        if (previous != null && anyD && previous.anyD) {
            m.put("kept_d", kept(byD, previous.byD));
        }
        if (probe != null) {
            putDead(m, "dead_g", model.generator().hiddenActivations(probe));
            if (model.hasDiscriminator()) {
                putDead(m, "dead_d", model.discriminator().hiddenActivations(probe));
            }
        }
        return m;
    }

    private static void putDead(Map<String, Double> m, String prefix, List<INDArray> layers) {
        for (int i = 0; i < layers.size(); i++) {
            m.put(prefix + (i + 1), deadShare(layers.get(i)));
        }
    }

    /** Share of the columns (units) of an activation matrix [b, units] that are 0 in every row. */
    public static double deadShare(INDArray activations) {
        if (activations.rows() == 0 || activations.columns() == 0) {
            return Double.NaN;
        }
        INDArray maxAbs = org.nd4j.linalg.ops.transforms.Transforms.abs(activations, true).max(0);
        float[] v = maxAbs.toFloatVector();
        int dead = 0;
        for (float x : v) {
            if (x == 0f) {
                dead++;
            }
        }
        return dead / (double) v.length;
    }

    /** Share of the rows labelled now that were labelled before too. */
    static double kept(byte[] now, byte[] before) {
        long n = 0;
        long both = 0;
        for (int r = 0; r < now.length; r++) {
            if (now[r] == 1) {
                n++;
                both += before[r];
            }
        }
        return n == 0 ? Double.NaN : both / (double) n;
    }

    /** Share of the labelled rows that lie in videos with at least {@link #WHOLE} of their rows labelled. */
    double wholeVideoShare(byte[] labelled) {
        int[] perVideo = new int[segmentsOfVideo.length];
        long total = 0;
        for (int r = 0; r < labelled.length; r++) {
            if (labelled[r] == 1) {
                perVideo[videoOfRow[r]]++;
                total++;
            }
        }
        if (total == 0) {
            return Double.NaN;
        }
        long inWhole = 0;
        for (int i = 0; i < perVideo.length; i++) {
            if (perVideo[i] > 0 && perVideo[i] >= WHOLE * segmentsOfVideo[i]) {
                inWhole += perVideo[i];
            }
        }
        return inWhole / (double) total;
    }

    /**
     * The ROC AUC of scores against binary labels (ties count one half: the Mann–Whitney U statistic
     * over all positive–negative pairs); NaN when one class is empty. Frame-level evaluation uses
     * {@code gcl.eval.RocAuc}, which sits downstream of training.
     */
    static double auc(float[] scores, float[] labels) {
        double[] r = ranks(scores);
        double positiveRanks = 0;
        long positives = 0;
        for (int i = 0; i < r.length; i++) {
            if (labels[i] >= 0.5f) {
                positiveRanks += r[i];
                positives++;
            }
        }
        long negatives = r.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    /** Ranks 1..n, ties sharing their average rank. */
    static double[] ranks(float[] x) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Float.compare(x[p], x[q]));
        double[] r = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }
}
