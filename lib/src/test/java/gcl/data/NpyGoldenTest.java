package gcl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import gcl.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code .npy} files against NumPy's {@code np.save} (golden/npy): the same values read, the same bytes written. */
class NpyGoldenTest {
    @Test
    void readsWhatNumpyWroteAndWritesTheSameBytes(@TempDir Path dir) throws IOException {
        for (JsonNode c : Golden.cases("npy.json")) {
            Path numpy = Golden.file(c.get("file").asText());
            String dtype = c.get("dtype").asText();
            double[] values = Golden.doubles(c.get("values"));
            long[] shape = new long[c.get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = c.get("shape").get(i).asLong();
            }
            Path ours = dir.resolve(numpy.getFileName());
            if (dtype.equals("|b1")) {
                boolean[] mask = Npy.readMask(numpy);
                assertArrayEquals(Golden.booleans(c.get("values")), mask, numpy.toString());
                Npy.writeMask(ours, mask);
            } else {
                DataType type = dtype.equals("<f8") ? DataType.DOUBLE : DataType.FLOAT;
                INDArray array = Nd4j.create(values, shape, type);
                INDArray read = Npy.read(numpy);
                assertEquals(type, read.dataType(), numpy.toString());
                assertArrayEquals(shape, read.shape(), numpy.toString());
                assertArrayEquals(values, read.castTo(DataType.DOUBLE).data().asDouble(), 0, numpy.toString());
                Npy.write(ours, array);
            }
            assertArrayEquals(Files.readAllBytes(numpy), Files.readAllBytes(ours), "np.save's bytes: " + numpy.getFileName());
        }
    }
}
