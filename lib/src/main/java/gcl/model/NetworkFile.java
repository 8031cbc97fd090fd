package gcl.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gcl.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The file of a saved {@link DenseNetwork}: the 8 bytes {@code GCLDENSE}, a 4-byte big-endian
 * length, that many bytes of JSON header (kind, layer sizes, activations, optimiser settings, steps,
 * the subclass's extras), then the parameters, RMSprop's mean square and its momentum buffer as
 * little-endian float32. Written through {@link AtomicFiles}.
 */
final class NetworkFile {
    private static final byte[] MAGIC = "GCLDENSE".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;
    private static final String FORMAT = "gcl dense network";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NetworkFile() {
    }

    /**
     * What a saved network holds.
     *
     * @param kind   "generator" or "discriminator"
     * @param extras fields of the subclass (e.g. G's loss)
     * @param state  params, mean square and momentum buffer, flat
     */
    record Saved(String kind, int[] sizes, Activation hidden, Activation output, RmsPropMomentum optimiser,
                 long steps, Map<String, String> extras, INDArray[] state) {
    }

    /** Writes a network's file (the state arrays are read, not changed). */
    static void write(Path file, Saved network) throws IOException {
        ObjectNode h = JSON.createObjectNode();
        h.put("format", FORMAT);
        h.put("version", FORMAT_VERSION);
        h.put("kind", network.kind());
        h.putPOJO("sizes", network.sizes());
        h.put("hiddenActivation", network.hidden().name());
        h.put("outputActivation", network.output().name());
        RmsPropMomentum optimiser = network.optimiser();
        h.put("learningRate", optimiser.learningRate());
        h.put("momentum", optimiser.momentum());
        h.put("alpha", optimiser.alpha());
        h.put("epsilon", optimiser.epsilon());
        h.put("steps", network.steps());
        network.extras().forEach(h::put);
        byte[] header = JSON.writeValueAsBytes(h);
        AtomicFiles.write(file, tmp -> {
            try (OutputStream raw = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                out.write(MAGIC);
                out.writeInt(header.length);
                out.write(header);
                for (INDArray a : network.state()) {
                    writeFloats(out, a);
                }
            }
        });
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
     * Reads a file written by {@link #write}; {@code what} names the expected kind in errors.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    static Saved read(Path file, String what) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
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
            JsonNode h = JSON.readTree(in.readNBytes(length));
            if (h == null || !FORMAT.equals(h.path("format").asText()) || h.path("version").asInt() != FORMAT_VERSION) {
                throw new IOException(file + ": not a saved " + what + " (unknown header)");
            }
            if (!what.equals(h.path("kind").asText())) {
                throw new IOException(file + ": not a saved " + what + " (it holds a " + h.path("kind").asText() + ")");
            }
            int[] sizes = JSON.convertValue(h.get("sizes"), int[].class);
            RmsPropMomentum opt = new RmsPropMomentum(h.path("learningRate").asDouble(), h.path("momentum").asDouble(),
                    h.path("alpha").asDouble(), h.path("epsilon").asDouble());
            Map<String, String> extras = new LinkedHashMap<>();
            h.fields().forEachRemaining(e -> extras.put(e.getKey(), e.getValue().asText()));
            long n = DenseNetwork.parameterCount(sizes);
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
}
