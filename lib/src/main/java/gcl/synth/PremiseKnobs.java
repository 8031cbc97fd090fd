package gcl.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Settings of {@link SyntheticFeatures} that each vary one property of the data the premise of GCL
 * is about, for the premise map ({@code gcl premise}, {@code gcl.experiment.PremiseMap}). Each knob
 * changes one stated assumption of the generator and nothing else; the property it moves is measured
 * on the data made ({@code gcl.experiment.DatasetProperties}), never read off the knob.
 *
 * <ul>
 *   <li>{@code trainAnomalousShare}: the share of <em>training</em> videos that contain an event
 *       (assumption 4; the test split keeps the config's share, so every level is scored on the same
 *       kind of test set). Moves the share of anomalous training segments.</li>
 *   <li>{@code eventStrength}: multiplies every event's strength, signature and fast motion alike
 *       (assumption 5), in both splits. Moves how hard the anomalies are, measured as AE_OCC's and
 *       AE_AllData's frame AUC.</li>
 *   <li>{@code trainVideos}: how many training videos (the test split is unchanged). Moves the
 *       number of training segments.</li>
 *   <li>{@code sceneScale}: multiplies the scene-type and camera offsets (assumption 1), in both
 *       splits. Moves the scene share of variance ({@code gcl.clean.VideoCentring#sceneShare}).
 *       The cameras' gain and their normal activity, which changes slowly and so also differs
 *       between videos, are left as they are: the share stays well above 0 even at 0.</li>
 * </ul>
 *
 * {@link #of(SyntheticFeatures.Config)} gives the config's own values: with them the generator
 * writes exactly what it writes without knobs (the same bytes, the same fingerprint).
 *
 * @param trainAnomalousShare share of training videos with an event, in [0, 1]
 * @param eventStrength       factor on every event's strength (1: as stated), ≥ 0
 * @param trainVideos         training videos, ≥ 1
 * @param sceneScale          factor on the scene-type and camera offsets (1: as stated), ≥ 0
 */
public record PremiseKnobs(double trainAnomalousShare, double eventStrength, int trainVideos, double sceneScale) {
    public PremiseKnobs {
        if (!(trainAnomalousShare >= 0 && trainAnomalousShare <= 1)) {
            throw new IllegalArgumentException("trainAnomalousShare must be in [0, 1], got " + trainAnomalousShare);
        }
        if (!(eventStrength >= 0) || Double.isInfinite(eventStrength)) {
            throw new IllegalArgumentException("eventStrength must be a finite number ≥ 0, got " + eventStrength);
        }
        if (trainVideos < 1) {
            throw new IllegalArgumentException("trainVideos must be at least 1, got " + trainVideos);
        }
        if (!(sceneScale >= 0) || Double.isInfinite(sceneScale)) {
            throw new IllegalArgumentException("sceneScale must be a finite number ≥ 0, got " + sceneScale);
        }
    }

    /** The config's own values: the data the config makes without knobs. */
    public static PremiseKnobs of(SyntheticFeatures.Config config) {
        return new PremiseKnobs(config.anomalousShare(), 1.0, config.trainVideos(), 1.0);
    }

    /** The same knobs with another share of anomalous training videos. */
    public PremiseKnobs withTrainAnomalousShare(double v) {
        return new PremiseKnobs(v, eventStrength, trainVideos, sceneScale);
    }

    /** The same knobs with another event strength factor. */
    public PremiseKnobs withEventStrength(double v) {
        return new PremiseKnobs(trainAnomalousShare, v, trainVideos, sceneScale);
    }

    /** The same knobs with another number of training videos. */
    public PremiseKnobs withTrainVideos(int v) {
        return new PremiseKnobs(trainAnomalousShare, eventStrength, v, sceneScale);
    }

    /** The same knobs with another scene offset factor. */
    public PremiseKnobs withSceneScale(double v) {
        return new PremiseKnobs(trainAnomalousShare, eventStrength, trainVideos, v);
    }

    /**
     * The knobs that differ from the config's own values, as a name part, e.g.
     * {@code "-share0.25-strength1.5"}; empty when none does (the dataset keeps the config's name,
     * so the default data keeps its fingerprint).
     */
    public String suffix(SyntheticFeatures.Config config) {
        PremiseKnobs base = of(config);
        List<String> parts = new ArrayList<>();
        if (trainAnomalousShare != base.trainAnomalousShare) {
            parts.add("share" + number(trainAnomalousShare));
        }
        if (eventStrength != base.eventStrength) {
            parts.add("strength" + number(eventStrength));
        }
        if (trainVideos != base.trainVideos) {
            parts.add("videos" + trainVideos);
        }
        if (sceneScale != base.sceneScale) {
            parts.add("scene" + number(sceneScale));
        }
        return parts.isEmpty() ? "" : "-" + String.join("-", parts);
    }

    /** A knob's value as short as it reads: 0.25, 1.5, 2 (in names of data and cells). */
    public static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
