package gcl.train;

import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.data.VideoLabel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The video-level labels GCL_WS may use (section 4.1, Fig. 9): a fraction of the training videos
 * keep their label (normal or anomalous), the rest count as unlabelled. How the labels enter both
 * G's and D's pseudo-labels is described in {@link PseudoLabeler}.
 *
 * <p>Which videos keep their label is drawn at random (by the given generator) among the videos
 * whose label is known; the count is {@code round(fraction × known)}.
 */
public final class WeakLabels {
    private static final WeakLabels NONE = new WeakLabels(null, 0, 0);

    private final VideoLabel[] perRow;
    private final int labelledVideos;
    private final int knownVideos;

    private WeakLabels(VideoLabel[] perRow, int labelledVideos, int knownVideos) {
        this.perRow = perRow;
        this.labelledVideos = labelledVideos;
        this.knownVideos = knownVideos;
    }

    /** No labels at all: the unsupervised setting. */
    public static WeakLabels none() {
        return NONE;
    }

    /**
     * Keeps the labels of a fraction (in [0, 1]) of the set's labelled videos.
     *
     * @throws IllegalArgumentException for a positive fraction when no video has a known label
     */
    public static WeakLabels sample(FeatureSet set, double fraction, Random rng) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("weak-label fraction must be in [0, 1], got " + fraction);
        }
        List<Video> known = new ArrayList<>();
        for (Video v : set.videos()) {
            if (v.label() != VideoLabel.UNKNOWN) {
                known.add(v);
            }
        }
        if (fraction > 0 && known.isEmpty()) {
            throw new IllegalArgumentException("weak supervision needs video labels, but no training video has one "
                    + "(videos.csv labels are all 'unknown')");
        }
        Collections.shuffle(known, rng);
        int take = (int) Math.round(fraction * known.size());
        VideoLabel[] perRow = new VideoLabel[set.size()];
        Arrays.fill(perRow, VideoLabel.UNKNOWN);
        for (Video v : known.subList(0, take)) {
            Arrays.fill(perRow, v.firstRow(), v.endRow(), v.label());
        }
        return new WeakLabels(perRow, take, known.size());
    }

    /** The known labels of these rows, or {@code null} when nothing is known. */
    public VideoLabel[] of(int[] rows) {
        if (perRow == null) {
            return null;
        }
        VideoLabel[] out = new VideoLabel[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = perRow[rows[i]];
        }
        return out;
    }

    @Override
    public String toString() {
        return perRow == null ? "WeakLabels[none]" : "WeakLabels[" + labelledVideos + " of " + knownVideos + " labelled videos]";
    }
}
