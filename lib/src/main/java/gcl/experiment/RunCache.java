package gcl.experiment;

import gcl.Version;
import gcl.data.Dataset;
import gcl.train.GclConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Finished runs on disk, one run directory per key, so that re-running a notebook cell or a CLI
 * command with the same config, seed and data reads the result back instead of training again.
 *
 * <p>The key is a SHA-256 over the config's JSON (seed included), the dataset's fingerprint and the
 * library version: change any of them and the run is made anew. A run enters the cache only when
 * it has finished (it is trained in a temporary folder and then moved into place), so an
 * interrupted run never passes for a finished one.
 */
public final class RunCache {
    private final Path root;

    public RunCache(Path root) {
        this.root = root;
    }

    /**
     * The default cache: {@code $GCL_CACHE/runs}, else {@code $GCL_HOME/.cache/runs} (the
     * launchers and the kernel set these to the clone), else {@code ~/.cache/gcl/runs}.
     */
    public static RunCache defaultCache() {
        return new RunCache(cacheRoot().resolve("runs"));
    }

    /** The folder of every cache of the project (runs, generated datasets). */
    public static Path cacheRoot() {
        String cache = System.getenv("GCL_CACHE");
        if (cache != null && !cache.isBlank()) {
            return Path.of(cache);
        }
        String home = System.getenv("GCL_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, ".cache");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "gcl");
    }

    /** Where the cached runs live. */
    public Path root() {
        return root;
    }

    /** The key of a config on a dataset: 16 hex digits of SHA-256(config JSON, data fingerprint, library version). */
    public static String key(GclConfig config, Dataset data) {
        return key(config, data.fingerprint());
    }

    /** The key of a config on data with this fingerprint. */
    public static String key(GclConfig config, String dataFingerprint) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(config.toJson().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(dataFingerprint.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Version.library().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run directory of a key (it exists only once the run has finished). */
    public Path dir(String key) {
        return root.resolve(key);
    }

    /** Whether a finished run with this key is cached. */
    public boolean has(String key) {
        return Files.isRegularFile(dir(key).resolve(DONE));
    }

    /** A fresh, empty temporary folder to train a run in, beside the cache. */
    Path workDir(String key) {
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, "." + key + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a run folder in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Moves a finished run into the cache under its key, replacing an older one. */
    Path admit(String key, Path work) {
        try {
            Files.writeString(work.resolve(DONE), key + "\n");
            Path target = dir(key);
            if (Files.exists(target)) {
                deleteTree(target);
            }
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store run " + key + " in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Removes a folder and everything in it (nothing when it does not exist). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The marker file of a finished run. */
    static final String DONE = "DONE";
}
