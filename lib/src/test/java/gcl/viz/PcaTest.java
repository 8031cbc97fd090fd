package gcl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PcaTest {
    /** Points on the line y = x: one component, (1, 1)/√2, sign fixed positive; projection = (x + y)/√2 after centring. */
    @Test
    void pointsOnALineProjectOntoTheirDirection() {
        INDArray x = Nd4j.createFromArray(new double[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}});
        INDArray before = x.dup();
        Pca pca = Pca.fit(x, 1);
        double s = Math.sqrt(0.5);
        assertArrayEquals(new double[] {s, s}, pca.directions().getColumn(0).toDoubleVector(), 1e-9);
        double c = 3 * s; // the mean (1.5, 1.5) projected
        assertArrayEquals(new double[] {-c, 2 * s - c, 4 * s - c, 6 * s - c}, pca.project(x).getColumn(0).toDoubleVector(), 1e-9);
        assertEquals(1.0, pca.explainedVarianceRatio()[0], 1e-9);
        // variance of (x+y)/√2 over 0..3 pairs: 2 · var(0,1,2,3) = 2 · 5/3
        assertEquals(10.0 / 3, pca.explainedVariance()[0], 1e-9);
        assertEquals(before, x, "the input is not modified");
    }

    @Test
    void plantedPlaneIsFound() {
        Random r = new Random(1);
        double[][] rows = new double[200][6];
        for (double[] row : rows) {
            double a = r.nextGaussian() * 5;
            double b = r.nextGaussian() * 3;
            row[0] = a;
            row[1] = a + b;
            row[2] = -b;
            for (int j = 3; j < 6; j++) {
                row[j] = r.nextGaussian() * 0.01;
            }
        }
        INDArray x = Nd4j.createFromArray(rows).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        Pca pca = Pca.fit(x, 2);
        INDArray y = pca.project(x);
        assertArrayEquals(new long[] {200, 2}, y.shape());
        double[] ratio = pca.explainedVarianceRatio();
        assertTrue(ratio[0] >= ratio[1] && ratio[0] + ratio[1] > 0.999, Arrays.toString(ratio));
        // components are uncorrelated
        double cov = y.getColumn(0).mul(y.getColumn(1)).sumNumber().doubleValue();
        assertEquals(0.0, cov / 200, 1e-6);
        assertArrayEquals(y.toDoubleMatrix()[7], Pca.project(x, 2).toDoubleMatrix()[7], 1e-9);
    }

    @Test
    void badKIsRefused() {
        INDArray x = Nd4j.rand(5, 3);
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(x, 4));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(x, 0));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(x, 2).project(Nd4j.rand(2, 4)));
    }
}
