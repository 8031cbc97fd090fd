package gcl.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The reconstruction targets t of Eq. (5)–(6) for one batch, and which samples G trains on.
 *
 * @param targets [b, d]: the input for D-normal samples, the pseudo target for D-anomalous ones
 * @param mask    length b, 1 = train on this sample, 0 = leave it out; {@code null} = train on all
 *                (only the {@code none} target leaves samples out)
 */
public record PseudoTargets(INDArray targets, INDArray mask) {
    /** How many samples G trains on. */
    public int trainedSamples() {
        return mask == null ? targets.rows() : mask.sumNumber().intValue();
    }
}
