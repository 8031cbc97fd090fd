package gcl.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The work arrays of a {@link DenseNetwork}, kept between batches so that training allocates nothing
 * per step: one activation buffer per layer, two δ buffers as wide as the widest layer, a column of
 * ones (for the bias gradients) and the optimiser's scratch vector. They grow only for a larger
 * batch; at the paper's sizes and a batch of 8192 that is about 0.4 GB for G.
 */
final class WorkArrays {
    private final int[] sizes;
    private int capacity;
    private INDArray[] activations;
    private INDArray[] deltas;
    private INDArray ones;
    private INDArray scratch;

    /** Work arrays for a network of these layer sizes (input first); nothing is allocated yet. */
    WorkArrays(int[] sizes) {
        this.sizes = sizes;
    }

    /** Makes room for a batch of {@code rows}, reallocating only when it is larger than any before. */
    void ensure(int rows) {
        if (rows <= capacity) {
            return;
        }
        release();
        int layers = sizes.length - 1;
        int widest = 0;
        activations = new INDArray[layers];
        for (int l = 1; l <= layers; l++) {
            activations[l - 1] = Nd4j.createUninitialized(DataType.FLOAT, (long) rows * sizes[l]);
            widest = Math.max(widest, sizes[l]);
        }
        deltas = new INDArray[] {
            Nd4j.createUninitialized(DataType.FLOAT, (long) rows * widest),
            Nd4j.createUninitialized(DataType.FLOAT, (long) rows * widest)};
        ones = Nd4j.ones(DataType.FLOAT, rows);
        capacity = rows;
    }

    /** Returns layer l's (l = 1 … L) output buffer as a [rows, n_l] view. */
    INDArray activation(int layer, int rows) {
        return view(activations[layer - 1], rows, sizes[layer]);
    }

    /** Returns δ buffer {@code which} (0 or 1) as a [rows, cols] view. */
    INDArray delta(int which, int rows, int cols) {
        return view(deltas[which], rows, cols);
    }

    /** Returns a [1, rows] row of ones. */
    INDArray ones(int rows) {
        return ones.get(NDArrayIndex.interval(0, rows)).reshape(1, rows);
    }

    /** Returns a scratch vector of n floats for the optimiser, made on first use. */
    INDArray scratch(long n) {
        if (scratch == null) {
            scratch = Nd4j.create(DataType.FLOAT, n);
        }
        return scratch;
    }

    /** Frees every work array now; the next {@link #ensure} allocates them again. */
    void release() {
        if (activations != null) {
            for (INDArray a : activations) {
                a.close();
            }
            for (INDArray a : deltas) {
                a.close();
            }
            ones.close();
        }
        if (scratch != null) {
            scratch.close();
            scratch = null;
        }
        activations = null;
        deltas = null;
        ones = null;
        capacity = 0;
    }

    /** A [rows, cols] row-major view of the start of a flat work array. */
    private static INDArray view(INDArray flat, int rows, int cols) {
        long n = (long) rows * cols;
        INDArray part = n == flat.length() ? flat : flat.get(NDArrayIndex.interval(0, n));
        return part.reshape('c', rows, cols);
    }
}
