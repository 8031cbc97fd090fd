package gcl.nb;

import gcl.eval.RocAuc;
import java.util.Locale;

/**
 * The checks of lesson 01's exercises: how many segments a clip gives, whether its largest change of
 * features falls inside its event, and the frame AUC of a score computed by hand from its definition.
 */
public final class FeatureChecks {
    private FeatureChecks() {
    }

    /** Exercise "segments": the number of p-frame segments of a clip of {@code frames} frames (a last partial segment padded). */
    public static Checks.Result segmentCount(int frames, int p, double answer) {
        int right = (frames + p - 1) / p;
        return Checks.number("segments", answer, right, 0, String.format(Locale.ROOT,
                "the number of %d-frame segments of %d frames (the last one padded)", p, frames),
                "divide the frame count by p and round up: a last partial segment is padded, not dropped.");
    }

    /**
     * The segment (from 1 on) with the largest difference to its predecessor, and whether any of its
     * frames is anomalous.
     */
    static boolean largestChangeInEvent(double[] perSegment, boolean[] frameTruth, int p) {
        int best = 1;
        for (int t = 1; t < perSegment.length; t++) {
            if (perSegment[t] > perSegment[best]) {
                best = t;
            }
        }
        for (int f = best * p; f < Math.min(frameTruth.length, (best + 1) * p); f++) {
            if (frameTruth[f]) {
                return true;
            }
        }
        return false;
    }

    /** Exercise "largest change" with the differences as {@code float}s, as lesson 01 keeps them. */
    public static Checks.Result largestChange(float[] perSegment, boolean[] frameTruth, int p, String predicted) {
        double[] d = new double[perSegment.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = perSegment[i];
        }
        return largestChange(d, frameTruth, p, predicted);
    }

    /** Exercise "largest change": the prediction (yes or no) that the segment whose features change most lies in the event. */
    public static Checks.Result largestChange(double[] perSegment, boolean[] frameTruth, int p, String predicted) {
        boolean inEvent = largestChangeInEvent(perSegment, frameTruth, p);
        return Checks.choice("largest change", predicted, inEvent ? "yes" : "no", inEvent
                ? "the features change most inside the event on this clip."
                : "on this clip the largest change is outside the event (a person entering, a light): "
                        + "eventful is not the same as anomalous, which is why TD cleaning only has to help, not to be exact.");
    }

    /**
     * Exercise "AUC by hand": the share of (anomalous frame, normal frame) pairs in which the anomalous
     * frame scores higher, ties counting one half, against {@link RocAuc#auc}.
     */
    public static Checks.Result aucByHand(double[] frameScores, boolean[] frameTruth, double answer) {
        double right = RocAuc.auc(frameScores, frameTruth);
        double a = answer > 1.0 ? answer / 100 : answer;  // an answer in % is read as a share
        return Checks.number("AUC by hand", Double.isNaN(answer) ? answer : a, right, 1e-6,
                "the frame AUC of the temporal difference on this clip (as a share; × 100 for %)",
                "loop over every pair of an anomalous and a normal frame; count 1 when the anomalous frame's score is "
                        + "higher, 1/2 when they are equal; divide by the number of pairs.");
    }
}
