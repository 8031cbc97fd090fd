package gcl.c2fpl;

import gcl.data.FeatureSet;
import gcl.data.Video;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The fine stage's segment-level pseudo-labels ({@link FineLabeling}): 1 for the segments of each
 * pseudo-anomalous video's window, 0 for every other segment, what the classifier learns from.
 *
 * @param labels      per row of the set: 1 (anomalous) or 0
 * @param magnitudes  per row: a_ij = ‖f_ij‖₂ (Eq. C1)
 * @param pValues     per row: the p-value under the normal model (Eq. C5), for every video
 * @param windowStart per video: s*, the first segment of its window; −1 for pseudo-normal videos
 * @param windowLength per video: w; 0 for pseudo-normal videos
 * @param normal      the Gaussian of the pseudo-normal videos' magnitudes (Eq. C4)
 * @param rejectedShare share of the segments of pseudo-anomalous videos whose p-value is below
 *                      {@value #REJECTED}: near 1, whole videos lie outside the normal model and the windows
 *                      have no change to find (a signal without ground truth)
 */
public record FineLabels(float[] labels, double[] magnitudes, double[] pValues, int[] windowStart, int[] windowLength,
                         NormalMagnitudes normal, double rejectedShare) {
    /** The significance level of {@link #rejectedShare}. */
    public static final double REJECTED = 0.001;

    public FineLabels {
        if (labels.length != magnitudes.length || labels.length != pValues.length || windowStart.length != windowLength.length) {
            throw new IllegalArgumentException("per-row or per-video arrays differ in length");
        }
    }

    /** Share of segments labelled anomalous. */
    public double anomalousShare() {
        if (labels.length == 0) {
            return 0;
        }
        double n = 0;
        for (float l : labels) {
            n += l;
        }
        return n / labels.length;
    }

    /** Per segment: video, segment, magnitude, p_value, label. */
    public Table segmentsTable(FeatureSet set) {
        if (set.size() != labels.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + set.size() + " segments");
        }
        StringColumn video = StringColumn.create("video");
        IntColumn segment = IntColumn.create("segment");
        DoubleColumn magnitude = DoubleColumn.create("magnitude");
        DoubleColumn p = DoubleColumn.create("p_value");
        IntColumn label = IntColumn.create("label");
        for (Video v : set.videos()) {
            for (int j = 0; j < v.segments(); j++) {
                int row = v.firstRow() + j;
                video.append(v.id());
                segment.append(j);
                magnitude.append(magnitudes[row]);
                p.append(pValues[row]);
                label.append((int) labels[row]);
            }
        }
        return Table.create("fine stage: segments", video, segment, magnitude, p, label);
    }
}
