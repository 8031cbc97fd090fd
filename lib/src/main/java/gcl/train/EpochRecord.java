package gcl.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the training history: an epoch of one phase.
 *
 * @param phase            the phase ({@link Phase#id()})
 * @param epoch            1-based epoch within the phase
 * @param generatorLoss    mean of G's batch losses (Eq. 1 or 5); NaN when G did not train
 * @param discriminatorLoss mean of D's batch losses (Eq. 3); NaN when D did not train
 * @param anomalousByG     fraction of samples G labelled anomalous (mean label); NaN when not labelled
 * @param anomalousByD     fraction of samples D labelled anomalous; NaN when not labelled
 * @param seconds          wall time of the epoch
 * @param metrics          extra columns from {@link EpochListener}s, e.g. {@code test_auc_d}
 */
public record EpochRecord(String phase, int epoch, double generatorLoss, double discriminatorLoss,
                          double anomalousByG, double anomalousByD, double seconds, Map<String, Double> metrics) {
    public EpochRecord {
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
