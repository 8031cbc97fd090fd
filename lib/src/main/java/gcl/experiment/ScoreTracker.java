package gcl.experiment;

import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.eval.FrameScores;
import gcl.train.EpochListener;
import gcl.train.GclModel;
import gcl.train.Phase;
import gcl.train.ScoreSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the frame-level scores of a few test videos after every epoch of the cooperative loop,
 * to watch them evolve (the paper's Fig. 7). It only reads the model, so training is the same with
 * or without it; it adds no history columns.
 */
public final class ScoreTracker implements EpochListener {
    private final FeatureSet set;
    private final List<Video> videos;
    private final int segmentSize;
    private final ScoreSource source;
    private final Map<String, Map<String, double[]>> scores = new LinkedHashMap<>();

    /**
     * @param set         the set the videos belong to (usually the test split)
     * @param videos      the videos to follow
     * @param segmentSize frames per segment p
     * @param source      D's probabilities (the paper's scores) or G's errors
     */
    public ScoreTracker(FeatureSet set, List<Video> videos, int segmentSize, ScoreSource source) {
        this.set = set;
        this.videos = List.copyOf(videos);
        this.segmentSize = segmentSize;
        this.source = source;
        for (Video v : videos) {
            scores.put(v.id(), new LinkedHashMap<>());
        }
    }

    @Override
    public Map<String, Double> afterEpoch(Phase phase, int epoch, GclModel model) {
        if (phase != Phase.COOPERATIVE && phase != Phase.AUTOENCODER) {
            return Map.of();
        }
        for (Video v : videos) {
            float[] segmentScores = model.videoScores(set.segmentsOf(v), source).toFloatVector();
            scores.get(v.id()).put("epoch " + epoch, FrameScores.ofVideo(segmentScores, v.frames(), segmentSize));
        }
        return Map.of();
    }

    /** A video's frame scores after each recorded epoch: "epoch 1" → scores, in order. */
    public Map<String, double[]> scoresOf(Video video) {
        Map<String, double[]> s = scores.get(video.id());
        if (s == null) {
            throw new IllegalArgumentException("video " + video.id() + " is not tracked");
        }
        return s;
    }

    /** The same, keeping only the given epochs (e.g. 1, 5, 15) that were recorded. */
    public Map<String, double[]> scoresOf(Video video, int... epochs) {
        Map<String, double[]> all = scoresOf(video);
        Map<String, double[]> some = new LinkedHashMap<>();
        for (int e : epochs) {
            double[] s = all.get("epoch " + e);
            if (s != null) {
                some.put("epoch " + e, s);
            }
        }
        return some;
    }
}
