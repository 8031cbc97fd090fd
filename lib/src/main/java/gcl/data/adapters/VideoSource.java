package gcl.data.adapters;

import gcl.data.GroundTruth;
import gcl.data.Split;
import gcl.data.VideoLabel;
import java.io.IOException;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One video to import: where its features come from and what is known about its ground truth.
 *
 * @param id         the video id in the dataset directory
 * @param split      train or test
 * @param origin     where the features come from (a file, or a file and rows), for messages
 * @param features   reads the features ([T, d], or 10-crop [T, 10, d] / [10, T, d])
 * @param label      video-level label
 * @param intervals  anomalous frame intervals (annotation files), or null
 * @param mask       a frame mask (ShanghaiTech masks, concatenated ground truth), or null
 * @param realFrames the real frame count when known, else null (needed for the {@code frames} convention)
 */
public record VideoSource(String id, Split split, String origin, Reader features, VideoLabel label,
                          List<GroundTruth.Interval> intervals, boolean[] mask, Integer realFrames) {

    /** Reads a video's features. */
    @FunctionalInterface
    public interface Reader {
        INDArray read() throws IOException;
    }

    /** A source whose ground truth is a mask that depends on the segment count (concatenated ground truth). */
    public VideoSource withMask(boolean[] m) {
        return new VideoSource(id, split, origin, features, label, intervals, m, realFrames);
    }
}
