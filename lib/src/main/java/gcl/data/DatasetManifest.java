package gcl.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A dataset's manifest ({@code data-manifests/<name>.json}): what the dataset is, where people obtain
 * it, and what a correct local copy holds, so that {@code gcl data check} can verify one.
 *
 * @param name                  short name, as in {@code dataset.json}
 * @param title                 human name
 * @param description           what it is
 * @param citation              how to cite it
 * @param obtain                where and how people obtain it (the library never downloads)
 * @param synthetic             true for the embedded teaching proxies
 * @param featureKind           the features the numbers refer to
 * @param featureDim            expected d (0: any)
 * @param segmentSize           expected p
 * @param frameRate             frames per second of the source videos (0: unknown)
 * @param groundTruthConvention how frame counts are made (segments or frames)
 * @param groundTruthFormat     how the published ground truth is given, and how it maps to ours
 * @param train                 expected training split counts (null: not checked)
 * @param test                  expected test split counts (null: not checked)
 * @param importCommand         the {@code gcl data import} command that makes a dataset directory
 * @param fingerprint           the expected {@link Fingerprint} of a default copy, when known
 * @param checksums             SHA-256 of files, by path relative to the dataset directory, when known
 * @param notes                 anything else a user should know
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetManifest(String name, String title, String description, String citation, String obtain,
                              boolean synthetic, String featureKind, int featureDim, int segmentSize, double frameRate,
                              GroundTruthConvention groundTruthConvention, String groundTruthFormat, Counts train, Counts test,
                              String importCommand, String fingerprint, Map<String, String> checksums, List<String> notes) {

    /** Expected counts of one split; a null field is not checked. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(Integer videos, Integer normal, Integer anomalous) {
    }

    public DatasetManifest {
        checksums = checksums == null ? Map.of() : checksums;
        notes = notes == null ? List.of() : notes;
    }

    /** Reads a manifest file. */
    public static DatasetManifest read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + ": no such manifest");
        }
        try {
            DatasetManifest m = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), DatasetManifest.class);
            if (m.name() == null) {
                throw new IOException(file + ": manifest has no \"name\"");
            }
            return m;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not a valid manifest (" + e.getOriginalMessage() + ")", e);
        }
    }

    /**
     * Finds a manifest: a path to a file, or a name such as {@code ucf-crime} looked up in the
     * project's {@code data-manifests/} folder (the project folder of {@link gcl.Folders#projectHome()}).
     */
    public static Path locate(String nameOrPath) throws IOException {
        Path p = Path.of(nameOrPath);
        if (Files.exists(p)) {
            return p;
        }
        String file = nameOrPath.endsWith(".json") ? nameOrPath : nameOrPath + ".json";
        return gcl.Folders.projectFile("data-manifests/" + file).orElseThrow(() -> new IOException(nameOrPath
                + ": no such manifest file, and no data-manifests/" + file + " in the project folder "
                + gcl.Folders.projectHome().map(Path::toString).orElse("(none: set GCL_HOME, or run inside the clone)")));
    }
}
