package gcl.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A stack of fully connected layers, the common part of G ({@link Generator}) and D
 * ({@link Discriminator}): layer l computes {@code a_l = f_l(a_{l−1} W_l + b_l)} for a batch of rows,
 * with one ND4J matrix product per layer, and learns by a backward pass derived by hand and an
 * RMSprop step ({@link RmsPropMomentum}).
 *
 * <p><b>Backward pass.</b> Given δ_L = ∂L/∂z_L at the output (the subclass's loss, already divided by
 * the batch size), for l = L … 1:
 * <pre>
 *   ∂L/∂W_l = a_{l−1}ᵀ δ_l          ∂L/∂b_l = 1ᵀ δ_l (column sums)
 *   δ_{l−1} = (δ_l W_lᵀ) ⊙ f'(z_{l−1})   (not for l = 1: nobody needs the input's gradient)
 * </pre>
 * with f' written in terms of the layer's output ({@link HiddenActivation}), so a forward pass keeps
 * only the activations. The weights and biases of all layers live in one flat float vector (W_l as
 * an [n_{l−1}, n_l] column-major view, then b_l, layer after layer), and so do their gradients and
 * the optimiser's two state vectors, so that one RMSprop step updates every parameter at once.
 *
 * <p><b>Initialisation</b>, where the paper is silent: weights uniform in ±1/√fan_in, as PyTorch's
 * {@code nn.Linear} draws them (and DL4J's {@code WeightInit.UNIFORM}), biases 0, float32. The draw
 * uses ND4J's generator seeded with the given seed, layer after layer, in the order DL4J's
 * {@code MultiLayerNetwork} draws them.
 *
 * <p>This class is the maths only: its work arrays live in {@link WorkArrays} (kept between batches,
 * handed back by {@link #releaseBuffers()}), its file format in {@link NetworkFile}.
 * {@link #close()} frees all native memory of the network.
 */
public abstract class DenseNetwork implements AutoCloseable {
    private final int[] sizes;
    private final Activation hidden;
    private final Activation output;
    private final RmsPropMomentum optimiser;
    private final INDArray params;
    private final INDArray gradient;
    private final INDArray meanSquare;
    private final INDArray momentumBuffer;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray[] weightGradients;
    private final INDArray[] biasGradients;
    private long steps;
    private boolean closed;

    private final WorkArrays work;
    /** Forward passes so far (and buffer releases): a pass is valid while this is its number. */
    private long passes;

    /**
     * A network of the given layer sizes (input first) and parameters; the state arrays are copied.
     *
     * @param state null for fresh weights from {@code seed}; else params, mean square and momentum
     *              buffer as flat float arrays of {@link #parameterCount(int[])} values
     */
    @SuppressWarnings("try") // ND4J's Random is AutoCloseable with a close() that declares InterruptedException
    protected DenseNetwork(int[] sizes, Activation hidden, Activation output, RmsPropMomentum optimiser, long seed,
                           INDArray[] state, long steps) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output size, got " + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("layer sizes must be positive, got " + Arrays.toString(sizes));
            }
        }
        this.sizes = sizes.clone();
        this.hidden = HiddenActivation.check(hidden);
        this.output = HiddenActivation.check(output);
        this.optimiser = Objects.requireNonNull(optimiser, "optimiser");
        this.steps = steps;
        this.work = new WorkArrays(this.sizes);
        long n = parameterCount(sizes);
        params = Nd4j.create(DataType.FLOAT, n);
        gradient = Nd4j.create(DataType.FLOAT, n);
        meanSquare = Nd4j.create(DataType.FLOAT, n);
        momentumBuffer = Nd4j.create(DataType.FLOAT, n);
        int layers = sizes.length - 1;
        weights = new INDArray[layers];
        biases = new INDArray[layers];
        weightGradients = new INDArray[layers];
        biasGradients = new INDArray[layers];
        long at = 0;
        for (int l = 0; l < layers; l++) {
            long w = (long) sizes[l] * sizes[l + 1];
            weights[l] = params.get(NDArrayIndex.interval(at, at + w)).reshape('f', sizes[l], sizes[l + 1]);
            weightGradients[l] = gradient.get(NDArrayIndex.interval(at, at + w)).reshape('f', sizes[l], sizes[l + 1]);
            at += w;
            biases[l] = params.get(NDArrayIndex.interval(at, at + sizes[l + 1])).reshape(1, sizes[l + 1]);
            biasGradients[l] = gradient.get(NDArrayIndex.interval(at, at + sizes[l + 1])).reshape(1, sizes[l + 1]);
            at += sizes[l + 1];
        }
        if (state == null) {
            try (Random rng = Nd4j.getRandomFactory().getNewRandomInstance(seed)) {
                at = 0;
                for (int l = 0; l < layers; l++) {
                    long w = (long) sizes[l] * sizes[l + 1];
                    double a = 1.0 / Math.sqrt(sizes[l]);
                    Nd4j.getExecutioner().exec(new UniformDistribution(params.get(NDArrayIndex.interval(at, at + w)), -a, a), rng);
                    at += w + sizes[l + 1];
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot draw the initial weights: " + e.getMessage(), e);
            }
        } else {
            params.assign(state[0]);
            meanSquare.assign(state[1]);
            momentumBuffer.assign(state[2]);
        }
    }

    /** Number of weights and biases of a network with these layer sizes. */
    public static long parameterCount(int[] sizes) {
        long n = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            n += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        return n;
    }

    /** Feature dimension (the input size). */
    public int dim() {
        return sizes[0];
    }

    /** Layer sizes, input first, e.g. [2048, 512, 32, 1]. */
    public int[] layerSizes() {
        return sizes.clone();
    }

    /** The hidden layers' activation. */
    public Activation hiddenActivation() {
        return hidden;
    }

    /** The optimiser's settings. */
    public RmsPropMomentum optimiser() {
        return optimiser;
    }

    /** Optimiser steps taken so far. */
    public long steps() {
        return steps;
    }

    /** A copy of all weights and biases as one flat vector (W_1 column-major, b_1, W_2, ...). */
    public INDArray params() {
        checkOpen();
        return params.dup();
    }

    /** W_l (l = 1 … L) as a copy, [n_{l−1}, n_l]. */
    public INDArray weights(int layer) {
        checkOpen();
        return weights[layer - 1].dup('c');
    }

    /** b_l (l = 1 … L) as a copy, a vector of n_l. */
    public INDArray bias(int layer) {
        checkOpen();
        return biases[layer - 1].dup().reshape(sizes[layer]);
    }

    /**
     * The outputs of the hidden layers for a batch [b, d], first hidden layer first (copies, each
     * [b, units]): for the training history's dead-unit shares ({@code gcl.train.Diagnostics}).
     * Like any forward pass, it ends the validity of an earlier pass over this network.
     */
    public List<INDArray> hiddenActivations(INDArray features) {
        Pass pass = forward(features);
        List<INDArray> out = new ArrayList<>();
        for (int l = 1; l < sizes.length - 1; l++) {
            out.add(pass.activation(l).dup());
        }
        return out;
    }

    /** Sets every entry of b_l (l = 1 … L) to a value. */
    protected void fillBias(int layer, double value) {
        checkOpen();
        biases[layer - 1].assign(value);
    }

    /** The parameters themselves (flat, a view: writing to it changes the network). */
    INDArray paramsView() {
        return params;
    }

    /** The gradient left by the last loss computation (flat, same layout as {@link #params()}); a view. */
    INDArray gradientView() {
        return gradient;
    }

    // ---- forward -------------------------------------------------------------------------------

    /**
     * The activations of one forward pass over a batch: a_0 (the input) … a_L (the output). A pass
     * lives in the network's work arrays, so it is valid only until the next pass over the same
     * network or the next optimiser step; using it later is an error (it would read other numbers).
     */
    public static final class Pass {
        private final DenseNetwork network;
        private final INDArray[] activations;
        private final long number;
        private final long step;

        private Pass(DenseNetwork network, INDArray[] activations, long number, long step) {
            this.network = network;
            this.activations = activations;
            this.number = number;
            this.step = step;
        }

        /** The batch the pass was made on, [b, d]. */
        public INDArray input() {
            return activations[0];
        }

        /** The network's output [b, n_L] (a view into the work arrays: copy it to keep it). */
        public INDArray output() {
            check(network);
            return activations[activations.length - 1];
        }

        /** Rows in the batch. */
        public int rows() {
            return activations[0].rows();
        }

        INDArray activation(int l) {
            return activations[l];
        }

        void check(DenseNetwork n) {
            if (n != network) {
                throw new IllegalArgumentException("this forward pass belongs to another network");
            }
            if (n.closed) {
                throw new IllegalStateException("the network has been closed");
            }
            if (n.steps != step) {
                throw new IllegalStateException("the weights have changed since this forward pass (an optimiser step); make a new pass");
            }
            if (n.passes != number) {
                throw new IllegalStateException("a later forward pass over the same network has overwritten this one; make a new pass");
            }
        }
    }

    /**
     * Runs a batch [b, d] through the network. float32 input is used as it is (any order, views
     * included); other types are cast.
     */
    protected Pass forward(INDArray batch) {
        checkOpen();
        if (batch.rank() != 2 || batch.columns() != sizes[0]) {
            throw new IllegalArgumentException("expected a batch [b, " + sizes[0] + "], got shape " + Arrays.toString(batch.shape()));
        }
        INDArray x = batch.dataType() == DataType.FLOAT ? batch : batch.castTo(DataType.FLOAT);
        int b = x.rows();
        int layers = sizes.length - 1;
        INDArray[] a = new INDArray[layers + 1];
        a[0] = x;
        if (b == 0) {
            for (int l = 1; l <= layers; l++) {
                a[l] = Nd4j.create(DataType.FLOAT, 0, sizes[l]);
            }
        } else {
            work.ensure(b);
            for (int l = 1; l <= layers; l++) {
                INDArray z = work.activation(l, b);
                Nd4j.gemm(a[l - 1], weights[l - 1], z, false, false, 1.0, 0.0);
                z.addiRowVector(biases[l - 1]);
                HiddenActivation.apply(l == layers ? output : hidden, z);
                a[l] = z;
            }
        }
        return new Pass(this, a, ++passes, steps);
    }

    // ---- backward and step ----------------------------------------------------------------------

    /**
     * The work array for δ_L = ∂L/∂z_L of a pass, [b, n_L]: a subclass writes its loss gradient here
     * (divided by the batch size) and then calls {@link #backward}.
     */
    protected INDArray outputDelta(Pass pass) {
        pass.check(this);
        return work.delta(0, pass.rows(), sizes[sizes.length - 1]);
    }

    /** Fills the gradient of every weight and bias from δ_L in {@link #outputDelta} (see the class comment). */
    protected void backward(Pass pass) {
        pass.check(this);
        int b = pass.rows();
        int which = 0;
        INDArray delta = work.delta(0, b, sizes[sizes.length - 1]);
        INDArray ones = work.ones(b);
        for (int l = sizes.length - 1; l >= 1; l--) {
            INDArray previous = pass.activation(l - 1);
            Nd4j.gemm(previous, delta, weightGradients[l - 1], true, false, 1.0, 0.0);
            Nd4j.gemm(ones, delta, biasGradients[l - 1], false, false, 1.0, 0.0);
            if (l > 1) {
                which = 1 - which;
                INDArray next = work.delta(which, b, sizes[l - 1]);
                Nd4j.gemm(delta, weights[l - 1], next, false, true, 1.0, 0.0);
                HiddenActivation.backprop(hidden, previous, next);
                delta = next;
            }
        }
    }

    /** One RMSprop step with the gradient {@link #backward} left; every earlier pass becomes invalid. */
    protected void step() {
        checkOpen();
        optimiser.step(params, gradient, meanSquare, momentumBuffer, work.scratch(params.length()));
        steps++;
    }

    // ---- memory --------------------------------------------------------------------------------

    /**
     * Frees the work arrays now (activations and δ of the largest batch seen, the optimiser's
     * scratch vector); the next pass allocates them again. Weights and optimiser state stay.
     */
    public void releaseBuffers() {
        work.release();
        passes++;
    }

    /** Frees all native memory of the network now; it cannot be used afterwards. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        releaseBuffers();
        params.close();
        gradient.close();
        meanSquare.close();
        momentumBuffer.close();
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " has been closed");
        }
    }

    // ---- files ---------------------------------------------------------------------------------

    /** Saves sizes, activations, optimiser settings, weights and optimiser state ({@link NetworkFile}). */
    protected void save(Path file, String kind, Map<String, String> extras) throws IOException {
        checkOpen();
        NetworkFile.write(file, new NetworkFile.Saved(kind, sizes, hidden, output, optimiser, steps, extras,
                new INDArray[] {params, meanSquare, momentumBuffer}));
    }

    /** The hidden sizes of a layer-size array: all but the first and last. */
    protected static List<Integer> hiddenOf(int[] sizes) {
        return Arrays.stream(sizes, 1, sizes.length - 1).boxed().toList();
    }

    /** [in, hidden..., out]. */
    protected static int[] sizesOf(int in, List<Integer> hidden, int out) {
        int[] s = new int[hidden.size() + 2];
        s[0] = in;
        for (int i = 0; i < hidden.size(); i++) {
            Integer h = hidden.get(i);
            if (h == null || h <= 0) {
                throw new IllegalArgumentException("hidden layer sizes must be positive, got " + hidden);
            }
            s[i + 1] = h;
        }
        s[s.length - 1] = out;
        return s;
    }
}
