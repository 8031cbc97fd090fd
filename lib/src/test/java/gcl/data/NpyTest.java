package gcl.data;

import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import java.util.Arrays;

class NpyTest {
    @TempDir
    Path dir;

    /** A .npy file with the given header dict and raw data, as NumPy would write it. */
    static byte[] npy(String dict, byte[] data) {
        String text = dict;
        int pad = (64 - (10 + text.length() + 1) % 64) % 64;
        text = text + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + text.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return b.array();
    }

    @Test
    void float32RoundTripKeepsValuesAndShape() throws IOException {
        INDArray a = Nd4j.createFromArray(new float[][] {{1.5f, -2f, 0f}, {3f, 4.25f, Float.MIN_VALUE}});
        Path f = dir.resolve("a.npy");
        Npy.write(f, a);
        INDArray b = Npy.read(f);
        assertEquals(DataType.FLOAT, b.dataType());
        assertArrayEquals(new long[] {2, 3}, b.shape());
        assertEquals(a, b);
        assertEquals("<f4", Npy.header(f).descr());
        assertEquals(128 + 24, Files.size(f), "header padded to 64 bytes (NumPy's rule) + 6 floats");
    }

    @Test
    void float64RoundTripAndViewsAreWrittenInCOrder() throws IOException {
        INDArray a = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Path f = dir.resolve("d.npy");
        Npy.write(f, a.transpose());
        INDArray b = Npy.read(f);
        assertEquals(DataType.DOUBLE, b.dataType());
        assertArrayEquals(new long[] {2, 3}, b.shape());
        assertEquals(3.0, b.getDouble(0, 1));
        assertEquals(DataType.FLOAT, Npy.readFloat(f).dataType());
    }

    @Test
    void readsNumpyWrittenBytesIncludingThreeDimensions() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) {
            data.putFloat(i);
        }
        Path f = dir.resolve("t.npy");
        Files.write(f, npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 2), }", data.array()));
        INDArray a = Npy.read(f);
        assertArrayEquals(new long[] {2, 2, 2}, a.shape());
        assertEquals(5f, a.getFloat(1, 0, 1));
    }

    @Test
    void masksReadFromBoolIntAndFloat() throws IOException {
        Path b = dir.resolve("b.npy");
        Files.write(b, npy("{'descr': '|b1', 'fortran_order': False, 'shape': (4,), }", new byte[] {0, 1, 1, 0}));
        assertArrayEquals(new boolean[] {false, true, true, false}, Npy.readMask(b));
        Path i = dir.resolve("i.npy");
        ByteBuffer ints = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(1).putLong(0).putLong(1);
        Files.write(i, npy("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", ints.array()));
        assertArrayEquals(new boolean[] {true, false, true}, Npy.readMask(i));
        assertEquals(DataType.INT64, Npy.read(i).dataType());
        Path w = dir.resolve("w.npy");
        Npy.writeMask(w, new boolean[] {true, false});
        assertArrayEquals(new boolean[] {true, false}, Npy.readMask(w));
    }

    @Test
    void unsupportedHeadersNameTheFileAndHeader() throws IOException {
        Path big = dir.resolve("big.npy");
        Files.write(big, npy("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]));
        IOException e = assertThrows(IOException.class, () -> Npy.read(big));
        assertTrue(e.getMessage().contains("big.npy") && e.getMessage().contains("'>f4'"), e.getMessage());

        Path fortran = dir.resolve("fortran.npy");
        Files.write(fortran, npy("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 1), }", new byte[4]));
        e = assertThrows(IOException.class, () -> Npy.read(fortran));
        assertTrue(e.getMessage().contains("fortran.npy") && e.getMessage().contains("Fortran"), e.getMessage());

        Path text = dir.resolve("text.npy");
        Files.write(text, npy("{'descr': '<U5', 'fortran_order': False, 'shape': (1,), }", new byte[20]));
        e = assertThrows(IOException.class, () -> Npy.read(text));
        assertTrue(e.getMessage().contains("text.npy") && e.getMessage().contains("<U5"), e.getMessage());

        Path notNpy = dir.resolve("plain.npy");
        Files.writeString(notNpy, "hello world");
        e = assertThrows(IOException.class, () -> Npy.read(notNpy));
        assertTrue(e.getMessage().contains("plain.npy"), e.getMessage());

        Path shortFile = dir.resolve("short.npy");
        Files.write(shortFile, npy("{'descr': '<f4', 'fortran_order': False, 'shape': (10,), }", new byte[8]));
        e = assertThrows(IOException.class, () -> Npy.read(shortFile));
        assertTrue(e.getMessage().contains("short.npy") && e.getMessage().contains("shorter"), e.getMessage());

        Path ints = dir.resolve("ints.npy");
        Files.write(ints, npy("{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }", new byte[4]));
        e = assertThrows(IOException.class, () -> Npy.readFloat(ints));
        assertTrue(e.getMessage().contains("ints.npy"), e.getMessage());
    }

    /** A damaged header (a negative length, a shape no file can hold) is named with the file, not an index error. */
    @Test
    void negativeAndOverflowingShapesAreRefusedNamingTheFile() throws IOException {
        Path negative = dir.resolve("negative.npy");
        Files.write(negative, npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-3, 64), }", new byte[0]));
        IOException e = assertThrows(IOException.class, () -> Npy.header(negative));
        assertTrue(e.getMessage().startsWith(negative.toString()) && e.getMessage().contains("negative length -3"), e.getMessage());
        e = assertThrows(IOException.class, () -> Npy.readMask(negative));
        assertTrue(e.getMessage().contains("negative.npy"), e.getMessage());

        Path huge = dir.resolve("huge.npy");
        Files.write(huge, npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }", new byte[0]));
        e = assertThrows(IOException.class, () -> Npy.read(huge));
        assertTrue(e.getMessage().startsWith(huge.toString()) && e.getMessage().contains("too large"), e.getMessage());
    }

    /** A file read straight into rows of a larger matrix lands there bit for bit; a short file is named. */
    @Test
    void readIntoFillsRowsOfAMatrix() throws IOException {
        INDArray a = Nd4j.rand(DataType.FLOAT, 3, 4);
        Path file = dir.resolve("a.npy");
        Npy.write(file, a);
        INDArray m = Nd4j.zeros(DataType.FLOAT, 6, 4);
        Npy.readInto(file, Npy.header(file), m, 2);
        assertEquals(a, m.get(NDArrayIndex.interval(2, 5), NDArrayIndex.all()));
        assertEquals(0.0, m.getRow(0).amaxNumber().doubleValue());
        assertEquals(0.0, m.getRow(5).amaxNumber().doubleValue());
        assertThrows(IllegalArgumentException.class, () -> Npy.readInto(file, Npy.header(file), m, 4));

        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.npy");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 4));
        IOException e = assertThrows(IOException.class, () -> Npy.readInto(cut, Npy.header(cut), m, 0));
        assertTrue(e.getMessage().startsWith(cut + ": file is shorter than its header says"), e.getMessage());
        Path dbl = dir.resolve("d.npy");
        Npy.write(dbl, a.castTo(DataType.DOUBLE));
        e = assertThrows(IOException.class, () -> Npy.readInto(dbl, Npy.header(dbl), m, 0));
        assertTrue(e.getMessage().startsWith(dbl + ": expected float32 [T, d]"), e.getMessage());
    }

    @Test
    void sameArraySameBytes() throws IOException {
        INDArray a = Nd4j.rand(DataType.FLOAT, 5, 7);
        Npy.write(dir.resolve("x.npy"), a);
        Npy.write(dir.resolve("y.npy"), a.dup());
        assertArrayEquals(Files.readAllBytes(dir.resolve("x.npy")), Files.readAllBytes(dir.resolve("y.npy")));
    }
}
