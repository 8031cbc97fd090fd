package gcl.clean;

import gcl.data.FeatureSet;
import gcl.data.GroundTruth;
import gcl.data.Video;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How well TD cleaning (section 3.3) removes anomalies, measured against frame ground truth —
 * something the method itself never sees, shown in lesson 02 to choose D_th with open eyes.
 *
 * <p>A segment counts as anomalous when any of its frames is ({@link GroundTruth#segmentLabels(Video, int)}).
 * "Removal recall" is the share of anomalous segments the filter drops; "removal precision" the
 * share of dropped segments that are anomalous; "anomalous in kept" the contamination left for
 * pre-training, next to the contamination of the whole set.
 */
public final class CleaningQuality {
    private CleaningQuality() {
    }

    /** Segment-level ground truth of every row of a set (false where a video has none). */
    public static boolean[] anomalousRows(FeatureSet set, int segmentSize) {
        boolean[] rows = new boolean[set.size()];
        for (Video v : set.videos()) {
            if (!v.hasGroundTruth()) {
                continue;
            }
            boolean[] s = GroundTruth.segmentLabels(v, segmentSize);
            System.arraycopy(s, 0, rows, v.firstRow(), Math.min(s.length, v.segments()));
        }
        return rows;
    }

    /**
     * The temporal differences of a TD filter's run split by the ground truth of the segment they
     * lead to: "normal segments", and "anomalous segments" when there are any (first segments,
     * which have no difference, are left out). What lesson 02 draws to choose D_th.
     */
    public static Map<String, double[]> differencesByTruth(TemporalDifferenceFilter.Result td, int segmentSize) {
        boolean[] anomalous = anomalousRows(td.set(), segmentSize);
        List<Double> normal = new ArrayList<>();
        List<Double> abnormal = new ArrayList<>();
        double[] differences = td.differences();
        for (int row = 0; row < differences.length; row++) {
            if (!Double.isNaN(differences[row])) {
                (anomalous[row] ? abnormal : normal).add(differences[row]);
            }
        }
        Map<String, double[]> byTruth = new LinkedHashMap<>();
        byTruth.put("normal segments", normal.stream().mapToDouble(Double::doubleValue).toArray());
        if (!abnormal.isEmpty()) {
            byTruth.put("anomalous segments", abnormal.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return byTruth;
    }

    /** Whether every video of the set has ground truth (the synthetic training split does; real ones don't). */
    public static boolean hasGroundTruth(FeatureSet set) {
        return !set.videos().isEmpty() && set.videos().stream().allMatch(Video::hasGroundTruth);
    }

    /**
     * One row per threshold: D_th as given, the distance it resolves to, kept %, anomalous % before
     * and in the kept set, removal recall % and removal precision %.
     */
    public static Table sweep(FeatureSet set, int segmentSize, boolean keepFirst, List<DifferenceThreshold> thresholds) {
        boolean[] anomalous = anomalousRows(set, segmentSize);
        int anomalousTotal = 0;
        for (boolean a : anomalous) {
            anomalousTotal += a ? 1 : 0;
        }
        StringColumn given = StringColumn.create("D_th");
        DoubleColumn distance = DoubleColumn.create("distance");
        DoubleColumn keptPct = DoubleColumn.create("kept %");
        DoubleColumn before = DoubleColumn.create("anomalous before %");
        DoubleColumn after = DoubleColumn.create("anomalous in kept %");
        DoubleColumn recall = DoubleColumn.create("removal recall %");
        DoubleColumn precision = DoubleColumn.create("removal precision %");
        IntColumn kept = IntColumn.create("kept segments");
        for (DifferenceThreshold t : thresholds) {
            TemporalDifferenceFilter.Result r = new TemporalDifferenceFilter(t, keepFirst).apply(set);
            boolean[] isKept = new boolean[set.size()];
            for (int row : r.keptRows()) {
                isKept[row] = true;
            }
            int keptAnomalous = 0;
            int removed = 0;
            int removedAnomalous = 0;
            for (int row = 0; row < set.size(); row++) {
                if (isKept[row]) {
                    keptAnomalous += anomalous[row] ? 1 : 0;
                } else {
                    removed++;
                    removedAnomalous += anomalous[row] ? 1 : 0;
                }
            }
            given.append(t.id());
            distance.append(r.threshold());
            kept.append(r.kept());
            keptPct.append(percent(r.kept(), set.size()));
            before.append(percent(anomalousTotal, set.size()));
            after.append(percent(keptAnomalous, r.kept()));
            recall.append(percent(removedAnomalous, anomalousTotal));
            precision.append(percent(removedAnomalous, removed));
        }
        return Table.create("TD cleaning against ground truth", given, distance, kept, keptPct, before, after, recall, precision);
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? Double.NaN : Math.round(10000.0 * part / whole) / 100.0;
    }
}
