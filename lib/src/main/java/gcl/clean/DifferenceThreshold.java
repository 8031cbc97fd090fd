package gcl.clean;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * The threshold D_th of TD cleaning (section 3.3): either an absolute distance (the paper's 0.70 for
 * its ResNeXt features) or a percentile of the differences observed in the data, because another
 * feature extractor has another scale.
 *
 * <p>Written as text: {@code 0.70} (absolute) or {@code p60} (the 60th percentile).
 *
 * @param value      the distance, or the percentile in [0, 100]
 * @param percentile whether {@code value} is a percentile
 */
public record DifferenceThreshold(double value, boolean percentile) {
    /** The paper's D_th = 0.70 (section 4, "Implementation Details"). */
    public static final DifferenceThreshold PAPER = absolute(0.70);

    public DifferenceThreshold {
        if (!Double.isFinite(value) || value < 0 || percentile && value > 100) {
            throw new IllegalArgumentException("TD threshold must be a distance >= 0 or a percentile in [0, 100], got "
                    + value);
        }
    }

    public static DifferenceThreshold absolute(double distance) {
        return new DifferenceThreshold(distance, false);
    }

    public static DifferenceThreshold percentile(double p) {
        return new DifferenceThreshold(p, true);
    }

    /** Parses {@code 0.70} or {@code p60} (also {@code percentile:60}). */
    @JsonCreator
    public static DifferenceThreshold parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("percentile:")) {
                return percentile(Double.parseDouble(s.substring("percentile:".length())));
            }
            if (s.startsWith("p")) {
                return percentile(Double.parseDouble(s.substring(1)));
            }
            return absolute(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TD threshold '" + text + "': use a distance such as 0.70 or a percentile such as p60");
        }
    }

    /** The threshold's text form, {@code 0.7} or {@code p60}. */
    @JsonValue
    public String id() {
        String v = value == Math.rint(value) && percentile ? String.valueOf((long) value) : String.valueOf(value);
        return percentile ? "p" + v : v;
    }

    /**
     * The distance D_th this threshold gives on the observed differences (percentiles interpolate
     * linearly between order statistics, as NumPy's default does).
     */
    public double resolve(double[] differences) {
        if (!percentile) {
            return value;
        }
        if (differences.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] sorted = differences.clone();
        Arrays.sort(sorted);
        double pos = value / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    @Override
    public String toString() {
        return id();
    }
}
