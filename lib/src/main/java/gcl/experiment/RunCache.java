package gcl.experiment;

import gcl.AtomicFiles;
import gcl.Paths;
import gcl.Version;
import gcl.data.Dataset;
import gcl.train.GclConfig;
import gcl.train.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Finished runs on disk, one run directory per key, so that re-running a notebook cell or a CLI
 * command with the same config, seed and data reads the result back instead of training again.
 *
 * <p>The key is a SHA-256 over the config's JSON (seed included), the dataset's fingerprint, the
 * library and Deeplearning4j versions, and the hash of the method's compiled code
 * ({@link Version#methodCode()}): change any of them, a fix to G, D or the labeller included, and
 * the run is made anew. A run enters the cache only when it has finished (it is trained in a
 * temporary folder and then moved into place), so an interrupted run never passes for a finished
 * one. The temporary folder keeps the checkpoint of every finished epoch, and the next request for
 * the same key resumes an interrupted run from it ({@link #claim}) instead of starting over: a
 * full-profile run can take half an hour on a CPU.
 */
public final class RunCache {
    private final Path root;

    public RunCache(Path root) {
        this.root = root;
    }

    /** The default cache, {@link Paths#runs()}, shared by the notebooks and the CLI. */
    public static RunCache defaultCache() {
        return new RunCache(Paths.runs());
    }

    /** Where the cached runs live. */
    public Path root() {
        return root;
    }

    /** The key of a config on a dataset (see the class comment); {@code auto} centring keyed by what it resolves to on the training split. */
    public static String key(GclConfig config, Dataset data) {
        return key(config.resolvedFor(data.train()), data.fingerprint());
    }

    /** The key of a config on data with this fingerprint, with this build's code. */
    public static String key(GclConfig config, String dataFingerprint) {
        return key(config, dataFingerprint, Version.library() + "/" + Version.deeplearning4j() + "/" + Version.methodCode());
    }

    /** 16 hex digits of SHA-256(config JSON, data fingerprint, code). */
    static String key(GclConfig config, String dataFingerprint, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(config.toJson(), dataFingerprint, code)) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
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
        return new RunDirectory(dir(key)).isDone();
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
            candidates.sort(Comparator.comparing(RunCache::modified).reversed());
            for (Path dir : candidates) {
                Work work = Work.lock(dir, true);
                if (work == null) {
                    continue; // another process is training it
                }
                if (new RunDirectory(dir).hasCheckpoint()) {
                    return work;
                }
                work.close();
                AtomicFiles.deleteTree(dir);
            }
            return Work.lock(workDir(key), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a run folder in " + root + ": " + e.getMessage(), e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * A run folder being trained in, and the lock that tells other processes so.
     *
     * @param dir         the folder
     * @param interrupted whether it holds an interrupted run to resume (else it is empty)
     */
    public record Work(Path dir, boolean interrupted, FileChannel channel, FileLock lock) implements AutoCloseable {
        /** Locks a folder, or returns null when another process (or this one) holds it. */
        static Work lock(Path dir, boolean interrupted) throws IOException {
            Path lockFile = new RunDirectory(dir).lockFile();
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new Work(dir, interrupted, channel, lock);
                }
            } catch (OverlappingFileLockException e) {
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
                Files.deleteIfExists(new RunDirectory(dir).lockFile());
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

    /** Marks a finished run done and moves it into the cache under its key, replacing an older one. */
    Path admit(String key, Path work) {
        try {
            new RunDirectory(work).markDone(key);
            Path target = dir(key);
            AtomicFiles.deleteTree(target);
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store run " + key + " in " + root + ": " + e.getMessage(), e);
        }
    }
}
