package gcl.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference a − b of two results, with a 95 % confidence interval: how {@link Claims} compares
 * two methods.
 *
 * <p>Runs of two methods with the same seed share their data, their split and every random draw that
 * does not depend on the method, so the comparison is <em>paired</em>: with the differences
 * d<sub>s</sub> = a<sub>s</sub> − b<sub>s</sub> over the n seeds both have, mean d̄ and sample standard
 * deviation s<sub>d</sub>, the interval is Student's t over the paired differences,
 * d̄ ± t<sub>0.975, n−1</sub> · s<sub>d</sub> / √n. Where the two share fewer than two seeds but each
 * has two runs or more, the two samples are independent and the interval is Welch's (a − b of the means,
 * Welch–Satterthwaite degrees of freedom). With one run on a side there is no interval: only the sign.
 */
public record PairedDifference(double mean, double low, double high, int n, Pairing pairing) {
    /** The confidence of every interval here. */
    public static final double CONFIDENCE = 0.95;

    /** How the two samples were compared. */
    public enum Pairing {
        /** Paired over the seeds both have: t over the differences. */
        PAIRED,
        /** Independent samples (seeds not shared): Welch's interval. */
        WELCH,
        /** One run on a side (or none): a difference without an interval. */
        NONE
    }

    /**
     * The difference of {@code a} and {@code b}, each a map from seed to value: paired over the shared
     * seeds where two or more are shared, else Welch's, else no interval.
     */
    public static PairedDifference of(Map<Integer, Double> a, Map<Integer, Double> b) {
        List<Double> d = new ArrayList<>();
        for (var e : new TreeMap<>(a).entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                d.add(e.getValue() - other);
            }
        }
        if (d.size() >= 2) {
            return paired(d.stream().mapToDouble(Double::doubleValue).toArray());
        }
        double[] av = a.values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] bv = b.values().stream().mapToDouble(Double::doubleValue).toArray();
        if (av.length >= 2 && bv.length >= 2) {
            return welch(av, bv);
        }
        double gap = mean(av) - mean(bv);
        return new PairedDifference(gap, Double.NaN, Double.NaN, Math.min(av.length, bv.length), Pairing.NONE);
    }

    /** The t interval of the mean of paired differences {@code d} (two or more). */
    public static PairedDifference paired(double[] d) {
        int n = d.length;
        double m = mean(d);
        double half = tQuantile(n - 1) * std(d, m) / Math.sqrt(n);
        return new PairedDifference(m, m - half, m + half, n, Pairing.PAIRED);
    }

    /** Welch's interval of mean(a) − mean(b) for two independent samples (two or more each). */
    public static PairedDifference welch(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double va = Math.pow(std(a, ma), 2) / a.length;
        double vb = Math.pow(std(b, mb), 2) / b.length;
        double se = Math.sqrt(va + vb);
        double df = se == 0 ? a.length + b.length - 2
                : Math.pow(va + vb, 2) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double half = tQuantile(df) * se;
        return new PairedDifference(ma - mb, ma - mb - half, ma - mb + half, Math.min(a.length, b.length), Pairing.WELCH);
    }

    /**
     * The t interval of one mean: mean ± t<sub>0.975, n−1</sub> · std / √n, as {low, high}; for one
     * value, that value at both ends.
     */
    public static double[] meanInterval(double mean, double std, int n) {
        if (n < 2) {
            return new double[] {mean, mean};
        }
        double half = tQuantile(n - 1) * std / Math.sqrt(n);
        return new double[] {mean - half, mean + half};
    }

    /** The two-sided 95 % quantile of Student's t with {@code df} degrees of freedom (12.706 for 1, 4.303 for 2). */
    public static double tQuantile(double df) {
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    /** Whether there is an interval (two seeds or more on each side). */
    public boolean hasInterval() {
        return pairing != Pairing.NONE;
    }

    /** "+3.2 (1.1 to 5.3)", or "+3.2" without an interval; two decimals below one point. */
    public String text() {
        String m = signed(mean);
        return hasInterval() ? m + " (" + plain(low) + " to " + plain(high) + ")" : m;
    }

    /** How the interval was made, in a few words: "paired, 5 seeds". */
    public String how() {
        return switch (pairing) {
            case PAIRED -> "paired, " + n + " seeds";
            case WELCH -> "unpaired (Welch)";
            case NONE -> n == 0 ? "not measured" : "one seed";
        };
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "−") + plain(Math.abs(v)).replace("−", "");
    }

    private static String plain(double v) {
        String s = String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.2f" : "%.1f", v);
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    private static double std(double[] v, double mean) {
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
