package gcl.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frame-level ground truth: anomalous frame intervals, frame masks, and segment labels.
 *
 * <p>Conventions used throughout the library:
 * <ul>
 *   <li>Frames are numbered from 0; an {@link Interval} is half-open, [start, end).</li>
 *   <li>Segment j of a video covers frames [j·p, (j+1)·p) (section 3.1: non-overlapping segments of
 *       p frames); frames past the last whole segment belong to no segment.</li>
 *   <li>The published evaluation gives every test video T·p frames, T being its number of feature
 *       rows ({@link GroundTruthConvention#SEGMENTS}); {@link #fit} cuts or pads a real-length mask to that.</li>
 * </ul>
 */
public final class GroundTruth {
    private GroundTruth() {
    }

    /** Anomalous frames [start, end), 0-based. */
    public record Interval(int start, int end) {
        public Interval {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad frame interval [" + start + ", " + end + ")");
            }
        }

        /** Number of frames. */
        public int length() {
            return end - start;
        }

        @Override
        public String toString() {
            return "[" + start + ", " + end + ")";
        }
    }

    /** How a segment's label follows from the labels of its p frames. */
    public enum SegmentRule {
        /** Anomalous if any of its frames is (the default: a segment touching an event shows some of it). */
        ANY,
        /** Anomalous if more than half of its frames are. */
        MAJORITY
    }

    /** The mask of {@code frames} frames with the given intervals set (intervals are clipped to the video). */
    public static boolean[] mask(List<Interval> intervals, int frames) {
        boolean[] m = new boolean[frames];
        for (Interval iv : intervals) {
            int from = Math.min(iv.start(), frames);
            int to = Math.min(iv.end(), frames);
            Arrays.fill(m, from, to, true);
        }
        return m;
    }

    /**
     * The mask of a video resampled from {@code fromFps} to {@code toFps}, with its intervals given in
     * the source's frame numbers: output frame k is the source frame nearest its time,
     * round(k · fromFps / toFps) (as {@code gcl.video.ReadOptions} resamples), and takes that frame's
     * label. Intervals written for 25 fps thus mark the same moments at 5 or 50 fps.
     *
     * @param frames the resampled video's frame count
     */
    public static boolean[] resample(List<Interval> intervals, double fromFps, double toFps, int frames) {
        if (!(fromFps > 0 && toFps > 0)) {
            throw new IllegalArgumentException("frame rates must be positive, got " + fromFps + " and " + toFps);
        }
        boolean[] m = new boolean[frames];
        for (int k = 0; k < frames; k++) {
            long source = Math.round(k * fromFps / toFps);
            for (Interval iv : intervals) {
                if (source >= iv.start() && source < iv.end()) {
                    m[k] = true;
                    break;
                }
            }
        }
        return m;
    }

    /** The maximal runs of anomalous frames in a mask, in order. */
    public static List<Interval> intervals(boolean[] mask) {
        List<Interval> out = new ArrayList<>();
        int i = 0;
        while (i < mask.length) {
            if (!mask[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < mask.length && mask[i]) {
                i++;
            }
            out.add(new Interval(start, i));
        }
        return out;
    }

    /**
     * Segment labels from a frame mask (true = anomalous segment).
     *
     * @param mask        frame mask (may be null: all normal)
     * @param segments    number of segments T
     * @param segmentSize p
     * @param rule        {@link SegmentRule#ANY} or {@link SegmentRule#MAJORITY}; frames beyond the
     *                    mask count as normal
     */
    public static boolean[] segmentLabels(boolean[] mask, int segments, int segmentSize, SegmentRule rule) {
        boolean[] labels = new boolean[segments];
        if (mask == null) {
            return labels;
        }
        for (int j = 0; j < segments; j++) {
            int anomalous = 0;
            for (int f = j * segmentSize; f < (j + 1) * segmentSize && f < mask.length; f++) {
                if (mask[f]) {
                    anomalous++;
                }
            }
            labels[j] = rule == SegmentRule.ANY ? anomalous > 0 : 2 * anomalous > segmentSize;
        }
        return labels;
    }

    /** A video's segment labels by {@link SegmentRule#ANY} (all normal when it has no ground truth). */
    public static boolean[] segmentLabels(Video video, int segmentSize) {
        return segmentLabels(video.groundTruth(), video.segments(), segmentSize, SegmentRule.ANY);
    }

    /** Segment labels by {@link SegmentRule#ANY}. */
    public static boolean[] segmentLabels(boolean[] mask, int segments, int segmentSize) {
        return segmentLabels(mask, segments, segmentSize, SegmentRule.ANY);
    }

    /**
     * The mask cut or padded (with normal frames) to {@code frames} frames: the published
     * convention gives each test video T·p frames whatever its real length.
     */
    public static boolean[] fit(boolean[] mask, int frames) {
        return fit(mask, frames, MaskPadding.NORMAL);
    }

    /** The mask cut to {@code frames} frames, or padded as {@code padding} says (the last frame's label, or normal). */
    public static boolean[] fit(boolean[] mask, int frames, MaskPadding padding) {
        boolean[] fitted = Arrays.copyOf(mask, frames);
        if (padding == MaskPadding.LAST && mask.length > 0 && mask.length < frames) {
            Arrays.fill(fitted, mask.length, frames, mask[mask.length - 1]);
        }
        return fitted;
    }

    /** The frame count of the published convention: T segments of p frames. */
    public static int framesOfSegments(int segments, int segmentSize) {
        return segments * segmentSize;
    }

    /** Number of anomalous frames. */
    public static int count(boolean[] mask) {
        int n = 0;
        if (mask != null) {
            for (boolean b : mask) {
                if (b) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Per-frame mask from per-segment labels: each segment's label repeated over its p frames. */
    public static boolean[] framesOfSegmentLabels(boolean[] segmentLabels, int segmentSize) {
        boolean[] m = new boolean[segmentLabels.length * segmentSize];
        for (int j = 0; j < segmentLabels.length; j++) {
            if (segmentLabels[j]) {
                Arrays.fill(m, j * segmentSize, (j + 1) * segmentSize, true);
            }
        }
        return m;
    }
}
