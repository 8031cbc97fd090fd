package gcl.eval;

import gcl.data.FeatureSet;
import gcl.data.Video;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * From segment scores to frame scores (the evaluation protocol of section 4): every segment's score
 * is repeated over its p frames, and a video's frames are matched to its frame count.
 *
 * <p>Frame k of a video takes the score of segment ⌊k / p⌋. When the video has more frames than
 * its segments cover (a last partial segment that got no feature), the extra frames take the last
 * segment's score (padding); when it has fewer, the surplus is dropped (trimming). A video without
 * segments scores 0 on all its frames.
 */
public final class FrameScores {
    private FrameScores() {
    }

    /** The frame scores of one video from its segment scores. */
    public static double[] ofVideo(float[] segmentScores, int frames, int segmentSize) {
        if (segmentSize <= 0) {
            throw new IllegalArgumentException("segment size must be positive, got " + segmentSize);
        }
        double[] out = new double[frames];
        if (segmentScores.length == 0) {
            return out;
        }
        for (int k = 0; k < frames; k++) {
            out[k] = segmentScores[Math.min(k / segmentSize, segmentScores.length - 1)];
        }
        return out;
    }

    /**
     * Frame scores and ground truth of all videos of a set that have ground truth, concatenated in
     * the set's order (videos without ground truth are skipped).
     *
     * @param segmentScores one score per row of the set
     */
    public static FrameLevel of(FeatureSet set, float[] segmentScores, int segmentSize) {
        if (segmentScores.length != set.size()) {
            throw new IllegalArgumentException(segmentScores.length + " segment scores for " + set.size() + " segments");
        }
        return of(set.videos(), segmentScores, segmentSize);
    }

    /**
     * The field's 10-crop test protocol: a video imported crop by crop (ids {@code id#0} ...
     * {@code id#9}, {@link gcl.data.CropPolicy#EACH}) is scored crop by crop, the crops' scores are
     * averaged per segment, and the video counts once (with crop 0's frames and ground truth).
     * Videos without crops are taken as they are.
     *
     * @throws IllegalArgumentException when the set holds no crops, or the crops of a video differ in length
     */
    public static FrameLevel ofCropAveraged(FeatureSet set, float[] segmentScores, int segmentSize) {
        if (segmentScores.length != set.size()) {
            throw new IllegalArgumentException(segmentScores.length + " segment scores for " + set.size() + " segments");
        }
        Map<String, List<Video>> byVideo = new LinkedHashMap<>();
        for (Video v : set.videos()) {
            byVideo.computeIfAbsent(v.id().replaceFirst("#\\d+$", ""), k -> new ArrayList<>()).add(v);
        }
        if (byVideo.size() == set.videos().size()) {
            throw new IllegalArgumentException("no 10-crop videos to average (ids id#0 ... id#9): import the features"
                    + " with --crops each to score crop by crop");
        }
        float[] averaged = segmentScores.clone();
        List<Video> once = new ArrayList<>();
        for (List<Video> crops : byVideo.values()) {
            Video first = crops.get(0);
            for (int j = 0; j < first.segments(); j++) {
                double sum = 0;
                for (Video c : crops) {
                    if (c.segments() != first.segments()) {
                        throw new IllegalArgumentException("crops of one video differ in length: " + first.id() + " has "
                                + first.segments() + " segments, " + c.id() + " " + c.segments());
                    }
                    sum += segmentScores[c.firstRow() + j];
                }
                averaged[first.firstRow() + j] = (float) (sum / crops.size());
            }
            once.add(first);
        }
        return of(once, averaged, segmentSize);
    }

    private static FrameLevel of(List<Video> videos, float[] segmentScores, int segmentSize) {
        int total = 0;
        List<Video> used = new ArrayList<>();
        for (Video v : videos) {
            if (v.hasGroundTruth()) {
                used.add(v);
                total += v.frames();
            }
        }
        double[] scores = new double[total];
        boolean[] labels = new boolean[total];
        int[] starts = new int[used.size()];
        List<String> ids = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < used.size(); i++) {
            Video v = used.get(i);
            float[] seg = Arrays.copyOfRange(segmentScores, v.firstRow(), v.endRow());
            double[] f = ofVideo(seg, v.frames(), segmentSize);
            System.arraycopy(f, 0, scores, at, f.length);
            System.arraycopy(v.groundTruth(), 0, labels, at, f.length);
            starts[i] = at;
            ids.add(v.id());
            at += f.length;
        }
        return new FrameLevel(scores, labels, List.copyOf(ids), starts);
    }

    /**
     * Frame-level scores and labels of several videos, concatenated.
     *
     * @param scores     one score per frame
     * @param labels     ground truth per frame (true = anomalous)
     * @param videoIds   the videos, in order
     * @param videoStart the index of each video's first frame
     */
    public record FrameLevel(double[] scores, boolean[] labels, List<String> videoIds, int[] videoStart) {
        /** Number of frames. */
        public int frames() {
            return scores.length;
        }

        /** Number of anomalous frames. */
        public int anomalousFrames() {
            int n = 0;
            for (boolean b : labels) {
                n += b ? 1 : 0;
            }
            return n;
        }

        /** ROC AUC of these frames. */
        public double auc() {
            return RocAuc.auc(scores, labels);
        }

        /** Average precision of these frames. */
        public double averagePrecision() {
            return RocAuc.averagePrecision(scores, labels);
        }
    }
}
