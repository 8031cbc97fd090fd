package gcl.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What a run directory's {@code config.json} records: the full config (seed included), the data it
 * was trained on (name and fingerprint) and the versions of everything that computed it.
 *
 * @param config          the settings
 * @param dataName        the dataset's name
 * @param dataFingerprint the dataset's fingerprint ({@code gcl.data.Dataset#fingerprint})
 * @param versions        gcl, deeplearning4j, java, os, nd4j backend
 * @param created         when the run started (UTC, ISO-8601)
 */
public record RunManifest(GclConfig config, String dataName, String dataFingerprint, Map<String, String> versions,
                          String created) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A manifest for a run starting now. */
    public static RunManifest now(GclConfig config, String dataName, String dataFingerprint) {
        return new RunManifest(config, dataName, dataFingerprint, currentVersions(), Instant.now().toString());
    }

    /** The versions of the library, DL4J, Java, the OS and the ND4J backend. */
    public static Map<String, String> currentVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        Properties p = new Properties();
        try (InputStream in = RunManifest.class.getResourceAsStream("/gcl/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // leave them unknown
        }
        v.put("gcl", p.getProperty("version", "unknown"));
        v.put("deeplearning4j", p.getProperty("dl4j", "unknown"));
        v.put("java", System.getProperty("java.version"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        v.put("nd4j_backend", org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName());
        return v;
    }

    /** Writes the manifest as JSON: {@code {"config": {...}, "seed": ..., "data": {...}, "versions": {...}}}. */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.set("config", config.toJsonTree());
        root.put("seed", config.seed());
        ObjectNode data = root.putObject("data");
        data.put("name", dataName);
        data.put("fingerprint", dataFingerprint);
        root.set("versions", JSON.valueToTree(versions));
        root.put("created", created);
        Files.writeString(file, JSON.writeValueAsString(root));
    }

    /** Reads a manifest written by {@link #write}. */
    public static RunManifest read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a readable run manifest (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.has("config")) {
            throw new IOException(file + ": not a run manifest (no \"config\" field)");
        }
        GclConfig config = GclConfig.fromJsonTree(root.get("config"), file.toString());
        JsonNode data = root.path("data");
        Map<String, String> versions = new LinkedHashMap<>();
        root.path("versions").fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asText()));
        return new RunManifest(config, data.path("name").asText(""), data.path("fingerprint").asText(""), versions,
                root.path("created").asText(""));
    }
}
