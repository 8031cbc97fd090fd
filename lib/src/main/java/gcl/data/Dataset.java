package gcl.data;

import java.util.Objects;

/**
 * A dataset in memory: its description, the training split (unlabelled for GCL, video labels kept
 * apart in {@link Video#label()}) and the test split (with frame-level ground truth).
 *
 * <p>{@code fingerprint} identifies the data for run manifests and the result cache: the same
 * files give the same fingerprint.
 */
public record Dataset(DatasetInfo info, FeatureSet train, FeatureSet test, String fingerprint) {
    public Dataset {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    @Override
    public String toString() {
        return "Dataset[" + info.name() + ": train " + train + ", test " + test + ", " + fingerprint + "]";
    }
}
