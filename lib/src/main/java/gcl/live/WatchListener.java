package gcl.live;

/**
 * Receives what a {@link Watch} sees, as it happens, on the thread that runs the watch: each scored
 * segment and each event (drops, reconnections, size changes, alerts). The command line prints
 * them; a notebook redraws a chart.
 */
public interface WatchListener {
    /** A segment was scored. */
    default void segment(SegmentScore score) {
    }

    /** Something happened to the stream. */
    default void event(WatchEvent event) {
    }
}
