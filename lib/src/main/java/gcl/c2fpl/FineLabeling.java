package gcl.c2fpl;

import gcl.data.FeatureSet;
import gcl.data.Video;
import java.util.Arrays;

/**
 * The fine stage of C2FPL: segment-level pseudo-labels inside the videos the coarse stage called
 * anomalous, by a statistical test of each segment's magnitude and the window of largest change.
 * <ol>
 *   <li>{@link NormalMagnitudes#fit}: N(Γ, Σ) of the magnitudes of every segment of the pseudo-normal
 *       videos (Eq. C4).</li>
 *   <li>{@link NormalMagnitudes#pValues}: the p-value of every segment under it (Eq. C5).</li>
 *   <li>{@link LargestChangeWindow}: in each pseudo-anomalous video, the window of ⌊α·m_i⌋ segments
 *       whose p-values change the most is labelled 1 (Eq. C6).</li>
 * </ol>
 * Every segment of a pseudo-normal video, and every segment of a pseudo-anomalous one outside its
 * window, is labelled 0.
 */
public final class FineLabeling {
    private FineLabeling() {
    }

    /**
     * The fine pseudo-labels of a set.
     *
     * @param norms       every row's magnitude ({@link FeatureMagnitude#norms})
     * @param coarse      the coarse stage's video labels of the same set
     * @param windowShare α
     */
    public static FineLabels label(FeatureSet set, double[] norms, CoarseLabels coarse, double windowShare) {
        if (norms.length != set.size()) {
            throw new IllegalArgumentException(norms.length + " magnitudes for " + set.size() + " segments");
        }
        if (coarse.anomalous().length != set.videos().size()) {
            throw new IllegalArgumentException(coarse.anomalous().length + " video labels for " + set.videos().size() + " videos");
        }
        int normalRows = 0;
        for (int i = 0; i < set.videos().size(); i++) {
            normalRows += coarse.isAnomalous(i) ? 0 : set.videos().get(i).segments();
        }
        int[] rows = new int[normalRows];
        int at = 0;
        for (int i = 0; i < set.videos().size(); i++) {
            Video v = set.videos().get(i);
            if (!coarse.isAnomalous(i)) {
                for (int r = v.firstRow(); r < v.endRow(); r++) {
                    rows[at++] = r;
                }
            }
        }
        NormalMagnitudes normal = NormalMagnitudes.fit(norms, rows);
        double[] p = normal.pValues(norms);
        float[] labels = new float[set.size()];
        int[] start = new int[set.videos().size()];
        int[] length = new int[set.videos().size()];
        Arrays.fill(start, -1);
        int tested = 0;
        int rejected = 0;
        for (int i = 0; i < set.videos().size(); i++) {
            Video v = set.videos().get(i);
            if (!coarse.isAnomalous(i) || v.segments() == 0) {
                continue;
            }
            for (int r = v.firstRow(); r < v.endRow(); r++) {
                tested++;
                rejected += p[r] < FineLabels.REJECTED ? 1 : 0;
            }
            double[] pv = Arrays.copyOfRange(p, v.firstRow(), v.endRow());
            int w = LargestChangeWindow.length(v.segments(), windowShare);
            int s = LargestChangeWindow.start(pv, w);
            Arrays.fill(labels, v.firstRow() + s, v.firstRow() + s + w, 1f);
            start[i] = s;
            length[i] = w;
        }
        return new FineLabels(labels, norms.clone(), p, start, length, normal,
                tested == 0 ? Double.NaN : (double) rejected / tested);
    }
}
