package gcl.nb;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * The checks of lesson 00's exercises, on the toy video of {@link Examples#toyVideo}: how much more
 * the features change inside the burst, and whether the largest changes fall inside it.
 */
public final class QuickstartChecks {
    private QuickstartChecks() {
    }

    /**
     * The mean temporal difference of the burst's segments divided by that of the other segments
     * (segment 0, which has no predecessor, left out).
     */
    static double burstContrast(Table toy) {
        double[] td = toy.doubleColumn("temporal difference").asDoubleArray();
        int[] burst = toy.intColumn("in burst").asIntArray();
        double in = 0;
        double out = 0;
        int nIn = 0;
        int nOut = 0;
        for (int t = 1; t < td.length; t++) {
            if (burst[t] == 1) {
                in += td[t];
                nIn++;
            } else {
                out += td[t];
                nOut++;
            }
        }
        return (in / nIn) / (out / nOut);
    }

    /** Exercise "burst contrast": the student's ratio of the burst's mean temporal difference to the calm segments'. */
    public static Checks.Result burstContrast(Table toy, double answer) {
        return Checks.number("burst contrast", answer, burstContrast(toy), 1e-6 * burstContrast(toy),
                "the ratio of the burst's mean temporal difference to the calm segments'",
                "filter the rows with \"in burst\" = 1, and the others from segment 1 on, take the mean of "
                        + "\"temporal difference\" in each, and divide.");
    }

    /** How many of the {@code top} segments with the largest temporal difference lie in the burst. */
    static int topInBurst(Table toy, int top) {
        double[] td = toy.doubleColumn("temporal difference").asDoubleArray();
        int[] burst = toy.intColumn("in burst").asIntArray();
        Integer[] order = new Integer[td.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -td[i]));
        int n = 0;
        for (int k = 0; k < Math.min(top, td.length); k++) {
            n += burst[order[k]];
        }
        return n;
    }

    /** Exercise "largest changes": the prediction (yes or no) that most of the {@code top} largest differences are in the burst. */
    public static Checks.Result largestChanges(Table toy, int top, String predicted) {
        int n = topInBurst(toy, top);
        return Checks.choice("largest changes", predicted, 2 * n > top ? "yes" : "no", String.format(Locale.ROOT,
                "%d of the %d largest temporal differences are in the burst: eventful segments change more, "
                        + "the intuition lesson 02 cleans the data with.", n, top));
    }
}
