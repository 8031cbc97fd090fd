package gcl.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a batch's scores are cut into pseudo-labels: the thresholds L^th_G of Eq. (2) and L^th_D of
 * Eq. (4). A sample is labelled anomalous (1) when its score is at least the threshold.
 *
 * <ul>
 *   <li>{@code mean+1std}: μ + kσ of the batch's scores (k = 1 for G, k = 0.1 for D in the paper,
 *       section 4). σ is the population standard deviation (divide by b).</li>
 *   <li>{@code top:10}: a fixed percentage of the batch, those with the largest scores (section 3.2.2
 *       mentions "a fixed percentage of the samples having maximum reconstruction error"); ties
 *       with the cut-off score are labelled anomalous too.</li>
 *   <li>{@code otsu}: Otsu's threshold on a 256-bin histogram of the batch's scores, the
 *       "low-density region between two peaks" idea of section 3.2.2.</li>
 *   <li>{@code match-g} (D only; not in the paper, the robust preset): D labels as large a share of
 *       the batch as G labelled on it, its highest probabilities. The paper's μ_P + 0.1σ_P assumes a
 *       roughly symmetric spread of p̂; once D's outputs are skewed (most near 0, a long tail), it
 *       labels most of the batch anomalous, and negative learning then pushes G away from normal
 *       data. Tying D's share to G's keeps the two networks' notions of "rare" the same.</li>
 * </ul>
 *
 * @param kind      which rule
 * @param parameter k for {@link Kind#MEAN_STD}, the percentage for {@link Kind#TOP_PERCENT}, the bin count for {@link Kind#OTSU}
 */
public record Threshold(Kind kind, double parameter) {
    /** The rules. */
    public enum Kind { MEAN_STD, TOP_PERCENT, OTSU, MATCH_G }

    /** G's threshold in the paper: μ_R + σ_R. */
    public static final Threshold PAPER_GENERATOR = meanPlusStd(1.0);
    /** D's threshold in the paper: μ_P + 0.1 σ_P. */
    public static final Threshold PAPER_DISCRIMINATOR = meanPlusStd(0.1);

    private static final Pattern MEAN_STD = Pattern.compile("mean\\s*\\+\\s*([-0-9.eE]+)\\s*\\*?\\s*std");

    public Threshold {
        Objects.requireNonNull(kind, "kind");
        if (!Double.isFinite(parameter)
                || kind == Kind.TOP_PERCENT && (parameter <= 0 || parameter > 100)
                || kind == Kind.OTSU && (parameter < 2 || parameter != Math.rint(parameter))) {
            throw new IllegalArgumentException("bad threshold parameter " + parameter + " for " + kind);
        }
    }

    /** μ + kσ of the batch. */
    public static Threshold meanPlusStd(double k) {
        return new Threshold(Kind.MEAN_STD, k);
    }

    /** The top {@code percent} % of the batch. */
    public static Threshold topPercent(double percent) {
        return new Threshold(Kind.TOP_PERCENT, percent);
    }

    /** D's threshold that labels the share of the batch G labelled (robust preset). */
    public static final Threshold MATCH_G = new Threshold(Kind.MATCH_G, 0);

    /** Otsu's threshold on a 256-bin histogram. */
    public static Threshold otsu() {
        return new Threshold(Kind.OTSU, 256);
    }

    /** Parses {@code mean+1std}, {@code mean+0.1std}, {@code top:10} or {@code otsu} (also {@code otsu:64}). */
    @JsonCreator
    public static Threshold parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            Matcher m = MEAN_STD.matcher(s);
            if (m.matches()) {
                return meanPlusStd(Double.parseDouble(m.group(1)));
            }
            if (s.equals("mean")) {
                return meanPlusStd(0);
            }
            if (s.startsWith("top:")) {
                return topPercent(Double.parseDouble(s.substring(4).replace("%", "")));
            }
            if (s.equals("otsu")) {
                return otsu();
            }
            if (s.startsWith("otsu:")) {
                return new Threshold(Kind.OTSU, Integer.parseInt(s.substring(5)));
            }
            if (s.equals("match-g")) {
                return MATCH_G;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("threshold '" + text + "': use mean+Kstd (e.g. mean+1std), top:PERCENT (e.g. top:10), otsu or match-g (D only)");
    }

    /** The text form: {@code mean+1std}, {@code top:10}, {@code otsu}. */
    @JsonValue
    public String id() {
        return switch (kind) {
            case MEAN_STD -> "mean+" + number(parameter) + "std";
            case TOP_PERCENT -> "top:" + number(parameter);
            case OTSU -> parameter == 256 ? "otsu" : "otsu:" + (int) parameter;
            case MATCH_G -> "match-g";
        };
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The threshold for these scores (one batch). NaN for no scores; {@link Kind#MATCH_G} needs {@link #of(double[], double)}. */
    public double of(double[] scores) {
        if (kind == Kind.MATCH_G) {
            throw new IllegalStateException("threshold match-g needs G's share of the batch");
        }
        return of(scores, Double.NaN);
    }

    /**
     * The threshold for these scores (one batch), where G labelled {@code generatorShare} of the same
     * batch anomalous (used by {@link Kind#MATCH_G} only). NaN for no scores; +∞ (nothing labelled)
     * when G labelled nothing.
     */
    public double of(double[] scores, double generatorShare) {
        if (scores.length == 0) {
            return Double.NaN;
        }
        return switch (kind) {
            case MEAN_STD -> meanStd(scores, parameter);
            case TOP_PERCENT -> top(scores, parameter);
            case OTSU -> otsu(scores, (int) parameter);
            case MATCH_G -> generatorShare > 0 ? top(scores, Math.min(100, 100 * generatorShare))
                    : Double.POSITIVE_INFINITY;
        };
    }

    static double meanStd(double[] x, double k) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        return mean + k * Math.sqrt(var / x.length);
    }

    static double top(double[] x, double percent) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int count = Math.max(1, (int) Math.ceil(percent / 100.0 * x.length));
        return sorted[x.length - count];
    }

    /** Otsu (1979): the bin edge that maximises the between-class variance w0·w1·(μ0 − μ1)². */
    static double otsu(double[] x, int bins) {
        double min = Arrays.stream(x).min().orElseThrow();
        double max = Arrays.stream(x).max().orElseThrow();
        if (max == min) {
            return max;
        }
        double width = (max - min) / bins;
        long[] count = new long[bins];
        double[] sum = new double[bins];
        for (double v : x) {
            int b = Math.min(bins - 1, (int) ((v - min) / width));
            count[b]++;
            sum[b] += v;
        }
        double total = 0;
        for (double s : sum) {
            total += s;
        }
        long n0 = 0;
        double s0 = 0;
        double best = -1;
        int bestEdge = 1;
        for (int t = 1; t < bins; t++) {
            n0 += count[t - 1];
            s0 += sum[t - 1];
            long n1 = x.length - n0;
            if (n0 == 0 || n1 == 0) {
                continue;
            }
            double mu0 = s0 / n0;
            double mu1 = (total - s0) / n1;
            double between = (double) n0 * n1 * (mu0 - mu1) * (mu0 - mu1);
            if (between > best) {
                best = between;
                bestEdge = t;
            }
        }
        return min + bestEdge * width;
    }

    @Override
    public String toString() {
        return id();
    }
}
