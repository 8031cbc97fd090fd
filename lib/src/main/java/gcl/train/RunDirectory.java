package gcl.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gcl.AtomicFiles;
import gcl.JsonSyntax;
import gcl.Version;
import gcl.data.Dataset;
import gcl.data.DatasetMeaning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The folder a run lives in, and the only class that knows its layout:
 * <pre>
 *   RUN/run.json           the {@link Manifest}: full config, seed, data name and fingerprint, versions
 *   RUN/checkpoint/        G and D (DL4J model files with optimiser state), the model's config.json,
 *                          state.json (epochs done, history so far)
 *   RUN/history.csv        the {@link TrainingHistory}, rewritten after every epoch
 *   RUN/metrics.csv        the final metrics, one row (written by the run layer in gcl.experiment)
 *   RUN/finished.json      the {@link RunRecord}: the files of the run as it finished
 *   RUN/DONE               present once the run has finished (a run cache's marker)
 * </pre>
 * The checkpoint is replaced after every epoch: written beside the old one first, then swapped in,
 * so an interrupted run always leaves a complete checkpoint. Every file is written through
 * {@link AtomicFiles}.
 */
public final class RunDirectory {
    public static final String MANIFEST = "run.json";
    public static final String CHECKPOINT = "checkpoint";
    public static final String HISTORY = "history.csv";
    public static final String METRICS = "metrics.csv";
    public static final String DONE = "DONE";
    static final String STATE = "state.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    public RunDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path manifestFile() {
        return root.resolve(MANIFEST);
    }

    public Path checkpointDir() {
        return root.resolve(CHECKPOINT);
    }

    public Path historyFile() {
        return root.resolve(HISTORY);
    }

    public Path metricsFile() {
        return root.resolve(METRICS);
    }

    // ---- the manifest ------------------------------------------------------------------------

    /**
     * What {@code run.json} records: the full config (seed included), the data it was trained on
     * (name and fingerprint) and the versions of everything that computed it.
     *
     * @param config          the settings
     * @param dataName        the dataset's name
     * @param dataFingerprint the dataset's fingerprint ({@code gcl.data.Dataset#fingerprint})
     * @param dataMeaning     what the data's features mean (extractor, d, p, frame rate and size), to
     *                        compare with data the run scores; null where the manifest does not say
     * @param versions        {@link Version#all()} when the run started
     * @param created         when the run started (UTC, ISO-8601)
     */
    public record Manifest(GclConfig config, String dataName, String dataFingerprint, DatasetMeaning dataMeaning,
                           Map<String, String> versions, String created) {
        /** A manifest that does not say what the data means. */
        public Manifest(GclConfig config, String dataName, String dataFingerprint, Map<String, String> versions, String created) {
            this(config, dataName, dataFingerprint, null, versions, created);
        }

        /** A manifest for a run starting now. */
        public static Manifest now(GclConfig config, String dataName, String dataFingerprint) {
            return new Manifest(config, dataName, dataFingerprint, Version.all(), Instant.now().toString());
        }

        /** A manifest for a run on this data starting now. */
        public static Manifest now(GclConfig config, Dataset data) {
            return new Manifest(config, data.info().name(), data.fingerprint(), data.info().withFeatureDim(data.train().dim()).meaning(),
                    Version.all(), Instant.now().toString());
        }
    }

    /** Writes the manifest (creating the folder): {@code {"config": {...}, "seed": ..., "data": {...}, "versions": {...}}}. */
    public void writeManifest(Manifest manifest) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.set("config", manifest.config().toJsonTree());
        o.put("seed", manifest.config().seed());
        ObjectNode data = o.putObject("data");
        data.put("name", manifest.dataName());
        data.put("fingerprint", manifest.dataFingerprint());
        if (manifest.dataMeaning() != null) {
            manifest.dataMeaning().writeTo(data);
        }
        o.set("versions", JSON.valueToTree(manifest.versions()));
        o.put("created", manifest.created());
        AtomicFiles.writeString(manifestFile(), JSON.writeValueAsString(o));
    }

    /**
     * Reads which method the manifest's config belongs to: the name it writes first ({@link ConfigFields#METHOD},
     * e.g. {@code c2fpl}), or {@code gcl} for a config that names none. The manifest of another method than
     * GCL is read by that method's run layer ({@code gcl.experiment}); {@link #readManifest} reads GCL's.
     */
    public String readMethod() throws IOException {
        return readManifestTree().get("config").path(ConfigFields.METHOD).asText("gcl");
    }

    /** The epochs the manifest's config plans for a method trained in one go (its {@code epochs} field; 0 without one). */
    int readPlannedEpochs() throws IOException {
        return readManifestTree().get("config").path("epochs").asInt(0);
    }

    /** Reads the manifest, or says clearly that this is not a run directory. */
    public Manifest readManifest() throws IOException {
        Path file = manifestFile();
        JsonNode o = readManifestTree();
        GclConfig config = GclConfig.fromJsonTree(o.get("config"), file.toString());
        JsonNode data = o.path("data");
        Map<String, String> versions = new LinkedHashMap<>();
        o.path("versions").fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asText()));
        DatasetMeaning meaning;
        try {
            meaning = DatasetMeaning.readFrom(data);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return new Manifest(config, data.path("name").asText(""), data.path("fingerprint").asText(""), meaning, versions,
                o.path("created").asText(""));
    }

    /** The manifest's JSON, with a "config" object, or says clearly what it is not. */
    private JsonNode readManifestTree() throws IOException {
        Path file = manifestFile();
        if (!Files.isRegularFile(file)) {
            throw new IOException(root + ": not a run directory (no " + MANIFEST + ")");
        }
        JsonNode o;
        try {
            o = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a readable run manifest (not valid JSON: " + JsonSyntax.problem(e) + ")", e);
        } catch (IOException e) {
            throw new IOException(file + ": not a readable run manifest (" + e.getMessage() + ")", e);
        }
        if (o == null || !o.path("config").isObject()) {
            throw new IOException(file + ": not a run manifest (no \"config\" object)");
        }
        return o;
    }

    // ---- the checkpoint ----------------------------------------------------------------------

    /**
     * The training state saved with a checkpoint: epochs done, the history, and which training
     * segments each network labelled anomalous in the last epoch (null where it labelled none), so
     * that a resumed run's {@code kept_*} diagnostics equal an uninterrupted run's.
     */
    public record State(int completedEpochs, List<EpochRecord> history, byte[] labelledByG, byte[] labelledByD) {
        /** A state without last-epoch labels (an epoch that labelled nothing). */
        public State(int completedEpochs, List<EpochRecord> history) {
            this(completedEpochs, history, null, null);
        }
    }

    /** Whether a complete checkpoint is present. */
    public boolean hasCheckpoint() {
        return Files.isRegularFile(checkpointDir().resolve(STATE)) || Files.isRegularFile(freshCheckpoint().resolve(STATE));
    }

    /** Saves the model and the state after an epoch, replacing the previous checkpoint. */
    public void saveCheckpoint(GclModel model, State state) throws IOException {
        Files.createDirectories(root);
        Path fresh = freshCheckpoint();
        AtomicFiles.deleteTree(fresh);
        model.save(fresh);
        AtomicFiles.write(fresh.resolve(STATE), tmp -> JSON.writeValue(tmp.toFile(), state));
        Path current = checkpointDir();
        Path old = root.resolve(CHECKPOINT + ".old");
        AtomicFiles.deleteTree(old);
        if (Files.exists(current)) {
            Files.move(current, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, current, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.deleteTree(old);
    }

    private Path freshCheckpoint() {
        return root.resolve(CHECKPOINT + ".new");
    }

    /** The checkpoint's folder: the current one, or a complete new one left by an interrupted swap. */
    private Path completeCheckpoint() throws IOException {
        if (Files.isRegularFile(checkpointDir().resolve(STATE))) {
            return checkpointDir();
        }
        if (Files.isRegularFile(freshCheckpoint().resolve(STATE))) {
            return freshCheckpoint();
        }
        throw new IOException(root + ": no checkpoint to resume from (" + CHECKPOINT + "/" + STATE + " missing)");
    }

    /** Loads the model of the last checkpoint. */
    public GclModel loadModel() throws IOException {
        return GclModel.load(completeCheckpoint());
    }

    /** Loads the state of the last checkpoint. */
    public State loadState() throws IOException {
        Path file = completeCheckpoint().resolve(STATE);
        try {
            return JSON.readValue(file.toFile(), State.class);
        } catch (IOException e) {
            throw new IOException(file + ": unreadable training state (" + e.getMessage() + ")", e);
        }
    }

    // ---- history and metrics -----------------------------------------------------------------

    /** Writes the history as CSV with a header row (NaN as an empty cell). */
    public void writeHistory(TrainingHistory history) throws IOException {
        AtomicFiles.write(historyFile(), history::writeCsv);
    }

    /**
     * The history as written by {@link #writeHistory}; an empty table when there is none yet. Every
     * column but step, phase and epoch comes back as numbers with decimals, even where every value
     * of a short run is whole (a fraction of 0 or 1) or missing.
     */
    public Table readHistory() {
        return readTable(historyFile(), name -> switch (name) {
            case "step", "epoch" -> Optional.of(ColumnType.INTEGER);
            case "phase" -> Optional.of(ColumnType.STRING);
            default -> Optional.of(ColumnType.DOUBLE);
        });
    }

    /** Writes the final metrics, a one-row table. */
    public void writeMetrics(Table metrics) throws IOException {
        AtomicFiles.write(metricsFile(), tmp -> metrics.write().csv(tmp.toFile()));
    }

    /** The metrics as written by {@link #writeMetrics}; an empty table when there are none. */
    public Table readMetrics() {
        return readTable(metricsFile(), name -> Optional.empty());
    }

    private static Table readTable(Path file, Function<String, Optional<ColumnType>> types) {
        if (!Files.exists(file)) {
            return Table.create(file.getFileName().toString());
        }
        try {
            return Table.read().csv(CsvReadOptions.builder(file.toFile()).missingValueIndicator("", "NaN")
                    .columnTypesPartial(types).build());
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + ": not a readable CSV table: " + e.getMessage(), e);
        }
    }

    // ---- a cache's marks ---------------------------------------------------------------------

    /** Marks the run finished (under its cache key). */
    public void markDone(String key) throws IOException {
        AtomicFiles.writeString(root.resolve(DONE), key + "\n");
    }

    /** Whether the run is marked finished. */
    public boolean isDone() {
        return Files.isRegularFile(root.resolve(DONE));
    }

    /** Removes everything in the folder, to train it again from the start. */
    public void clearForRetraining() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var files = Files.list(root)) {
            for (Path p : files.toList()) {
                AtomicFiles.deleteTree(p);
            }
        }
    }

    @Override
    public String toString() {
        return "RunDirectory[" + root + "]";
    }
}
