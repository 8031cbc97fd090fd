package gcl.c2fpl;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import gcl.EnumIds;

/**
 * Which of the two Gaussian-mixture clusters of a split of the coarse stage ({@link DivisiveClustering})
 * holds the anomalous videos.
 */
public enum AnomalousCluster {
    /**
     * The cluster whose component has the larger mean magnitude μ (the default): C2FPL's assumption
     * that anomalous videos have larger feature magnitudes.
     */
    HIGHER_MAGNITUDE,
    /**
     * The cluster with fewer videos: anomalies as the minority that each split peels off the normal
     * videos, on whichever side. On a tie, the cluster of the larger mean magnitude.
     */
    SMALLER;

    /** The command-line and JSON form: {@code smaller}, {@code higher-magnitude}. */
    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    /** Parses {@code smaller} or {@code higher-magnitude} (any case, {@code _} or {@code -}). */
    @JsonCreator
    public static AnomalousCluster parse(String text) {
        return EnumIds.parse(AnomalousCluster.class, text, "anomalous cluster");
    }
}
