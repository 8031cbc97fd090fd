package gcl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Progress;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TsneTest {
    private static final Progress QUIET = Progress.silent("t-SNE", "iterations", 0);

    @Test
    void squaredDistancesOfAUnitSquare() {
        INDArray x = Nd4j.createFromArray(new double[][] {{0, 0}, {1, 0}, {1, 1}, {0, 1}});
        INDArray d = Tsne.squaredDistances(x);
        double[][] expected = {{0, 1, 2, 1}, {1, 0, 1, 2}, {2, 1, 0, 1}, {1, 2, 1, 0}};
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(expected[i], d.getRow(i).toDoubleVector(), 1e-12);
        }
    }

    /**
     * Unit square: each corner has two neighbours at squared distance 1 and one at 2. With
     * β = ln 2 the row is (1/2, 1/2, 1/4) normalised = (0.4, 0.4, 0.2), whose entropy
     * H = −(0.8 ln 0.4 + 0.2 ln 0.2) sets the perplexity e^H; calibrating to that perplexity
     * must give back exactly those probabilities.
     */
    @Test
    void perplexityCalibrationOnAHandCheckedSquare() {
        double h = -(0.8 * Math.log(0.4) + 0.2 * Math.log(0.2));
        INDArray x = Nd4j.createFromArray(new double[][] {{0, 0}, {1, 0}, {1, 1}, {0, 1}});
        INDArray p = Tsne.conditionalProbabilities(Tsne.squaredDistances(x), Math.exp(h));
        assertArrayEquals(new double[] {0, 0.4, 0.2, 0.4}, p.getRow(0).toDoubleVector(), 1e-4);
        assertArrayEquals(new double[] {0.2, 0.4, 0, 0.4}, p.getRow(2).toDoubleVector(), 1e-4);
        for (double e : Tsne.rowEntropies(p)) {
            assertEquals(h, e, 1e-5);
        }
    }

    @Test
    void everyRowsEntropyIsLogPerplexity() {
        Random r = new Random(3);
        double[][] rows = new double[40][5];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian() * (j + 1);
            }
        }
        INDArray p = Tsne.conditionalProbabilities(Tsne.squaredDistances(Nd4j.createFromArray(rows)), 7);
        double[] h = Tsne.rowEntropies(p);
        for (int i = 0; i < h.length; i++) {
            assertEquals(Math.log(7), h[i], 1e-4, "row " + i);
            assertEquals(1.0, p.getRow(i).sumNumber().doubleValue(), 1e-9);
            assertEquals(0.0, p.getDouble(i, i));
        }
    }

    /** Eq. 5 against central differences of KL(P‖Q) on a random 6-point map. */
    @Test
    void gradientMatchesFiniteDifferences() {
        int n = 6;
        Random r = new Random(9);
        double[][] pr = new double[n][n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                pr[i][j] = pr[j][i] = 0.1 + r.nextDouble();
                total += 2 * pr[i][j];
            }
        }
        INDArray p = Nd4j.createFromArray(pr).divi(total);
        double[] y = new double[2 * n];
        for (int k = 0; k < y.length; k++) {
            y[k] = r.nextGaussian();
        }
        double[] g = Tsne.gradient(p, map(y), Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, n, n), Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, n, n), offDiagonal(n), null, 1);
        double h = 1e-6;
        for (int k = 0; k < y.length; k++) {
            double[] plus = y.clone();
            double[] minus = y.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (kl(p, plus) - kl(p, minus)) / (2 * h);
            assertEquals(numeric, g[k], 1e-6, "coordinate " + k);
        }
    }

    private static double kl(INDArray p, double[] y) {
        int n = y.length / 2;
        double[] cost = new double[1];
        Tsne.gradient(p, map(y), Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, n, n), Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, n, n), offDiagonal(n), cost, 1);
        return cost[0];
    }

    private static INDArray map(double[] y) {
        return Nd4j.create(y, new long[] {y.length / 2, 2}, org.nd4j.linalg.api.buffer.DataType.DOUBLE);
    }

    private static INDArray offDiagonal(int n) {
        return Nd4j.ones(n, n).subi(Nd4j.eye(n)).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
    }

    @Test
    void plantedClustersStaySeparated() {
        int[] labels = new int[150];
        INDArray x = blobs(labels, 20, 11);
        Tsne.Embedding e = Tsne.embed(x, Tsne.Options.defaults().withIterations(500).withSeed(5), QUIET);
        assertEquals(150, e.size());
        double[][] xy = e.xy();
        assertEquals(2, xy[0].length);
        double acc = knnAccuracy(xy, labels, 5);
        assertTrue(acc >= 0.95, "5-NN accuracy in the map " + acc);
        assertTrue(e.klDivergence() > 0 && e.klDivergence() < 2, "KL " + e.klDivergence());
    }

    @Test
    void sameSeedSameMapOtherSeedOtherMap() {
        int[] labels = new int[30];
        INDArray x = blobs(labels, 8, 2);
        Tsne.Options o = Tsne.Options.defaults().withPerplexity(5).withIterations(40).withExaggeration(4, 20);
        double[][] a = Tsne.embed(x, o.withSeed(1), QUIET).xy();
        double[][] b = Tsne.embed(x, o.withSeed(1), QUIET).xy();
        double[][] c = Tsne.embed(x, o.withSeed(2), QUIET).xy();
        assertTrue(Arrays.deepEquals(a, b));
        assertFalse(Arrays.deepEquals(a, c));
    }

    @Test
    void pcaPreReductionRuns() {
        int[] labels = new int[60];
        INDArray x = blobs(labels, 80, 4);
        Tsne.Embedding e = Tsne.embed(x, Tsne.Options.defaults().withPerplexity(10).withIterations(400)
                .withExaggeration(4, 100).withPcaDims(10), QUIET);
        double acc = knnAccuracy(e.xy(), labels, 5);
        assertTrue(acc >= 0.95, "5-NN accuracy " + acc + " KL " + e.klDivergence());
    }

    @Test
    void badInputIsRefusedClearly() {
        INDArray small = Nd4j.rand(10, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> Tsne.embed(small, Tsne.Options.defaults(), QUIET));
        assertTrue(e.getMessage().contains("perplexity"), e.getMessage());
        INDArray nan = Nd4j.rand(50, 3);
        nan.putScalar(3, 1, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> Tsne.embed(nan, Tsne.Options.defaults().withPerplexity(5), QUIET));
        assertThrows(IllegalArgumentException.class, () -> Tsne.Options.defaults().withPerplexity(0.5));
    }

    /** Three Gaussian blobs (unit variance) with centres 10 apart on separate axes. */
    static INDArray blobs(int[] labels, int dims, long seed) {
        Random r = new Random(seed);
        double[][] rows = new double[labels.length][dims];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < dims; j++) {
                rows[i][j] = r.nextGaussian() + (j == labels[i] ? 10 : 0);
            }
        }
        return Nd4j.createFromArray(rows).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }

    /** Leave-one-out k-nearest-neighbour accuracy of the labels in a 2-D map. */
    static double knnAccuracy(double[][] xy, int[] labels, int k) {
        int n = xy.length;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            final int fi = i;
            Arrays.sort(order, (a, b) -> Double.compare(dist(xy[fi], xy[a]), dist(xy[fi], xy[b])));
            int[] votes = new int[3];
            for (int m = 1; m <= k; m++) {
                votes[labels[order[m]]]++;
            }
            int best = 0;
            for (int c = 1; c < 3; c++) {
                if (votes[c] > votes[best]) {
                    best = c;
                }
            }
            correct += best == labels[i] ? 1 : 0;
        }
        return correct / (double) n;
    }

    private static double dist(double[] a, double[] b) {
        return (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]);
    }
}
