package gcl.synth;

import gcl.EnumIds;

/**
 * The anomalous events the synthetic surveillance videos contain: a handful of event types shared
 * by all videos, as UCF-Crime's 13 classes are, each rare and temporally contiguous.
 */
public enum AnomalyType {
    /** A person running across the scene, off the paths, three to four times walking speed. */
    RUNNING,
    /** A walking person falls, lies on the ground, and gets up again. */
    FALL,
    /** Two people meet and tangle: fast, jerky, overlapping movement. */
    FIGHT,
    /** A car driving along a footpath, where only people walk. */
    VEHICLE_ON_PATH,
    /** A bright flash, then a flickering fire with smoke on the ground. */
    FIRE;

    /** Lower-case name with dashes, e.g. {@code vehicle-on-path}. */
    public String id() {
        return EnumIds.id(this);

    }
}
