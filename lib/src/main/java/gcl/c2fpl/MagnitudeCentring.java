package gcl.c2fpl;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import gcl.EnumIds;
import gcl.data.FeatureSet;
import gcl.data.Video;
import java.util.Arrays;

/**
 * What the coarse and fine stages read of the magnitudes a_ij (Eq. C1): the magnitudes themselves, as
 * the paper does, or each video's magnitudes centred on their own median, a_ij − median_j a_ij (ours,
 * lesson 08). Centring removes the level of a video's magnitudes, which the scene (the camera) sets,
 * and keeps how they change within it. The classifier always sees the features themselves.
 */
public enum MagnitudeCentring {
    /** a_ij as they are (the paper). */
    NONE,
    /** a_ij − median_j a_ij per video i (ours). */
    VIDEO_MEDIAN;

    /** The command-line and JSON form: {@code none}, {@code video-median}. */
    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    /** Parses {@code none} or {@code video-median} (any case, {@code _} or {@code -}). */
    @JsonCreator
    public static MagnitudeCentring parse(String text) {
        return EnumIds.parse(MagnitudeCentring.class, text, "magnitude centring");
    }

    /** The magnitudes the stages read: {@code norms} itself for {@link #NONE}, else a centred copy. */
    public double[] apply(FeatureSet set, double[] norms) {
        if (this == NONE) {
            return norms;
        }
        if (norms.length != set.size()) {
            throw new IllegalArgumentException(norms.length + " magnitudes for " + set.size() + " segments");
        }
        double[] out = norms.clone();
        for (Video v : set.videos()) {
            if (v.segments() == 0) {
                continue;
            }
            double median = median(Arrays.copyOfRange(norms, v.firstRow(), v.endRow()));
            for (int r = v.firstRow(); r < v.endRow(); r++) {
                out[r] = norms[r] - median;
            }
        }
        return out;
    }

    /** The median of values (the mean of the two middle ones for an even count); sorts its argument. */
    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
