package gcl.c2fpl;

import java.util.Objects;

/**
 * The pseudo-labels of a training set, both stages: video level ({@link CoarseLabels}) and
 * segment level ({@link FineLabels}, what the classifier learns from).
 */
public record C2fplLabels(CoarseLabels coarse, FineLabels fine) {
    public C2fplLabels {
        Objects.requireNonNull(coarse, "coarse");
        Objects.requireNonNull(fine, "fine");
    }
}
