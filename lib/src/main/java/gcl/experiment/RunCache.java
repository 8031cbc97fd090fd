package gcl.experiment;

import gcl.Version;
import gcl.data.Dataset;
import gcl.train.GclConfig;
import gcl.train.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Finished runs on disk, one run directory per key, so that re-running a notebook cell or a CLI
 * command with the same config, seed and data reads the result back instead of training again.
 *
 * <p>The key is a SHA-256 over the config's JSON (seed included), the dataset's fingerprint and the
 * library version: change any of them and the run is made anew. A run enters the cache only when
 * it has finished (it is trained in a temporary folder and then moved into place), so an
 * interrupted run never passes for a finished one. The temporary folder keeps the checkpoint of
 * every finished epoch, and the next request for the same key resumes an interrupted run from it
 * ({@link #claim}) instead of starting over: a full-profile run can take half an hour on a CPU.
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

    /**
     * A folder to train a run of this key in, locked for this process until the {@link Work} is
     * closed: the folder of an interrupted run of the key (no process holds its lock, a checkpoint is
     * in it) when there is one, else a fresh empty folder. Folders of interrupted runs that never
     * reached a checkpoint are removed on the way.
     */
    public Work claim(String key) {
        try {
            Files.createDirectories(root);
            List<Path> candidates = new ArrayList<>();
            try (var dirs = Files.newDirectoryStream(root, "." + key + "-*")) {
                dirs.forEach(candidates::add);
            }
            candidates.sort(java.util.Comparator.comparing(RunCache::modified).reversed());
            for (Path dir : candidates) {
                Work work = Work.lock(dir, true);
                if (work == null) {
                    continue; // another process is training it
                }
                if (new RunDirectory(dir).hasCheckpoint()) {
                    return work;
                }
                work.close();
                deleteTree(dir);
            }
            return Work.lock(workDir(key), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a run folder in " + root + ": " + e.getMessage(), e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /**
     * A run folder being trained in, and the lock that tells other processes so.
     *
     * @param dir         the folder
     * @param interrupted whether it holds an interrupted run to resume (else it is empty)
     */
    public record Work(Path dir, boolean interrupted, FileChannel channel, FileLock lock) implements AutoCloseable {
        static final String LOCK = ".lock";

        /** Locks a folder, or returns null when another process (or this one) holds it. */
        static Work lock(Path dir, boolean interrupted) throws IOException {
            FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new Work(dir, interrupted, channel, lock);
                }
            } catch (java.nio.channels.OverlappingFileLockException e) {
                // held by this process
            }
            channel.close();
            return null;
        }

        /** Releases the lock and removes the lock file (the folder stays). */
        @Override
        public void close() throws IOException {
            if (channel.isOpen()) {
                lock.release();
                channel.close();
                Files.deleteIfExists(dir.resolve(LOCK));
            }
        }
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
