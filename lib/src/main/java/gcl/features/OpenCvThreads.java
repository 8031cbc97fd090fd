package gcl.features;

import org.bytedeco.opencv.global.opencv_core;

/**
 * Turns OpenCV's own thread pool off while extraction runs its own worker threads, and back on
 * afterwards:
 * <pre>{@code
 * int previous = OpenCvThreads.sequential();
 * try { ... } finally { OpenCvThreads.restore(previous); }
 * }</pre>
 *
 * <p>OpenCV parallelises single calls over its thread pool. On frames of a few hundred pixels per
 * side that pool costs more than it gains, and beside our workers (one video per thread) it only
 * competes with them for the same cores. The setting is global to the process.
 */
final class OpenCvThreads {
    private OpenCvThreads() {
    }

    /** Makes OpenCV run its functions on the calling thread; returns the setting to {@link #restore}. */
    static int sequential() {
        int previous = opencv_core.getNumThreads();
        opencv_core.setNumThreads(1);
        return previous;
    }

    /** Puts back the setting {@link #sequential()} returned. */
    static void restore(int previous) {
        opencv_core.setNumThreads(previous);
    }
}
