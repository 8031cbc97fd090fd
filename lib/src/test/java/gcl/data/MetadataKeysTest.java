package gcl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dataset.json and videos.json are read strictly: an unknown key is named with the key it most likely
 * misspells (a misspelled optional key would silently take its default), a value of the wrong type
 * or range is named with what the field takes; the load and data check say the same.
 */
class MetadataKeysTest {
    @TempDir
    Path dir;

    private void edit(String from, String to) throws IOException {
        Path f = dir.resolve(DatasetDirectory.DATASET_JSON);
        String text = Files.readString(f);
        assertTrue(text.contains(from), text);
        Files.writeString(f, text.replace(from, to));
    }

    private String refused() {
        String m = assertThrows(IOException.class, () -> DatasetDirectory.load(dir)).getMessage();
        DatasetCheck.Report report = DatasetCheck.run(dir);
        assertFalse(report.ok());
        assertTrue(report.problems().contains(m), "data check says the same: " + report.text(20));
        return m;
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownKeyItMisspells() throws IOException {
        TinyData.write(dir);
        edit("\"segmentSize\" : 4,", "\"segmentSize\" : 4, \"segmentSise\" : 8,");
        String m = refused();
        assertTrue(m.startsWith(dir.resolve("dataset.json") + ": unknown key 'segmentSise' (did you mean 'segmentSize'?)"), m);
    }

    @Test
    void aMisspelledOptionalKeyDoesNotSilentlyTakeItsDefault() throws IOException {
        TinyData.write(dir);
        edit("\"groundTruthConvention\"", "\"groundTruthConvension\"");
        assertTrue(refused().contains("'groundTruthConvension' (did you mean 'groundTruthConvention'?)"));
    }

    @Test
    void aValueOfTheWrongTypeOrRangeSaysWhatTheFieldTakes() throws IOException {
        TinyData.write(dir);
        edit("\"segmentSize\" : 4", "\"segmentSize\" : \"sixteen\"");
        assertTrue(refused().endsWith("segmentSize takes a whole number of at least 1, got \"sixteen\""));
        TinyData.write(dir.resolve("b"));
        dir = dir.resolve("b");
        edit("\"frameRate\" : 25.0", "\"frameRate\" : -25");
        assertTrue(refused().endsWith("frameRate takes a number of at least 0 (0 when unknown), got -25"));
    }

    @Test
    void videosJsonIsReadAsStrictly() throws IOException {
        Files.writeString(dir.resolve(VideoFolder.VIDEOS_JSON), "{\"name\": \"mine\", \"frameRat\": 10}");
        String m = assertThrows(IOException.class, () -> VideoFolder.read(dir)).getMessage();
        assertTrue(m.contains("unknown key 'frameRat' (did you mean 'frameRate'?)"), m);
    }

    @Test
    void theClosestKeyIsOnlyOfferedWhenItIsClose() {
        assertEquals("featureKind", MetadataFields.closest("featureKnd", DatasetDirectory.DATASET_JSON_KEYS));
        assertEquals("frameRate", MetadataFields.closest("FrameRate", DatasetDirectory.DATASET_JSON_KEYS));
        assertEquals(null, MetadataFields.closest("comment", List.of("name", "frameRate")));
    }
}
