package gcl.c2fpl;

import gcl.data.FeatureSet;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The coarse stage's video-level pseudo-labels ({@link DivisiveClustering}): which videos ended in the
 * anomalous cluster C_1 and at which split τ each was moved there.
 *
 * @param anomalous  per video of the set (in its order): true when pseudo-labelled anomalous
 * @param movedAt    per video: the split τ (1, 2, ...) that moved it into C_1; 0 for pseudo-normal videos
 * @param statistics per video: x_i = (μ_i, σ_i) of its segments' magnitudes (Eq. C2)
 * @param splits     the splits, in order
 */
public record CoarseLabels(boolean[] anomalous, int[] movedAt, double[][] statistics, List<Split> splits) {
    public CoarseLabels {
        if (anomalous.length != movedAt.length || anomalous.length != statistics.length) {
            throw new IllegalArgumentException("per-video arrays differ in length: " + anomalous.length + ", "
                    + movedAt.length + ", " + statistics.length);
        }
        splits = List.copyOf(splits);
    }

    /**
     * One split τ of the normal cluster C_0 by a two-component Gaussian mixture.
     *
     * @param tau             its number, from 1
     * @param normalBefore    videos in C_0 before it
     * @param moved           videos it moved into C_1
     * @param anomalousAfter  videos in C_1 after it
     * @param movedMean       the moved cluster's component mean (μ, σ)
     * @param keptMean        the kept cluster's component mean (μ, σ)
     */
    public record Split(int tau, int normalBefore, int moved, int anomalousAfter, double[] movedMean, double[] keptMean) {
    }

    /** Videos pseudo-labelled anomalous. */
    public int anomalousCount() {
        int n = 0;
        for (boolean a : anomalous) {
            n += a ? 1 : 0;
        }
        return n;
    }

    /** Share of videos pseudo-labelled anomalous. */
    public double anomalousShare() {
        return anomalous.length == 0 ? 0 : (double) anomalousCount() / anomalous.length;
    }

    /** Whether the video at this index of the set is pseudo-labelled anomalous. */
    public boolean isAnomalous(int video) {
        return anomalous[video];
    }

    /** The splits as a table: tau, normal_before, moved, anomalous_after, moved_mu, moved_sigma, kept_mu, kept_sigma. */
    public Table splitsTable() {
        IntColumn tau = IntColumn.create("tau");
        IntColumn before = IntColumn.create("normal_before");
        IntColumn moved = IntColumn.create("moved");
        IntColumn after = IntColumn.create("anomalous_after");
        DoubleColumn movedMu = DoubleColumn.create("moved_mu");
        DoubleColumn movedSigma = DoubleColumn.create("moved_sigma");
        DoubleColumn keptMu = DoubleColumn.create("kept_mu");
        DoubleColumn keptSigma = DoubleColumn.create("kept_sigma");
        for (Split s : splits) {
            tau.append(s.tau());
            before.append(s.normalBefore());
            moved.append(s.moved());
            after.append(s.anomalousAfter());
            movedMu.append(s.movedMean()[0]);
            movedSigma.append(s.movedMean()[1]);
            keptMu.append(s.keptMean()[0]);
            keptSigma.append(s.keptMean()[1]);
        }
        return Table.create("coarse stage: splits", tau, before, moved, after, movedMu, movedSigma, keptMu, keptSigma);
    }

    /** Per video: video, mu, sigma, anomalous (1/0), moved_at. */
    public Table videosTable(FeatureSet set) {
        if (set.videos().size() != anomalous.length) {
            throw new IllegalArgumentException(anomalous.length + " labels for " + set.videos().size() + " videos");
        }
        tech.tablesaw.api.StringColumn id = tech.tablesaw.api.StringColumn.create("video");
        DoubleColumn mu = DoubleColumn.create("mu");
        DoubleColumn sigma = DoubleColumn.create("sigma");
        IntColumn label = IntColumn.create("anomalous");
        IntColumn at = IntColumn.create("moved_at");
        for (int i = 0; i < anomalous.length; i++) {
            id.append(set.videos().get(i).id());
            mu.append(statistics[i][0]);
            sigma.append(statistics[i][1]);
            label.append(anomalous[i] ? 1 : 0);
            at.append(movedAt[i]);
        }
        return Table.create("coarse stage: videos", id, mu, sigma, label, at);
    }
}
