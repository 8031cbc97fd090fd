package gcl.nb;

import gcl.Seeds;
import gcl.data.Dataset;
import gcl.train.GclConfig;
import gcl.train.PseudoLabels;
import gcl.train.PseudoTargets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Lesson 03's look inside the method: one training batch as G and D see it, the pseudo targets of
 * Eq. (6) on it, and D's first steps in words.
 */
public final class Unrolled {
    private Unrolled() {
    }

    /**
     * What the chart of {@link Figures#firstSteps} shows, in words and computed: per recipe D's test
     * AUC at its first and last recorded step, its lowest value, and whether it starts below chance
     * (50 %: ranking anomalies below normal segments).
     */
    public static String firstStepsReading(List<String> names, List<Table> tracks) {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            // row 0 is the untrained D (step 0); its first steps are rows 1 on
            double[] auc = tracks.get(i).numberColumn("D test AUC %").asDoubleArray();
            int[] step = tracks.get(i).intColumn("step").asIntArray();
            int first = Math.min(1, auc.length - 1);
            double low = Arrays.stream(auc, first, auc.length).min().orElse(Double.NaN);
            md.append(String.format(Locale.ROOT, "- **%s**: untrained %.1f %%; after step %d %.1f %%, after step %d %.1f %% "
                            + "(lowest %.1f %%): D's first step ranks %s.%n", names.get(i), auc[0], step[first], auc[first],
                    step[step.length - 1], auc[auc.length - 1], low,
                    auc[first] < 50 ? "**below chance**" : "above chance"));
        }
        return md.toString();
    }

    /**
     * A training batch as G and D see it: its rows in the training split, their features (centred
     * per video when the config says so, {@link gcl.clean.VideoCentring}) and the centres that were
     * subtracted (null when none), which the {@code ones} pseudo target needs.
     */
    public record Batch(int[] rows, INDArray features, INDArray offsets) {
        /** Segments in the batch. */
        public int size() {
            return rows.length;
        }
    }

    /** The first training batch of a config's first epoch (shuffled across videos, section 3.1). */
    public static Batch firstBatch(Dataset data, GclConfig config) {
        Random rng = new Seeds(config.seed()).random("lesson.batch");
        int[] rows = data.train().shuffledBatches(config.batchSize(), rng).get(0);
        var inputs = config.videoCentring().of(data.train());
        return new Batch(rows, inputs.rows(rows), inputs.offsets(rows));
    }

    /**
     * The pseudo targets of Eq. (6) for the first {@code rows} segments of a batch: segment, D's
     * label l_D, how far the target is from the input ‖t − f‖₂ (0 for D-normal segments), and the
     * target's mean (1 for the "ones" target).
     */
    public static Table pseudoTargets(Batch batch, PseudoLabels labels, PseudoTargets targets, int rows) {
        int n = Math.min(rows, batch.size());
        IntColumn segment = IntColumn.create("segment");
        IntColumn label = IntColumn.create("l_D");
        DoubleColumn distance = DoubleColumn.create("‖t − f‖₂");
        DoubleColumn mean = DoubleColumn.create("mean of t");
        for (int q = 0; q < n; q++) {
            segment.append(q);
            label.append(labels.anomalous(q) ? 1 : 0);
            INDArray t = targets.targets().getRow(q);
            distance.append(t.distance2(batch.features().getRow(q)));
            // in the features' own coordinates: t + c when the batch is centred
            mean.append(batch.offsets() == null ? t.meanNumber().doubleValue()
                    : t.add(batch.offsets().getRow(q)).meanNumber().doubleValue());
        }
        return Table.create("Pseudo targets (first " + n + " segments of the batch)", segment, label, distance, mean);
    }
}
