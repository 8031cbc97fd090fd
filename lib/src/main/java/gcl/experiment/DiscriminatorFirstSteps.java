package gcl.experiment;

import gcl.Progress;
import gcl.Seeds;
import gcl.data.Dataset;
import gcl.eval.Evaluation;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.GclTrainer;
import gcl.train.PseudoLabels;
import gcl.train.ScoreSource;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * D's first optimiser steps, isolated: a fresh D trained with BCE (Eq. 3) on the pseudo-labels
 * (Eq. 2) of a fresh, untrained G, batch after batch, as in GCL_B's first iterations but with G
 * held still. Its frame-level test AUC is recorded along the way.
 *
 * <p>Why it is worth watching: features are non-negative and G's labels mark few segments
 * anomalous (those with the largest errors, here the largest features). RMSprop's first steps move
 * every weight by about the same amount, so D first learns "everything is normal" by turning its
 * output down in proportion to the input's size, which ranks the large, anomalous features lowest:
 * its AUC falls far below 50 %. Only with more steps does it learn the actual boundary. How many
 * steps that takes depends on the learning rate; with the paper's 0.00002 and batch 8192 a small
 * training set gives D few steps per epoch.
 */
public final class DiscriminatorFirstSteps {
    private DiscriminatorFirstSteps() {
    }

    /**
     * How many steps the cooperative loop gives D: one per batch, {@code epochs × ⌈N / batch⌉} for N
     * training segments (90 for the full synthetic set at the paper's batch 8192 and 15 epochs).
     */
    public static int loopSteps(Dataset data, GclConfig config) {
        int batches = (data.train().size() + config.batchSize() - 1) / config.batchSize();
        return config.epochs() * batches;
    }

    /**
     * Trains a fresh D (the config's seed) for {@code steps} batches of the training split on the
     * labels of a fresh G, and records after step 1 to 6 and then every {@code every} steps: step, L_D,
     * the share G labels anomalous, and D's frame-level test AUC in percent.
     */
    public static Table track(Dataset data, GclConfig config, int steps, int every) {
        if (steps < 1 || every < 1) {
            throw new IllegalArgumentException("steps and every must be positive, got " + steps + " and " + every);
        }
        if (!config.variant().cooperative()) {
            throw new IllegalArgumentException(config.variant() + " has no discriminator");
        }
        GclModel model = new GclTrainer(config, data.train()).newModel();

        Random rng = new Seeds(config.seed()).random("first-steps.batches");
        int segmentSize = data.info().segmentSize();
        IntColumn step = IntColumn.create("step");
        DoubleColumn loss = DoubleColumn.create("L_D");
        DoubleColumn share = DoubleColumn.create("anomalous by G");
        DoubleColumn auc = DoubleColumn.create("D test AUC %");
        step.append(0);
        loss.append(Double.NaN);
        share.append(Double.NaN);
        auc.append(Experiment.round(100 * Evaluation.frameAuc(model, data.test(), segmentSize, ScoreSource.DISCRIMINATOR)));
        Progress progress = new Progress("D's first steps", "steps", steps);
        int done = 0;
        var inputs = model.inputs(data.train());
        while (done < steps) {
            for (int[] rows : data.train().shuffledBatches(config.batchSize(), rng)) {
                INDArray batch = inputs.rows(rows);
                PseudoLabels labels = model.generatorLabels(model.reconstructionErrors(batch));
                double l = model.trainDiscriminator(batch, labels.labels());
                done++;
                progress.step();
                if (done <= 6 || done % every == 0 || done == steps) {
                    step.append(done);
                    loss.append(Experiment.round(l));
                    share.append(Experiment.round(labels.fractionAnomalous()));
                    auc.append(Experiment.round(100 * Evaluation.frameAuc(model, data.test(), segmentSize,
                            ScoreSource.DISCRIMINATOR)));
                }
                if (done == steps) {
                    break;
                }
            }
        }
        return Table.create("D trained on the labels of an untrained G (lr " + config.learningRate() + ", batch "
                + config.batchSize() + ")", step, loss, share, auc);
    }
}
