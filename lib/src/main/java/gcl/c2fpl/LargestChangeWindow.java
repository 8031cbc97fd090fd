package gcl.c2fpl;

/**
 * The fine stage's window: in a pseudo-anomalous video of m segments, the w consecutive segments
 * over which the p-values change the most (Eq. C6):
 * <pre>
 *   w   = max(2, ⌊α·m⌋)  (at most m)
 *   s*  = argmax_s  Σ_{j=s}^{s+w−2} |p_{j+1} − p_j|,   s = 0, ..., m − w
 * </pre>
 * Its segments s*, ..., s* + w − 1 are labelled anomalous, the others normal: an anomaly is taken to be
 * one contiguous event whose arrival and departure move the segments' p-values. On a tie the earliest
 * window wins. The lower bound of two segments is ours: a window of one segment holds no change.
 */
public final class LargestChangeWindow {
    private LargestChangeWindow() {
    }

    /** w for a video of m segments and window share α (Eq. C6). */
    public static int length(int segments, double share) {
        if (segments <= 0) {
            throw new IllegalArgumentException("a video needs segments for a window, got " + segments);
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("window share must be in (0, 1], got " + share);
        }
        return Math.min(segments, Math.max(2, (int) Math.floor(share * segments)));
    }

    /** The change inside the window of length w starting at s: Σ_{j=s}^{s+w−2} |p_{j+1} − p_j|. */
    public static double change(double[] p, int start, int w) {
        double sum = 0;
        for (int j = start; j < start + w - 1; j++) {
            sum += Math.abs(p[j + 1] - p[j]);
        }
        return sum;
    }

    /** s*: the start of the window of length w with the largest change (the earliest on a tie). */
    public static int start(double[] p, int w) {
        if (w < 1 || w > p.length) {
            throw new IllegalArgumentException("window of " + w + " segments in a video of " + p.length);
        }
        double best = Double.NEGATIVE_INFINITY;
        int bestStart = 0;
        for (int s = 0; s + w <= p.length; s++) {
            double c = change(p, s, w);
            if (c > best) {
                best = c;
                bestStart = s;
            }
        }
        return bestStart;
    }
}
