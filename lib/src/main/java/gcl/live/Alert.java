package gcl.live;

import gcl.video.VideoFrame;
import java.util.List;
import java.util.Locale;

/**
 * One alert of a watch: the segments from the one whose smoothed score reached the entering
 * threshold to the last before it fell below the leaving threshold.
 *
 * @param number       1, 2, ... in the order they started
 * @param firstSegment the segment that started it
 * @param lastSegment  its last segment (the watch's last one when it was still on at the end)
 * @param startSeconds video time of its first segment
 * @param endSeconds   video time of the end of its last segment
 * @param peakScore    the highest segment score in it
 * @param peakSegment  the segment with that score
 * @param open         whether it was still on when the watch ended
 * @param frames       the middle frame of its first segment and of its peak segment (empty unless the
 *                     watch keeps alert frames)
 */
public record Alert(int number, int firstSegment, int lastSegment, double startSeconds, double endSeconds, float peakScore,
                    int peakSegment, boolean open, List<VideoFrame> frames) {
    public Alert {
        frames = List.copyOf(frames);
    }

    /** Its length in seconds of video. */
    public double seconds() {
        return endSeconds - startSeconds;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "alert %d: t=%.2f-%.2f s (segments %d-%d), peak %.4f at segment %d%s", number,
                startSeconds, endSeconds, firstSegment, lastSegment, peakScore, peakSegment, open ? ", still on at the end" : "");
    }
}
