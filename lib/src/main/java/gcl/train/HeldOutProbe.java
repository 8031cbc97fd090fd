package gcl.train;

import gcl.data.FeatureSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How well D reproduces G on training videos that neither network was updated on
 * ({@link HeldOutVideos}), against the same measure on training rows it was updated on: history
 * columns that need no test label. Not in the paper.
 *
 * <p><b>Why.</b> D learns from G's pseudo-labels (Eq. 3). When G labels only a few segments, D can
 * fit them on the training rows by memorising those rows rather than learning what makes them
 * unusual: its agreement with G on the rows it trained on ({@code d_agrees_g}) reaches 1.00 either
 * way. On videos it never saw, a D that learned the pattern still agrees with G, a memorising one
 * does not. Both measures are taken the same way, on the whole probe at once:
 * <ul>
 *   <li>{@code ho_agree}, {@code fit_agree}: the ROC AUC of D's probabilities against G's labels
 *       (G's own threshold over the probe's errors, Eq. 2) on the held-out videos, and on as many
 *       rows drawn once from the training videos;</li>
 *   <li>{@code ho_rank}, {@code fit_rank}: Spearman's rank correlation of D's probabilities with
 *       G's errors over all rows of each probe (agreement beyond the labelled top share);</li>
 *   <li>{@code ho_g_ratio}: G's mean error on the held-out videos over its mean error on the
 *       training rows (G's own generalisation).</li>
 * </ul>
 * Columns appear once D has been trained (D's pre-training and the loop); G's ratio in every epoch.
 */
public final class HeldOutProbe implements EpochListener {
    /**
     * Below this held-out agreement D is taken to have memorised its training segments (the trainer
     * warns). D reproduces G's labels on the videos it trained on at about 1.00; 0.8 is the usual
     * lower bound of "good" discrimination for an AUC, so a gap of 0.2 or more to the training videos.
     */
    public static final double MEMORISED = 0.8;

    /** The warning for an epoch's columns, or null when there is none to give. */
    public static String warning(Map<String, Double> m) {
        double ho = m.getOrDefault("ho_agree", Double.NaN);
        double fit = m.getOrDefault("fit_agree", Double.NaN);
        if (!(ho < MEMORISED)) {
            return null;
        }
        return String.format(Locale.ROOT, "D reproduces G's labels on the videos it trained on (fit_agree %.2f)"
                + " but not on the training videos held out of its updates (ho_agree %.2f < %.1f): D has memorised its"
                + " training segments and its probabilities (the paper's score) are unreliable on new videos;"
                + " so is the 'either' score, which takes D's rank wherever it is the larger: G's own score"
                + " (--set scoreBy=g) does not depend on D", fit, ho, MEMORISED);
    }

    private final FeatureSet heldOut;
    private final FeatureSet fit;
    private final int[] fitRows;

    /**
     * @param split the held-out videos and the training videos
     * @param rng   draws the training rows compared against (as many as the held-out rows)
     */
    public HeldOutProbe(HeldOutVideos split, Random rng) {
        if (!split.any()) {
            throw new IllegalArgumentException("no held-out videos to probe");
        }
        this.heldOut = split.heldOut();
        this.fit = split.fit();
        this.fitRows = sample(fit.size(), Math.min(fit.size(), heldOut.size()), rng);
    }

    /** {@code k} distinct indices of [0, n), drawn by a partial Fisher–Yates shuffle, sorted. */
    static int[] sample(int n, int k, Random rng) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int x = all[i];
            all[i] = all[j];
            all[j] = x;
        }
        int[] rows = Arrays.copyOf(all, k);
        Arrays.sort(rows);
        return rows;
    }

    private float[] fitScores(GclModel model, ScoreSource source) {
        // whole videos are scored (each centred on its own median), then the sampled rows kept
        float[] all = model.scores(fit, source);
        float[] out = new float[fitRows.length];
        for (int i = 0; i < fitRows.length; i++) {
            out[i] = all[fitRows[i]];
        }
        return out;
    }

    @Override
    public Map<String, Double> afterEpoch(Phase phase, int epoch, GclModel model) {
        Map<String, Double> m = new LinkedHashMap<>();
        float[] gH = model.scores(heldOut, ScoreSource.GENERATOR);
        float[] gF = fitScores(model, ScoreSource.GENERATOR);
        m.put("ho_g_ratio", mean(gH) / mean(gF));
        boolean dTrained = model.hasDiscriminator() && phase != Phase.PRETRAIN_G;
        if (!dTrained) {
            return m;
        }
        float[] dH = model.scores(heldOut, ScoreSource.DISCRIMINATOR);
        float[] dF = fitScores(model, ScoreSource.DISCRIMINATOR);
        m.put("ho_agree", agreement(model, gH, dH));
        m.put("fit_agree", agreement(model, gF, dF));
        m.put("ho_rank", spearman(dH, gH));
        m.put("fit_rank", spearman(dF, gF));
        return m;
    }

    /** AUC of D's probabilities against G's labels (G's threshold over the whole probe). */
    static double agreement(GclModel model, float[] errors, float[] probabilities) {
        PseudoLabels lG = model.generatorLabels(Nd4j.createFromArray(errors));
        return Diagnostics.auc(probabilities, lG.labels().toFloatVector());
    }

    static double mean(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Spearman's rank correlation (average ranks for ties); NaN when either side is constant. */
    static double spearman(float[] a, float[] b) {
        double[] ra = Diagnostics.ranks(a);
        double[] rb = Diagnostics.ranks(b);
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < ra.length; i++) {
            ma += ra[i];
            mb += rb[i];
        }
        ma /= ra.length;
        mb /= rb.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < ra.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }
}
