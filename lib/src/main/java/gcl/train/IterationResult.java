package gcl.train;

/**
 * What one cooperative iteration did (see {@link GclModel#iterate}).
 *
 * @param discriminatorLoss L_D on the batch before D's step (Eq. 3)
 * @param generatorLoss     L_G on the batch before G's step (Eq. 5); NaN when G trained on no sample
 * @param generatorLabels   l_G, G's pseudo-labels that taught D (Eq. 2)
 * @param discriminatorLabels l_D, D's pseudo-labels that taught G (Eq. 4)
 * @param discriminatorScores p̂, D's probabilities after its step, from which l_D came
 */
public record IterationResult(double discriminatorLoss, double generatorLoss, PseudoLabels generatorLabels,
                              PseudoLabels discriminatorLabels, org.nd4j.linalg.api.ndarray.INDArray discriminatorScores) {
}
