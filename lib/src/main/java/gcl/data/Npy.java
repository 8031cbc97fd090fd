package gcl.data;

import gcl.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.BytePointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads and writes NumPy {@code .npy} files, the format the published features come in.
 *
 * <p>Supported: format versions 1.0, 2.0 and 3.0; C order; little-endian {@code float32}
 * ({@code <f4}) and {@code float64} ({@code <f8}); for ground-truth masks also {@code bool},
 * {@code int8/16/32/64} and {@code uint8} (read as numbers). Anything else (big-endian,
 * Fortran order, strings, objects) is refused with one message naming the file and its header.
 *
 * <p>Why not ND4J's own {@code Nd4j.createFromNpyFile}: it goes through native code that gives
 * no usable message for a header it cannot read, and it does not read integer or boolean masks;
 * the format is simple enough (a text header and raw bytes) to read here in plain Java, which
 * also makes written files byte-identical across machines.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * What a {@code .npy} header says.
     *
     * @param descr      the NumPy type string, e.g. {@code <f4}
     * @param shape      the array's shape ({@code []} for a scalar)
     * @param dataOffset where the raw data starts in the file
     * @param text       the header text as written, for messages
     */
    public record Header(String descr, long[] shape, int dataOffset, String text) {
        /** Number of elements. */
        public long length() {
            long n = 1;
            for (long s : shape) {
                n = Math.multiplyExact(n, s);
            }
            return n;
        }

        /** Bytes per element. */
        public int itemSize() {
            return Integer.parseInt(descr.substring(2));
        }

        /** The ND4J type the data is read into. */
        public DataType dataType() {
            return switch (descr.substring(1)) {
                case "f4" -> DataType.FLOAT;
                case "f8" -> DataType.DOUBLE;
                case "b1" -> DataType.BOOL;
                case "i1" -> DataType.INT8;
                case "u1" -> DataType.UINT8;
                case "i2" -> DataType.INT16;
                case "i4" -> DataType.INT32;
                case "i8" -> DataType.INT64;
                default -> throw new IllegalStateException(descr);
            };
        }

        /** True for float32/float64. */
        public boolean isFloat() {
            return descr.charAt(1) == 'f';
        }

        @Override
        public String toString() {
            return descr + " " + Arrays.toString(shape);
        }
    }

    /**
     * Reads only the header of a file (cheap: a few hundred bytes).
     *
     * @throws IOException with the file and the header in the message when the file is not a
     *                     supported {@code .npy}
     */
    public static Header header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readHeader(in, file);
        }
    }

    private static Header readHeader(InputStream in, Path file) throws IOException {
        byte[] pre = in.readNBytes(8);
        if (pre.length < 8 || !Arrays.equals(Arrays.copyOf(pre, 6), MAGIC)) {
            throw new IOException(file + ": not a .npy file (no \\x93NUMPY magic at the start)");
        }
        int major = pre[6];
        int headerLength;
        int prefix;
        if (major == 1) {
            byte[] len = in.readNBytes(2);
            headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
            prefix = 10;
        } else if (major == 2 || major == 3) {
            byte[] len = in.readNBytes(4);
            headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
            prefix = 12;
        } else {
            throw new IOException(file + ": unsupported .npy format version " + major + "." + pre[7]);
        }
        if (headerLength < 0) {
            throw new IOException(file + ": damaged .npy file (its header length reads " + headerLength
                    + "); write it again, e.g. with numpy.save");
        }
        byte[] h = in.readNBytes(headerLength);
        if (h.length < headerLength) {
            throw new IOException(file + ": truncated .npy header");
        }
        String text = new String(h, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
        Matcher descr = DESCR.matcher(text);
        Matcher fortran = FORTRAN.matcher(text);
        Matcher shape = SHAPE.matcher(text);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new IOException(file + ": cannot read the .npy header " + text);
        }
        if (fortran.group(1).equals("True")) {
            throw new IOException(file + ": Fortran-order arrays are not supported (header " + text
                    + "); save it in C order, e.g. np.save(f, np.ascontiguousarray(a))");
        }
        String d = normalise(descr.group(1));
        if (d == null) {
            throw new IOException(file + ": unsupported dtype '" + descr.group(1) + "' (header " + text
                    + "); use little-endian float32 or float64, or bool/int for masks");
        }
        List<Long> dims = new ArrayList<>();
        for (String part : shape.group(1).split(",")) {
            if (!part.isBlank()) {
                long dim;
                try {
                    dim = Long.parseLong(part.trim().replace("L", ""));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": bad shape in the .npy header " + text);
                }
                if (dim < 0) {
                    throw new IOException(file + ": the .npy header gives a negative length " + dim + " (header " + text
                            + "); the file is damaged: write it again, e.g. with numpy.save or gcl extract");
                }
                dims.add(dim);
            }
        }
        Header header = new Header(d, dims.stream().mapToLong(Long::longValue).toArray(), prefix + headerLength, text);
        try {
            Math.multiplyExact(header.length(), header.itemSize());
        } catch (ArithmeticException e) {
            throw new IOException(file + ": the .npy header gives a shape too large for any file (header " + text
                    + "); the file is damaged: write it again");
        }
        return header;
    }

    /** The descr in the form {@code <f4}, {@code |b1}, ..., or null when not supported. */
    private static String normalise(String descr) {
        if (descr.length() < 3) {
            return null;
        }
        char order = descr.charAt(0);
        String kind = descr.substring(1);
        boolean oneByte = kind.equals("b1") || kind.equals("i1") || kind.equals("u1");
        if (oneByte && (order == '|' || order == '<' || order == '>' || order == '=')) {
            return "|" + kind;
        }
        boolean littleEndian = order == '<' || order == '=' && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        if (!littleEndian) {
            return null;
        }
        return switch (kind) {
            case "f4", "f8", "i2", "i4", "i8" -> "<" + kind;
            default -> null;
        };
    }

    /**
     * Reads a whole array: float32 and float64 keep their type; integer and bool arrays are read
     * into the matching ND4J type.
     */
    public static INDArray read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Header h = readHeader(in, file);
            long n = h.length();
            long bytes = n * h.itemSize();
            if (bytes > Integer.MAX_VALUE) {
                throw new IOException(file + ": array too large to read at once (" + h + ")");
            }
            byte[] raw = in.readNBytes((int) bytes);
            if (raw.length < bytes) {
                throw new IOException(file + ": file is shorter than its header says (" + h + ": "
                        + bytes + " data bytes expected, " + raw.length + " found)");
            }
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            long[] shape = h.shape();
            return switch (h.dataType()) {
                case FLOAT -> {
                    float[] v = new float[(int) n];
                    b.asFloatBuffer().get(v);
                    yield Nd4j.create(v, shape, 'c');
                }
                case DOUBLE -> {
                    double[] v = new double[(int) n];
                    b.asDoubleBuffer().get(v);
                    yield Nd4j.create(v, shape, 'c');
                }
                default -> Nd4j.create(toDoubles(h, b), shape, 'c').castTo(h.dataType());
            };
        }
    }

    /**
     * Reads a float32 [T, d] file straight into rows [firstRow, firstRow + T) of a matrix: the bytes
     * go from the file into the matrix's native memory, with no copy on the Java heap and no
     * temporary array. The matrix must be a float32, row-major [N, d] array of its own (not a view).
     *
     * @param header the file's header ({@link #header})
     * @throws IOException naming the file when it is not a float32 [T, d] array of the matrix's width,
     *                     or shorter than its header says
     */
    public static void readInto(Path file, Header header, INDArray matrix, long firstRow) throws IOException {
        long[] s = header.shape();
        if (!header.descr().equals("<f4") || s.length != 2) {
            throw new IOException(file + ": expected float32 [T, d] features, found " + header + " (header " + header.text() + ")");
        }
        if (matrix.dataType() != DataType.FLOAT || matrix.rank() != 2 || matrix.ordering() != 'c' || matrix.isView()
                || matrix.columns() != s[1] || firstRow < 0 || firstRow + s[0] > matrix.rows()) {
            throw new IllegalArgumentException("cannot read " + file + " " + header + " into rows from " + firstRow
                    + " of a " + matrix.ordering() + "-order " + matrix.dataType() + " " + Arrays.toString(matrix.shape()));
        }
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IOException(file + ": reading .npy straight into memory needs a little-endian machine");
        }
        long bytes = s[0] * s[1] * 4;
        if (bytes == 0) {
            return;
        }
        long offset = firstRow * s[1] * 4;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() < header.dataOffset() + bytes) {
                throw new IOException(file + ": file is shorter than its header says (" + header + ": "
                        + bytes + " data bytes expected, " + (ch.size() - header.dataOffset()) + " found)");
            }
            BytePointer base = new BytePointer(matrix.data().addressPointer());
            long done = 0;
            while (done < bytes) {
                // a ByteBuffer holds at most 2 GB: read in pieces of 1 GB
                long n = Math.min(bytes - done, 1L << 30);
                BytePointer piece = base.getPointer(offset + done).capacity(n);
                ByteBuffer target = piece.asByteBuffer();
                long at = header.dataOffset() + done;
                while (target.hasRemaining()) {
                    int r = ch.read(target, at);
                    if (r < 0) {
                        throw new IOException(file + ": unexpected end of file");
                    }
                    at += r;
                }
                done += n;
            }
        }
        // the host copy is the fresh one (a no-op on the CPU backend; on CUDA the device copy is refreshed)
        Nd4j.getAffinityManager().tagLocation(matrix, org.nd4j.linalg.api.concurrency.AffinityManager.Location.HOST);
    }

    /**
     * Reads a float array as float32 (float64 is narrowed), refusing integer and bool files.
     */
    public static INDArray readFloat(Path file) throws IOException {
        Header h = header(file);
        if (!h.isFloat()) {
            throw new IOException(file + ": expected float32 or float64 features, found " + h.descr() + " (header " + h.text() + ")");
        }
        INDArray a = read(file);
        return a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT);
    }

    /**
     * Reads a frame mask: any 1-D array (bool, integer or float; a 2-D array with one row or column
     * is flattened); an element is anomalous when it is non-zero.
     */
    public static boolean[] readMask(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Header h = readHeader(in, file);
            long[] s = h.shape();
            boolean vector = s.length == 1 || s.length == 2 && (s[0] == 1 || s[1] == 1);
            if (!vector) {
                throw new IOException(file + ": a frame mask must be 1-D, found shape " + Arrays.toString(s) + " (header " + h.text() + ")");
            }
            long bytes = h.length() * h.itemSize();
            if (bytes > Integer.MAX_VALUE) {
                throw new IOException(file + ": a frame mask of " + h.length() + " frames is too large to read (" + h + ")");
            }
            byte[] raw = in.readNBytes((int) bytes);
            if (raw.length < bytes) {
                throw new IOException(file + ": file is shorter than its header says (" + h + ")");
            }
            double[] v = toDoubles(h, ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN));
            boolean[] mask = new boolean[v.length];
            for (int i = 0; i < v.length; i++) {
                mask[i] = v[i] != 0;
            }
            return mask;
        }
    }

    private static double[] toDoubles(Header h, ByteBuffer b) {
        int n = (int) h.length();
        double[] v = new double[n];
        String kind = h.descr().substring(1);
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case "f4" -> b.getFloat();
                case "f8" -> b.getDouble();
                case "b1", "i1" -> b.get();
                case "u1" -> b.get() & 0xFF;
                case "i2" -> b.getShort();
                case "i4" -> b.getInt();
                case "i8" -> b.getLong();
                default -> throw new IllegalStateException(kind);
            };
        }
        return v;
    }

    /**
     * Writes an array as float32 ({@code <f4}) unless it is float64 ({@code <f8}), in C order,
     * format 1.0. The file is written beside its target and then moved into place, so a reader
     * (or an interrupted run) never sees half a file. Same array, same bytes.
     */
    public static void write(Path file, INDArray array) throws IOException {
        boolean dbl = array.dataType() == DataType.DOUBLE;
        INDArray a = array.dataType() == DataType.FLOAT || dbl ? array : array.castTo(DataType.FLOAT);
        INDArray c = a.dup('c');
        long[] shape = c.shape();
        String descr = dbl ? "<f8" : "<f4";
        byte[] header = headerBytes(descr, shape);
        long n = c.length();
        ByteBuffer data = ByteBuffer.allocate((int) (n * (dbl ? 8 : 4))).order(ByteOrder.LITTLE_ENDIAN);
        if (n > 0) {
            if (dbl) {
                data.asDoubleBuffer().put(c.data().asDouble(), 0, (int) n);
            } else {
                data.asFloatBuffer().put(c.data().asFloat(), 0, (int) n);
            }
        }
        writeAtomically(file, header, data.array());
    }

    /** Writes a float32 [rows, cols] array given as a row-major {@code float[]}. */
    public static void write(Path file, float[] values, long... shape) throws IOException {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(values.length + " values for shape " + Arrays.toString(shape));
        }
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(values);
        writeAtomically(file, headerBytes("<f4", shape), data.array());
    }

    /** Writes a bool mask ({@code |b1}), as ShanghaiTech's frame masks. */
    public static void writeMask(Path file, boolean[] mask) throws IOException {
        byte[] data = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            data[i] = (byte) (mask[i] ? 1 : 0);
        }
        writeAtomically(file, headerBytes("|b1", new long[] {mask.length}), data);
    }

    /** The digits numpy.save leaves room for in the header's first axis (numpy's GROWTH_AXIS_MAX_DIGITS). */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private static byte[] headerBytes(String descr, long[] shape) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            s.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) {
                s.append(", ");
            }
        }
        String dict = String.format(Locale.ROOT, "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }",
                descr, s.toString().replaceAll(", $", ","));
        // as numpy.save writes it: room for the first axis to grow to 21 digits, then spaces up to a
        // multiple of 64 bytes (a whole 64 more when it already is one), then a newline
        if (shape.length > 0) {
            dict += " ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length());
        }
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String text = dict + " ".repeat(pad) + "\n";
        byte[] body = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) body.length).put(body);
        return b.array();
    }

    private static void writeAtomically(Path file, byte[] header, byte[] data) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(header);
                out.write(data);
            }
        });
    }
}
