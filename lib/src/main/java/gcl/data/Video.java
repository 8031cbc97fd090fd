package gcl.data;

import java.util.Objects;

/**
 * One video of a split, as the method sees it: a run of consecutive rows in the split's feature
 * matrix (its segments, in temporal order), its frame count, and what is known about it.
 *
 * <p>Section 3.1 of the paper: video i is cut into m_i non-overlapping segments S(i,j) of p frames,
 * and f(i,j) = E(S(i,j)) is row {@code firstRow + j} of {@link FeatureSet#features()}.
 *
 * @param id          the video's name, unique in the dataset (file name without {@code .npy})
 * @param firstRow    the row of its first segment in the split's feature matrix
 * @param segments    how many segments (rows) it has, m_i
 * @param frames      how many frames evaluation counts for it (see the dataset's ground-truth convention)
 * @param label       the video-level label, {@link VideoLabel#UNKNOWN} when withheld
 * @param groundTruth frame-level ground truth (true = anomalous frame), length {@code frames};
 *                    {@code null} where there is none (training videos)
 */
public record Video(String id, int firstRow, int segments, int frames, VideoLabel label, boolean[] groundTruth) {
    public Video {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (segments < 0 || firstRow < 0 || frames < 0) {
            throw new IllegalArgumentException("video " + id + ": negative row, segment or frame count");
        }
        if (groundTruth != null && groundTruth.length != frames) {
            throw new IllegalArgumentException("video " + id + ": ground truth has " + groundTruth.length
                    + " frames but the video has " + frames);
        }
    }

    /** The row after its last segment. */
    public int endRow() {
        return firstRow + segments;
    }

    /** Whether frame-level ground truth is known. */
    public boolean hasGroundTruth() {
        return groundTruth != null;
    }

    /** Whether any frame is anomalous by the ground truth (false without ground truth). */
    public boolean hasAnomalousFrames() {
        if (groundTruth == null) {
            return false;
        }
        for (boolean b : groundTruth) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Video[" + id + ", " + segments + " segments, " + frames + " frames, " + label.id() + "]";
    }
}
