package gcl.train;

import gcl.clean.TemporalDifferenceFilter;
import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.data.VideoLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * The epochs a config runs, in order, and the rows each one trains on (section 3.3):
 * <ol>
 *   <li>GCL with pre-training (GCL_PT, GCL_OCC, ...): G for {@code pretrainEpochs} on its data
 *       (TD-cleaned or normal-labelled segments, Eq. 1), then D for {@code pretrainEpochs} on all
 *       segments with the pre-trained G's labels (Eq. 2–3), then the cooperative loop.</li>
 *   <li>GCL without pre-training (GCL_B, GCL w/o NL): the cooperative loop from random weights.</li>
 *   <li>AE variants: G alone for {@code epochs} on its data (all, TD-cleaned or normal-labelled).</li>
 * </ol>
 */
public final class Schedule {
    private Schedule() {
    }

    /** One entry of the schedule: an epoch of a phase. */
    public record Stage(Phase phase, int epoch) {
        /** Returns whether this epoch trains G alone, on G's rows (pre-training G, or an autoencoder). */
        boolean trainsGeneratorAlone() {
            return phase == Phase.PRETRAIN_G || phase == Phase.AUTOENCODER;
        }
    }

    /** Returns the epochs a config runs, in order. */
    public static List<Stage> of(GclConfig config) {
        List<Stage> s = new ArrayList<>();
        Variant v = config.variant();
        if (!v.cooperative()) {
            for (int e = 1; e <= config.epochs(); e++) {
                s.add(new Stage(Phase.AUTOENCODER, e));
            }
            return s;
        }
        if (v.pretrained()) {
            for (int e = 1; e <= config.pretrainEpochs(); e++) {
                s.add(new Stage(Phase.PRETRAIN_G, e));
            }
            for (int e = 1; e <= config.pretrainEpochs(); e++) {
                s.add(new Stage(Phase.PRETRAIN_D, e));
            }
        }
        for (int e = 1; e <= config.epochs(); e++) {
            s.add(new Stage(Phase.COOPERATIVE, e));
        }
        return s;
    }

    /**
     * Returns the rows G is (pre-)trained on: all, the TD-cleaned ones, or those of videos labelled
     * normal; null for variants that do not pre-train G.
     *
     * @throws IllegalArgumentException for a one-class variant when no training video is labelled normal
     */
    public static int[] generatorRows(GclConfig config, FeatureSet train, TemporalDifferenceFilter.Result td) {
        return switch (config.variant().generatorData()) {
            case NONE -> null;
            case ALL -> train.allRows();
            case TD -> td.keptRows();
            case OCC -> {
                List<Integer> rows = new ArrayList<>();
                for (Video v : train.videos()) {
                    if (v.label() == VideoLabel.NORMAL) {
                        for (int r = v.firstRow(); r < v.endRow(); r++) {
                            rows.add(r);
                        }
                    }
                }
                if (rows.isEmpty()) {
                    throw new IllegalArgumentException("variant " + config.variant().paperName()
                            + " trains G on videos labelled normal, but no training video is labelled normal");
                }
                yield rows.stream().mapToInt(Integer::intValue).toArray();
            }
        };
    }

    /**
     * Returns the batches run before each stage: entry i is the number of batches of stages 0..i-1,
     * and the last entry the schedule's total (for progress).
     */
    static long[] batchesBefore(List<Stage> schedule, int generatorRows, int trainSize, int batchSize) {
        long[] before = new long[schedule.size() + 1];
        for (int i = 0; i < schedule.size(); i++) {
            int rows = schedule.get(i).trainsGeneratorAlone() ? generatorRows : trainSize;
            before[i + 1] = before[i] + (rows + batchSize - 1) / batchSize;
        }
        return before;
    }
}
