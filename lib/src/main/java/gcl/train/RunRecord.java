package gcl.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gcl.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a finished run holds, written when it finishes ({@code RUN/finished.json}): every file of the
 * run folder with its size and, up to 1 MiB, its SHA-256 (the metrics, the model's config; the
 * network files are large and recorded by size). Three files hold clock times (when the run started,
 * how long each epoch took: {@code run.json}, {@code history.csv}, {@code checkpoint/state.json}) and
 * are recorded as present only, so that two runs of one config on one dataset, here or on a
 * cluster's executor, write the same record. A run folder whose files no longer match its record (a
 * file deleted, cut short or edited) is damaged: {@link RunState} says so, and it is never read back
 * as a finished run. (Those three are read whole whenever the run is, so damage to them shows then.)
 */
public final class RunRecord {
    /** The record's file in the run folder. */
    public static final String FILE = "finished.json";
    /** Files up to this size are hashed; larger ones (the networks) are recorded by size. */
    static final long HASHED_BELOW = 1 << 20;
    /** Files whose content holds clock times: recorded as present only. */
    static final Set<String> CLOCKED = Set.of(RunDirectory.MANIFEST, RunDirectory.HISTORY,
            RunDirectory.CHECKPOINT + "/" + RunDirectory.STATE);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunRecord() {
    }

    /** Records the files of a finished run (all but the record itself and a cache's DONE mark). */
    public static void write(RunDirectory run, int epochs) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("epochs", epochs);
        ObjectNode files = o.putObject("files");
        for (Map.Entry<String, Path> f : files(run.root()).entrySet()) {
            ObjectNode entry = files.putObject(f.getKey());
            if (CLOCKED.contains(f.getKey())) {
                continue;
            }
            long bytes = Files.size(f.getValue());
            entry.put("bytes", bytes);
            if (bytes < HASHED_BELOW) {
                entry.put("sha256", sha256(f.getValue()));
            }
        }
        AtomicFiles.writeString(run.root().resolve(FILE), JSON.writeValueAsString(o) + "\n");
    }

    /** Whether the run folder has a record. */
    public static boolean exists(RunDirectory run) {
        return Files.isRegularFile(run.root().resolve(FILE));
    }

    /**
     * What no longer matches the record, one line per file naming its full path (empty: the folder
     * is as it was when the run finished).
     *
     * @throws IOException when the record itself cannot be read
     */
    public static List<String> mismatches(RunDirectory run) throws IOException {
        Path file = run.root().resolve(FILE);
        JsonNode o;
        try {
            o = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": unreadable run record (" + e.getMessage() + ")", e);
        }
        if (o == null || !o.path("files").isObject()) {
            throw new IOException(file + ": not a run record (no \"files\")");
        }
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.get("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path f = run.root().resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                problems.add(f + " is missing");
                continue;
            }
            if (!e.getValue().has("bytes")) {
                continue;
            }
            long bytes = Files.size(f);
            if (bytes != e.getValue().path("bytes").asLong(-1)) {
                problems.add(f + " has " + bytes + " bytes, the run finished with " + e.getValue().path("bytes").asLong());
            } else if (e.getValue().has("sha256") && !sha256(f).equals(e.getValue().get("sha256").asText())) {
                problems.add(f + " was changed after the run finished");
            }
        }
        return problems;
    }

    /** The epochs the record says the run finished. */
    static int epochs(RunDirectory run) throws IOException {
        return JSON.readTree(run.root().resolve(FILE).toFile()).path("epochs").asInt(-1);
    }

    /** Every file of a run folder by its path relative to it ('/'-separated, sorted), but the record and DONE. */
    private static Map<String, Path> files(Path root) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (!name.equals(FILE) && !name.equals(RunDirectory.DONE)) {
                    files.put(name, p);
                }
            }
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
