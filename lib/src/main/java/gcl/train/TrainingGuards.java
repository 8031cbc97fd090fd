package gcl.train;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stops a run that can no longer mean anything, before its epoch is saved:
 * <ul>
 *   <li>diverged: a loss of the epoch, or G's error or D's probability on the probe rows, is NaN or
 *       infinite, or G's mean error on the probe is more than {@link #DIVERGED} times the probe's mean
 *       feature norm (plus 0.001, so that all-zero features do not count): G's outputs have blown up
 *       (a learning rate far too large, features too large for float32);</li>
 *   <li>degenerate pseudo-labels: G (in D's pre-training and the loop) or D (in the loop) labelled
 *       nothing, or everything, anomalous in every batch of the epoch (a threshold no sample reaches,
 *       a batch of 1, constant features): the other network then learns from labels that carry no
 *       information, and the AUC that comes back means nothing.</li>
 * </ul>
 */
final class TrainingGuards {
    /** G's error on the probe beyond this multiple of the features' norm means training diverged. */
    static final double DIVERGED = 1e6;

    private final GclConfig config;
    private final INDArray probe;
    private final double probeNorm;

    /** Guards for a run of {@code config}, watching the rows of {@code probe}. */
    TrainingGuards(GclConfig config, INDArray probe) {
        this.config = config;
        this.probe = probe;
        try (INDArray norms = probe.norm2(1)) {
            this.probeNorm = norms.meanNumber().doubleValue();
        }
    }

    /**
     * Checks an epoch that has just run.
     *
     * @param epoch     the epoch's name in messages, e.g. {@code gcl epoch 3}
     * @param phase     its phase
     * @param gLoss     its mean L_G (NaN where it trained no G)
     * @param dLoss     its mean L_D (NaN where it trained no D)
     * @param byG       the share G labelled anomalous (NaN where G labelled nothing)
     * @param byD       the share D labelled anomalous (NaN where D labelled nothing)
     * @param nonFinite whether a batch's loss was NaN or infinite
     * @throws IllegalStateException naming the epoch, and for labels the threshold and the batch size
     */
    void check(String epoch, Phase phase, GclModel model, double gLoss, double dLoss, double byG, double byD,
               boolean nonFinite) {
        boolean finiteProbe;
        double probeError;
        try (INDArray errors = model.reconstructionErrors(probe)) {
            probeError = errors.meanNumber().doubleValue();
            finiteProbe = Double.isFinite(probeError);
        }
        if (finiteProbe && model.hasDiscriminator()) {
            try (INDArray p = model.discriminatorScores(probe)) {
                finiteProbe = Double.isFinite(p.sumNumber().doubleValue());
            }
        }
        if (nonFinite || !finiteProbe || probeError > DIVERGED * (probeNorm + 1e-3)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "training diverged in %s: L_G %.4g, L_D %.4g,"
                            + " G's mean error %.4g on features of mean norm %.4g (learningRate %s); lower the learning rate,"
                            + " or check the features' scale", epoch, gLoss, dLoss, probeError, probeNorm,
                    config.learningRate()));
        }
        boolean gLabels = phase == Phase.PRETRAIN_D || phase == Phase.COOPERATIVE;
        if (gLabels && (byG == 0 || byG == 1)) {
            throw degenerate(epoch, "G", byG, "generatorThreshold " + config.generatorThreshold().id());
        }
        if (phase == Phase.COOPERATIVE && (byD == 0 || byD == 1)) {
            throw degenerate(epoch, "D", byD, "discriminatorThreshold " + config.discriminatorThreshold().id());
        }
    }

    private IllegalStateException degenerate(String epoch, String network, double share, String threshold) {
        return new IllegalStateException("degenerate pseudo-labels in " + epoch + ": " + network + " labelled "
                + (share == 0 ? "no segment" : "every segment") + " anomalous in every batch (" + threshold
                + ", batch size " + config.batchSize() + "), so the other network learns nothing from them;"
                + " choose another threshold or a larger batch, or check that the features are not constant");
    }
}
