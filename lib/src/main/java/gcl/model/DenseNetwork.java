package gcl.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
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
 * uses ND4J's generator seeded with the given seed, in the same order as DL4J's
 * {@code MultiLayerNetwork} did, so a seed gives the same initial weights as before.
 *
 * <p><b>Memory.</b> A network keeps its work arrays (activations, two δ buffers) between batches and
 * grows them only for a larger batch, so training allocates nothing per step: at the paper's sizes
 * and a batch of 8192 that is about 0.4 GB for G. {@link #releaseBuffers()} hands them back at once
 * (the next pass makes them again), {@link #close()} all native memory of the network.
 */
public abstract class DenseNetwork implements AutoCloseable {
    private static final byte[] MAGIC = "GCLDENSE".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

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

    // work arrays, kept between batches (see the class comment)
    private int capacity;
    private INDArray[] activationBuffers;
    private INDArray[] deltaBuffers;
    private INDArray ones;
    private INDArray scratch;
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
        this.optimiser = java.util.Objects.requireNonNull(optimiser, "optimiser");
        this.steps = steps;
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
            try (org.nd4j.linalg.api.rng.Random rng = Nd4j.getRandomFactory().getNewRandomInstance(seed)) {
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
        List<INDArray> out = new java.util.ArrayList<>();
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
            ensureCapacity(b);
            for (int l = 1; l <= layers; l++) {
                INDArray z = view(activationBuffers[l - 1], b, sizes[l]);
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
        return view(deltaBuffers[0], pass.rows(), sizes[sizes.length - 1]);
    }

    /** Fills the gradient of every weight and bias from δ_L in {@link #outputDelta} (see the class comment). */
    protected void backward(Pass pass) {
        pass.check(this);
        int b = pass.rows();
        int which = 0;
        INDArray delta = view(deltaBuffers[0], b, sizes[sizes.length - 1]);
        INDArray ones = this.ones.get(NDArrayIndex.interval(0, b)).reshape(1, b);
        for (int l = sizes.length - 1; l >= 1; l--) {
            INDArray previous = pass.activation(l - 1);
            Nd4j.gemm(previous, delta, weightGradients[l - 1], true, false, 1.0, 0.0);
            Nd4j.gemm(ones, delta, biasGradients[l - 1], false, false, 1.0, 0.0);
            if (l > 1) {
                which = 1 - which;
                INDArray next = view(deltaBuffers[which], b, sizes[l - 1]);
                Nd4j.gemm(delta, weights[l - 1], next, false, true, 1.0, 0.0);
                HiddenActivation.backprop(hidden, previous, next);
                delta = next;
            }
        }
    }

    /** One RMSprop step with the gradient {@link #backward} left; every earlier pass becomes invalid. */
    protected void step() {
        checkOpen();
        if (scratch == null) {
            scratch = Nd4j.create(DataType.FLOAT, params.length());
        }
        optimiser.step(params, gradient, meanSquare, momentumBuffer, scratch);
        steps++;
    }

    // ---- memory --------------------------------------------------------------------------------

    private void ensureCapacity(int rows) {
        if (rows <= capacity) {
            return;
        }
        releaseBuffers();
        int layers = sizes.length - 1;
        int widest = 0;
        activationBuffers = new INDArray[layers];
        for (int l = 1; l <= layers; l++) {
            activationBuffers[l - 1] = Nd4j.createUninitialized(DataType.FLOAT, (long) rows * sizes[l]);
            widest = Math.max(widest, sizes[l]);
        }
        deltaBuffers = new INDArray[] {
            Nd4j.createUninitialized(DataType.FLOAT, (long) rows * widest),
            Nd4j.createUninitialized(DataType.FLOAT, (long) rows * widest)};
        ones = Nd4j.ones(DataType.FLOAT, rows);
        capacity = rows;
    }

    /** A [rows, cols] row-major view of the start of a flat work array. */
    private static INDArray view(INDArray flat, int rows, int cols) {
        long n = (long) rows * cols;
        INDArray part = n == flat.length() ? flat : flat.get(NDArrayIndex.interval(0, n));
        return part.reshape('c', rows, cols);
    }

    /**
     * Frees the work arrays now (activations and δ of the largest batch seen, the optimiser's
     * scratch vector); the next pass allocates them again. Weights and optimiser state stay.
     */
    public void releaseBuffers() {
        if (activationBuffers != null) {
            for (INDArray a : activationBuffers) {
                a.close();
            }
            for (INDArray a : deltaBuffers) {
                a.close();
            }
            ones.close();
        }
        if (scratch != null) {
            scratch.close();
            scratch = null;
        }
        activationBuffers = null;
        deltaBuffers = null;
        ones = null;
        capacity = 0;
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

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " has been closed");
        }
    }

    // ---- files ---------------------------------------------------------------------------------

    /**
     * What a saved network holds besides its numbers.
     *
     * @param kind   "generator" or "discriminator"
     * @param extras fields of the subclass (e.g. G's loss)
     */
    protected record Saved(String kind, int[] sizes, Activation hidden, Activation output, RmsPropMomentum optimiser,
                           long steps, java.util.Map<String, String> extras, INDArray[] state) {
    }

    /**
     * Saves sizes, activations, optimiser settings, weights and optimiser state. The file: the
     * 8 bytes {@code GCLDENSE}, a 4-byte big-endian length, that many bytes of JSON header, then
     * params, mean square and momentum buffer as little-endian float32. Written beside the target
     * and moved into place.
     */
    protected void save(Path file, String kind, java.util.Map<String, String> extras) throws IOException {
        checkOpen();
        ObjectNode h = JSON.createObjectNode();
        h.put("format", "gcl dense network");
        h.put("version", FORMAT_VERSION);
        h.put("kind", kind);
        h.putPOJO("sizes", sizes);
        h.put("hiddenActivation", hidden.name());
        h.put("outputActivation", output.name());
        h.put("learningRate", optimiser.learningRate());
        h.put("momentum", optimiser.momentum());
        h.put("alpha", optimiser.alpha());
        h.put("epsilon", optimiser.epsilon());
        h.put("steps", steps);
        extras.forEach(h::put);
        byte[] header = JSON.writeValueAsBytes(h);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16))) {
            out.write(MAGIC);
            out.writeInt(header.length);
            out.write(header);
            for (INDArray a : new INDArray[] {params, meanSquare, momentumBuffer}) {
                writeFloats(out, a);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeFloats(DataOutputStream out, INDArray flat) throws IOException {
        final int chunk = 1 << 16;
        ByteBuffer b = ByteBuffer.allocate(chunk * 4).order(ByteOrder.LITTLE_ENDIAN);
        long n = flat.length();
        for (long from = 0; from < n; from += chunk) {
            long to = Math.min(n, from + chunk);
            float[] v = flat.get(NDArrayIndex.interval(from, to)).toFloatVector();
            b.clear();
            b.asFloatBuffer().put(v);
            out.write(b.array(), 0, v.length * 4);
        }
    }

    /**
     * Reads a file written by {@link #save}; {@code what} names the expected kind in errors.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    protected static Saved read(Path file, String what) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                String hint = magic.length >= 2 && magic[0] == 'P' && magic[1] == 'K'
                        ? " (a DL4J model zip from an earlier version of this library: train the run again)" : "";
                throw new IOException(file + ": not a saved " + what + hint);
            }
            int length = in.readInt();
            if (length <= 0 || length > 1 << 20) {
                throw new IOException(file + ": not a saved " + what + " (bad header length " + length + ")");
            }
            var h = JSON.readTree(in.readNBytes(length));
            if (h == null || !"gcl dense network".equals(h.path("format").asText()) || h.path("version").asInt() != FORMAT_VERSION) {
                throw new IOException(file + ": not a saved " + what + " (unknown header)");
            }
            if (!what.equals(h.path("kind").asText())) {
                throw new IOException(file + ": not a saved " + what + " (it holds a " + h.path("kind").asText() + ")");
            }
            int[] sizes = JSON.convertValue(h.get("sizes"), int[].class);
            RmsPropMomentum opt = new RmsPropMomentum(h.path("learningRate").asDouble(), h.path("momentum").asDouble(),
                    h.path("alpha").asDouble(), h.path("epsilon").asDouble());
            java.util.Map<String, String> extras = new java.util.LinkedHashMap<>();
            h.fields().forEachRemaining(e -> extras.put(e.getKey(), e.getValue().asText()));
            long n = parameterCount(sizes);
            INDArray[] state = new INDArray[3];
            for (int i = 0; i < 3; i++) {
                state[i] = readFloats(in, n, file, what);
            }
            if (in.read() != -1) {
                throw new IOException(file + ": not a saved " + what + " (data after the end)");
            }
            return new Saved(what, sizes, Activation.valueOf(h.path("hiddenActivation").asText()),
                    Activation.valueOf(h.path("outputActivation").asText()), opt, h.path("steps").asLong(), extras, state);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(file.toString()) ? e
                    : new IOException(file + ": not a saved " + what + " (" + e + ")", e);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a saved " + what + " (" + e.getMessage() + ")", e);
        }
    }

    private static INDArray readFloats(DataInputStream in, long n, Path file, String what) throws IOException {
        if (n > Integer.MAX_VALUE) {
            throw new IOException(file + ": network too large (" + n + " parameters)");
        }
        byte[] raw = in.readNBytes((int) (n * 4));
        if (raw.length < n * 4) {
            throw new IOException(file + ": not a saved " + what + " (truncated: " + raw.length / 4 + " of " + n + " values)");
        }
        float[] v = new float[(int) n];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return Nd4j.createFromArray(v);
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
