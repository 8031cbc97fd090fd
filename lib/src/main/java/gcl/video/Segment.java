package gcl.video;

import java.util.List;

/**
 * One segment S(i, j) of the paper (section 3.1): p consecutive frames of a video, the unit that
 * one feature vector describes.
 *
 * @param index      j, the segment's place in the video (0-based)
 * @param firstFrame the video frame its first frame is (0-based), {@code index * p}
 * @param frames     exactly p frames; a padded last segment repeats its last real frame
 * @param realFrames how many of {@code frames} are the video's own: p, except in a padded last segment
 */
public record Segment(int index, int firstFrame, List<VideoFrame> frames, int realFrames) {
    public Segment {
        frames = List.copyOf(frames);
        if (realFrames < 1 || realFrames > frames.size()) {
            throw new IllegalArgumentException("segment " + index + ": " + realFrames + " real frames of " + frames.size());
        }
    }

    /** p, the number of frames. */
    public int size() {
        return frames.size();
    }

    /** Whether the last real frame was repeated to fill it. */
    public boolean padded() {
        return realFrames < frames.size();
    }

    /** The video frame after its last real frame: it covers frames [firstFrame, endFrame). */
    public int endFrame() {
        return firstFrame + realFrames;
    }
}
