package gcl.experiment;

import gcl.synth.PremiseKnobs;
import java.util.Arrays;

/** An axis of the map: one knob, and the measured property that stands for it in charts and tables. */
public enum PremiseAxis {
    /** The share of training videos with an event, measured as the anomalous share of training segments. */
    SHARE("share", "anomalous segments %", "anomalous training segments % (training ground truth)"),
    /** Every event's strength, measured as how hard the anomalies are: AE_OCC's frame AUC. */
    STRENGTH("strength", "AE_OCC %", "AE_OCC's frame AUC % on the same data (how hard the anomalies are)"),
    /** Training videos, measured as training segments. */
    VIDEOS("videos", "train segments", "training segments"),
    /** The scene and camera offsets, measured as the scene share of the training features' variance. */
    SCENE("scene", "scene share", "scene share of variance (training split, no labels)");

    private final String id;
    private final String measured;
    private final String label;

    PremiseAxis(String id, String measured, String label) {
        this.id = id;
        this.measured = measured;
        this.label = label;
    }

    /** The name in plans, on the command line and in the map's {@code axis} column. */
    public String id() {
        return id;
    }

    /** The map's column that measures this axis. */
    public String measuredColumn() {
        return measured;
    }

    /** The measured property in words, for a chart's axis. */
    public String label() {
        return label;
    }

    /** The knobs with this axis at {@code level}; a level the knob cannot take is refused with a message naming the axis. */
    public PremiseKnobs set(PremiseKnobs knobs, double level) {
        check(level);
        return switch (this) {
            case SHARE -> knobs.withTrainAnomalousShare(level);
            case STRENGTH -> knobs.withEventStrength(level);
            case VIDEOS -> knobs.withTrainVideos((int) level);
            case SCENE -> knobs.withSceneScale(level);
        };
    }

    /** This axis' level in a set of knobs. */
    public double of(PremiseKnobs knobs) {
        return switch (this) {
            case SHARE -> knobs.trainAnomalousShare();
            case STRENGTH -> knobs.eventStrength();
            case VIDEOS -> knobs.trainVideos();
            case SCENE -> knobs.sceneScale();
        };
    }

    /** Refuses a level outside the knob's range, naming the axis and the range. */
    public void check(double level) {
        boolean ok = switch (this) {
            case SHARE -> level >= 0 && level <= 1;
            case STRENGTH, SCENE -> level >= 0 && Double.isFinite(level);
            case VIDEOS -> level >= 2 && level == Math.rint(level) && level <= 100_000;
        };
        if (!ok) {
            throw new IllegalArgumentException("axis " + id + ": level " + PremiseEffects.number(level) + " is out of range ("
                    + range() + ")");
        }
    }

    private String range() {
        return switch (this) {
            case SHARE -> "a share of training videos in [0, 1]";
            case STRENGTH -> "a factor ≥ 0 on every event's strength";
            case VIDEOS -> "a whole number of training videos, at least 2";
            case SCENE -> "a factor ≥ 0 on the scene and camera offsets";
        };
    }

    /** Parses an axis name ({@code share}, {@code strength}, {@code videos}, {@code scene}; any case). */
    public static PremiseAxis parse(String text) {
        for (PremiseAxis a : values()) {
            if (a.id.equalsIgnoreCase(text.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown axis '" + text + "': use share, strength, videos or scene");
    }

    /** The levels of an axis written as {@code 0.1,0.25,0.5}. */
    public double[] parseLevels(String text) {
        try {
            double[] v = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToDouble(Double::parseDouble).toArray();
            if (v.length == 0) {
                throw new IllegalArgumentException("axis " + id() + ": no levels in '" + text + "'");
            }
            for (double x : v) {
                check(x);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("axis " + id() + ": '" + text + "' is not a list of numbers (e.g. 0.1,0.5,0.9)");
        }
    }
}
