package gcl.experiment;

import gcl.AtomicFiles;
import gcl.Folders;
import gcl.Log;
import gcl.Version;
import gcl.c2fpl.C2fplConfig;
import gcl.clean.VideoCentring;
import gcl.data.Dataset;
import gcl.train.GclConfig;
import gcl.train.GclTrainer;
import gcl.train.RunDirectory;
import java.io.IOException;
import java.io.InterruptedIOException;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Finished runs on disk, one run directory per key, so that re-running a notebook cell or a CLI
 * command with the same config, seed and data reads the result back instead of training again.
 *
 * <p>The key is a SHA-256 over the config's JSON (seed included), the dataset's fingerprint, the
 * library and Deeplearning4j versions, and the hash of the method's compiled code
 * ({@link Version#methodCode()}): change any of them, a fix to G, D or the labeller included, and
 * the run is made anew. A C2FPL run is keyed the same way with its own JSON (which names the method) and the
 * hash of its own code ({@link Version#c2fplCode()}). A run enters the cache only when it has finished (it is trained in a
 * temporary folder and then moved into place), so an interrupted run never passes for a finished
 * one. The temporary folder keeps the checkpoint of every finished epoch, and the next request for
 * the same key resumes an interrupted run from it ({@link #claim}) instead of starting over: a
 * full-profile run can take half an hour on a CPU.
 *
 * <p>Two notebooks or {@code gcl ablate} processes may share one cache: a run is made under its
 * key's lock ({@link #claim}), so a second request for a key being trained waits for the first and
 * then reads its result back instead of training it again.
 */
public final class RunCache {
    private final Path root;

    public RunCache(Path root) {
        this.root = root;
    }

    /** The default cache, {@link Folders#runs()}, shared by the notebooks and the CLI. */
    public static RunCache defaultCache() {
        return new RunCache(Folders.runs());
    }

    /** Where the cached runs live. */
    public Path root() {
        return root;
    }

    /**
     * The key of a trainer's config on a dataset (see the class comment): the config as
     * {@link GclTrainer#config()} gives it, with {@code auto} centring decided on the training split.
     *
     * @throws IllegalArgumentException for a config whose centring is still {@code auto}
     */
    public static String key(GclConfig trained, Dataset data) {
        if (trained.videoCentring() == VideoCentring.AUTO) {
            throw new IllegalArgumentException("a run is keyed by the config it trains, with auto centring decided:"
                    + " take the config from new GclTrainer(config, data.train()).config()");
        }
        return key(trained, data.fingerprint());
    }

    /** The key of a config on data with this fingerprint, with this build's code. */
    public static String key(GclConfig config, String dataFingerprint) {
        return key(config, dataFingerprint, Version.library() + "/" + Version.deeplearning4j() + "/" + Version.methodCode());
    }

    /** The key of a C2FPL config on a dataset, with this build's C2FPL code ({@link Version#c2fplCode()}). */
    public static String key(C2fplConfig config, Dataset data) {
        return key(config.toJson(), data.fingerprint(), Version.library() + "/" + Version.deeplearning4j() + "/" + Version.c2fplCode());
    }

    /** 16 hex digits of SHA-256(config JSON, data fingerprint, code). */
    static String key(GclConfig config, String dataFingerprint, String code) {
        return key(config.toJson(), dataFingerprint, code);
    }

    private static String key(String configJson, String dataFingerprint, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(configJson, dataFingerprint, code)) {
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
     * The right to make the run of a key, and a folder to make it in: waits while another process or
     * thread holds the key (it is training that run), then returns the folder of an interrupted run
     * of the key when there is one with a checkpoint in it, else a fresh empty folder. Folders of
     * interrupted runs that never reached a checkpoint are removed on the way, and so are finished
     * ones left beside the cache by a process that stopped inside {@link #admit}. The key stays held
     * until the {@link Work} is closed; a caller that waited should first look whether the run is
     * now {@link #has cached} (the other process finished it) before training it again.
     *
     * <p>The lock is a {@link FileLock} on {@code .KEY.lock} in the cache folder, held by one thread
     * of one process at a time; the lock file is never deleted (deleting it would let a third process
     * lock a new file of the same name while the second still holds the old one).
     *
     * @throws UncheckedIOException when the lock or the folder cannot be made, or the waiting thread
     *                              is interrupted
     */
    public Work claim(String key) {
        KeyLock lock = KeyLock.acquire(root, key);
        try {
            List<Path> candidates = new ArrayList<>();
            try (var dirs = Files.newDirectoryStream(root, "." + key + "-*")) {
                dirs.forEach(candidates::add);
            }
            candidates.sort(Comparator.comparing(RunCache::modified).reversed());
            for (Path dir : candidates) {
                RunDirectory run = new RunDirectory(dir);
                if (Files.isDirectory(dir) && run.hasCheckpoint() && !run.isDone()) {
                    return new Work(dir, true, lock);
                }
                AtomicFiles.deleteTree(dir);
            }
            return new Work(workDir(key), false, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot make a run folder in " + root + ": " + e.getMessage(), io);
            }
            throw (RuntimeException) e;
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
     * A run folder being trained in, while this thread holds its key.
     *
     * @param dir         the folder
     * @param interrupted whether it holds an interrupted run to resume (else it is empty)
     * @param lock        the key's lock, released by {@link #close}
     */
    public record Work(Path dir, boolean interrupted, KeyLock lock) implements AutoCloseable {
        /** Releases the key (the folder and the lock file stay). */
        @Override
        public void close() {
            lock.close();
        }
    }

    /**
     * One key held by one thread of one process. A JVM can hold only one {@link FileLock} on a file
     * (a second attempt throws {@link OverlappingFileLockException}), so threads of this process wait
     * their turn on a one-permit {@link Semaphore} of the file first, then on the file lock, which
     * makes other processes wait. A thread that asks again for a key it holds is refused (it would
     * wait for itself forever).
     */
    public static final class KeyLock implements AutoCloseable {
        private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
        private static final Map<Path, Thread> HOLDERS = new ConcurrentHashMap<>();
        private final Path file;
        private final Semaphore threads;
        private final FileChannel channel;
        private boolean held = true;

        private KeyLock(Path file, Semaphore threads, FileChannel channel) {
            this.file = file;
            this.threads = threads;
            this.channel = channel;
        }

        static KeyLock acquire(Path root, String key) {
            Path file = root.toAbsolutePath().normalize().resolve("." + key + ".lock");
            if (HOLDERS.get(file) == Thread.currentThread()) {
                throw new IllegalStateException("run " + key + " is already being made by this thread");
            }
            Semaphore threads = IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
            try {
                if (!threads.tryAcquire()) {
                    waiting(key);
                    threads.acquire();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new InterruptedIOException("interrupted while waiting for run " + key));
            }
            FileChannel channel = null;
            try {
                Files.createDirectories(root);
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                if (channel.tryLock() == null) {
                    waiting(key);
                    channel.lock(); // an interrupt closes the channel and throws FileLockInterruptionException
                }
                HOLDERS.put(file, Thread.currentThread());
                return new KeyLock(file, threads, channel);
            } catch (IOException | RuntimeException e) {
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } catch (IOException ignored) {
                    // the failure that matters is e
                }
                threads.release();
                if (e instanceof IOException io) {
                    throw new UncheckedIOException("cannot lock run " + key + " in " + root + ": " + e, io);
                }
                throw (RuntimeException) e;
            }
        }

        private static void waiting(String key) {
            Log.info("run " + key + " is being made by another process or thread: waiting for it to finish");
        }

        /** Releases the key: the file lock (closing the channel), then the threads' permit. Idempotent. */
        @Override
        public synchronized void close() {
            if (!held) {
                return;
            }
            held = false;
            HOLDERS.remove(file);
            try {
                channel.close(); // releases the file lock; the lock file stays
            } catch (IOException ignored) {
                // closing releases the lock even when it reports an error
            } finally {
                threads.release();
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

    /**
     * Marks a finished run done and moves it into the cache under its key, replacing an older one:
     * the older one is first renamed aside, so that the key's folder is at every moment either the
     * whole old run or the whole new one (each a single rename), never a half-deleted one.
     * Call it while holding the key ({@link #claim}).
     */
    Path admit(String key, Path work) {
        try {
            new RunDirectory(work).markDone(key);
            Path target = dir(key);
            Path old = null;
            if (Files.exists(target)) {
                old = root.resolve("." + key + "-replaced-" + System.nanoTime());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                AtomicFiles.deleteTree(old);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store run " + key + " in " + root + ": " + e.getMessage(), e);
        }
    }
}
