package gcl.features;

import gcl.video.Segment;

/**
 * The paper's feature extractor E (section 3.1): a segment of p frames in, one vector of
 * dimension d out, f(i, j) = E(S(i, j)).
 *
 * <p>Implementations say whether they are safe to share between threads
 * ({@link #threadSafe()}); {@link BatchExtraction} serialises calls to one that is not.
 */
public interface FeatureExtractor {
    /** d, the length of every vector {@link #extract} returns. */
    int dimension();

    /** What made the features, written as {@code featureKind} in {@code dataset.json}, e.g. {@code gcl-default-v3}. */
    String kind();

    /** The feature vector of one segment; its length is {@link #dimension()}. */
    float[] extract(Segment segment);

    /** Whether {@link #extract} may be called from several threads at once. */
    default boolean threadSafe() {
        return false;
    }
}
