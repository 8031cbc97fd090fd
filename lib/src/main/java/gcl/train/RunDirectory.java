package gcl.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder a run lives in:
 * <pre>
 *   RUN/config.json        the {@link RunManifest}: full config, seed, data fingerprint, versions
 *   RUN/checkpoint/        G, D (DL4J model files with optimiser state), config.json, state.json
 *   RUN/history.csv        the {@link TrainingHistory}, rewritten after every epoch
 *   RUN/metrics.csv        final metrics (written by gcl.eval)
 * </pre>
 * The checkpoint is replaced after every epoch: written beside the old one first, then swapped in,
 * so an interrupted run always leaves a complete checkpoint.
 */
public final class RunDirectory {
    public static final String MANIFEST = "config.json";
    public static final String CHECKPOINT = "checkpoint";
    public static final String HISTORY = "history.csv";
    public static final String METRICS = "metrics.csv";
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

    /** Whether a complete checkpoint is present. */
    public boolean hasCheckpoint() {
        return Files.isRegularFile(checkpointDir().resolve(STATE)) || Files.isRegularFile(root.resolve(CHECKPOINT + ".new").resolve(STATE));
    }

    /** Writes the manifest (creating the folder). */
    public void writeManifest(RunManifest manifest) throws IOException {
        Files.createDirectories(root);
        manifest.write(manifestFile());
    }

    /** Reads the manifest, or says clearly that this is not a run directory. */
    public RunManifest readManifest() throws IOException {
        if (!Files.isRegularFile(manifestFile())) {
            throw new IOException(root + ": not a run directory (no " + MANIFEST + ")");
        }
        return RunManifest.read(manifestFile());
    }

    /** The training state saved with a checkpoint. */
    public record State(int completedEpochs, List<EpochRecord> history) {
    }

    /** Saves the model and the state after an epoch, replacing the previous checkpoint. */
    public void saveCheckpoint(GclModel model, State state) throws IOException {
        Files.createDirectories(root);
        Path fresh = root.resolve(CHECKPOINT + ".new");
        deleteTree(fresh);
        model.save(fresh);
        JSON.writeValue(fresh.resolve(STATE).toFile(), state);
        Path current = checkpointDir();
        Path old = root.resolve(CHECKPOINT + ".old");
        deleteTree(old);
        if (Files.exists(current)) {
            Files.move(current, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, current, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /** The checkpoint's folder: the current one, or a complete new one left by an interrupted swap. */
    private Path completeCheckpoint() throws IOException {
        if (Files.isRegularFile(checkpointDir().resolve(STATE))) {
            return checkpointDir();
        }
        Path fresh = root.resolve(CHECKPOINT + ".new");
        if (Files.isRegularFile(fresh.resolve(STATE))) {
            return fresh;
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

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public String toString() {
        return "RunDirectory[" + root + "]";
    }
}
