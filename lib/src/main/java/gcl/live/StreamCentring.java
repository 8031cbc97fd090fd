package gcl.live;

import gcl.clean.VideoCentring;
import java.util.Arrays;

/**
 * The streaming median centring of a live stream, one segment at a time: each segment's feature
 * minus the per-dimension median of the stream's segments so far, itself included, as
 * {@link VideoCentring#STREAMING} centres a whole video (the same numbers, segment by segment, while
 * the stream is within the window). The first segment is centred on itself (all zeros).
 *
 * <p><b>Window.</b> A camera runs for days; the median is taken over the last {@code window}
 * segments (at 25 fps and p = 16, 4096 segments are about 44 minutes), so memory stays bounded
 * (two copies of the window: 64 MB at d = 2048) and the normal level follows slow changes such as
 * daylight. Each segment costs O(d · window) at most: a binary search and a shift per dimension.
 */
public final class StreamCentring {
    /** The default window: about 44 minutes at 25 fps and p = 16. */
    public static final int DEFAULT_WINDOW = 4096;

    private final int dim;
    private final int window;
    /** Per dimension, the window's values in {@link Float#compare} order; {@code count} of them are in use. */
    private float[][] sorted;
    /** The window's segments in arrival order, a ring of {@code capacity} rows starting at {@code oldest}. */
    private float[][] ring;
    private int count;
    private int oldest;
    private long seen;

    /** Centring of d-dimensional features over the last {@link #DEFAULT_WINDOW} segments. */
    public StreamCentring(int dim) {
        this(dim, DEFAULT_WINDOW);
    }

    /**
     * @param dim    d
     * @param window the most segments the median is taken over, at least 1
     */
    public StreamCentring(int dim, int window) {
        if (dim < 1 || window < 1) {
            throw new IllegalArgumentException("need d >= 1 and a window of at least 1 segment, got d = " + dim + ", window " + window);
        }
        this.dim = dim;
        this.window = window;
        int start = Math.min(window, 64);
        sorted = new float[dim][start];
        ring = new float[start][];
    }

    /** The segments centred so far. */
    public long seen() {
        return seen;
    }

    /** The segments the median is now taken over. */
    public int inWindow() {
        return count;
    }

    /** The window. */
    public int window() {
        return window;
    }

    /** The next segment's feature centred: f − the per-dimension median of the window with f in it (a new array). */
    public float[] centre(float[] f) {
        if (f.length != dim) {
            throw new IllegalArgumentException("a feature of d = " + f.length + " for a centring of d = " + dim);
        }
        if (count == window) {
            float[] old = ring[oldest];
            for (int k = 0; k < dim; k++) {
                remove(sorted[k], count, old[k]);
            }
            ring[oldest] = null;
            oldest = (oldest + 1) % ring.length;
            count--;
        }
        if (count == ring.length) {
            grow();
        }
        float[] row = f.clone();
        ring[(oldest + count) % ring.length] = row;
        for (int k = 0; k < dim; k++) {
            insert(sorted[k], count, row[k]);
        }
        count++;
        seen++;
        float[] out = new float[dim];
        int half = count / 2;
        for (int k = 0; k < dim; k++) {
            float[] s = sorted[k];
            float m = count % 2 == 1 ? s[half] : (s[half - 1] + s[half]) / 2f;
            out[k] = f[k] - m;
        }
        return out;
    }

    private void grow() {
        int capacity = Math.min(window, 2 * ring.length);
        float[][] bigger = new float[capacity][];
        for (int i = 0; i < count; i++) {
            bigger[i] = ring[(oldest + i) % ring.length];
        }
        ring = bigger;
        oldest = 0;
        for (int k = 0; k < dim; k++) {
            sorted[k] = Arrays.copyOf(sorted[k], capacity);
        }
    }

    /** Inserts v into the sorted a[0, n) after any equal values (as an insertion sort does). */
    private static void insert(float[] a, int n, float v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Float.compare(a[mid], v) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        System.arraycopy(a, lo, a, lo + 1, n - lo);
        a[lo] = v;
    }

    /** Removes one value equal to v (by {@link Float#compare}) from the sorted a[0, n). */
    private static void remove(float[] a, int n, float v) {
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Float.compare(a[mid], v);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                System.arraycopy(a, mid + 1, a, mid, n - mid - 1);
                return;
            }
        }
        throw new IllegalStateException("streaming centring lost track of a value of its window");
    }
}
