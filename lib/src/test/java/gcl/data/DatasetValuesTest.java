package gcl.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** NaN, Inf and absurd feature values are refused by name (file, video, row) before anything trains on them. */
class DatasetValuesTest {
    @TempDir
    Path dir;

    /** Puts {@code value} into row 5 of video train3's feature file. */
    private Path spoil(float value) throws IOException {
        TinyData.write(dir);
        Path file = DatasetDirectory.featureFile(dir, "train3");
        INDArray x = Npy.readFloat(file);
        x.putScalar(5, 2, value);
        Npy.write(file, x);
        return file;
    }

    @Test
    void aNanFeatureStopsTheLoadNamingFileAndRow() throws IOException {
        Path file = spoil(Float.NaN);
        String m = assertThrows(IOException.class, () -> DatasetDirectory.load(dir)).getMessage();
        assertTrue(m.startsWith(file + ": row 5 holds NaN (video train3)"), m);
    }

    @Test
    void infiniteAndAbsurdFeaturesStopTheLoad() throws IOException {
        spoil(Float.POSITIVE_INFINITY);
        String m = assertThrows(IOException.class, () -> DatasetDirectory.load(dir)).getMessage();
        assertTrue(m.contains("train3.npy: row 5 holds Infinity"), m);
        spoil(1e30f);
        m = assertThrows(IOException.class, () -> DatasetDirectory.load(dir)).getMessage();
        assertTrue(m.contains("train3.npy: row 5 holds 1.0E30, beyond"), m);
    }

    @Test
    void theWriterRefusesNanFeatures() {
        INDArray x = TinyData.dataset().train().features().dup();
        x.putScalar(3, 0, Float.NaN);
        String m = assertThrows(IllegalArgumentException.class, () -> DatasetWriter.writeFeatures(dir, "v", x)).getMessage();
        assertTrue(m.contains("video v: row 3 holds NaN") && m.contains("not written"), m);
        assertFalse(Files.exists(DatasetDirectory.featureFile(dir, "v")));
    }

    @Test
    void soundValuesPass() {
        FeatureSet train = TinyData.dataset().train();
        train.requireSoundValues();
        train.features().putScalar(30, 1, Float.NEGATIVE_INFINITY);
        String m = assertThrows(IllegalArgumentException.class, train::requireSoundValues).getMessage();
        assertTrue(m.startsWith("video train2: segment 6 holds -Infinity"), m);
    }
}
