package gcl.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The files a job's executors read and write, which they must see at the driver's paths: the rule
 * of every cluster run (a shared file system mounted at the same place on every node).
 *
 * <p>Before any work, {@link #checkOnExecutors} runs a probe task on each executor: every folder to
 * read must be there with a file the driver sees in it (the same name and size), every folder to
 * write must be there with a marker file the driver has just put in it (so it is the same folder,
 * not one of the same name), and writable. A path that fails is refused with the executor and its
 * host, before anything is written; a folder the driver made for the check is removed again. Each
 * task checks the same again (without the marker) on an executor that joined later
 * ({@link #requireHere}), once per executor.
 */
public final class SharedPaths implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The paths found good in this JVM (by check), so that an executor checks once. */
    private static final Set<String> CHECKED = Collections.synchronizedSet(new HashSet<>());
    private static final String MARKER = ".gcl-spark-probe-";

    /** Read: a folder or file to read. Write: a folder to write into (made when missing). */
    enum Use { READ, WRITE }

    /** One path of a command: its option, the absolute path, and for a read a file the driver sees there (and its size). */
    record Entry(String option, String path, Use use, String sample, long sampleSize) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What a probe task found on its executor. */
    record Report(String executor, String host, List<String> problems) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final List<Entry> entries;
    private final String check;

    private SharedPaths(List<Entry> entries, String check) {
        this.entries = entries;
        this.check = check;
    }

    /** No paths yet. */
    public static SharedPaths none() {
        return new SharedPaths(List.of(), UUID.randomUUID().toString());
    }

    /** And a folder or file the executors read (named by {@code option} in messages). */
    public SharedPaths read(String option, Path path) {
        return with(new Entry(option, path.toAbsolutePath().toString(), Use.READ, null, 0));
    }

    /** And a folder the executors write into (made by the driver when missing). */
    public SharedPaths write(String option, Path dir) {
        return with(new Entry(option, dir.toAbsolutePath().toString(), Use.WRITE, null, 0));
    }

    private SharedPaths with(Entry e) {
        List<Entry> all = new ArrayList<>(entries);
        all.add(e);
        return new SharedPaths(List.copyOf(all), check);
    }

    /**
     * Runs the probe on every executor of a cluster (nothing in local mode, where the executors are
     * this JVM) and refuses the paths an executor does not see as the driver does.
     *
     * @throws IllegalStateException naming each path, executor and host that failed
     * @throws IOException           when the driver itself cannot read or make them
     */
    public void checkOnExecutors(JavaSparkContext sc) throws Exception {
        if (sc.master().startsWith("local")) {
            return;
        }
        List<Path> made = new ArrayList<>();
        List<Path> markers = new ArrayList<>();
        List<Entry> withSamples = new ArrayList<>();
        boolean refused = false;
        try {
            for (Entry e : entries) {
                Path p = Path.of(e.path());
                if (e.use() == Use.WRITE) {
                    makeDirectories(p, made);
                    markers.add(Files.writeString(p.resolve(MARKER + check), check));
                    withSamples.add(e);
                } else {
                    withSamples.add(sampled(e, p));
                }
            }
            SharedPaths probe = new SharedPaths(List.copyOf(withSamples), check);
            ExecutorWatch watch = ExecutorWatch.of(sc.sc());
            List<String> ids = new ArrayList<>();
            List<String> where = new ArrayList<>();
            if (watch != null) {
                for (Map.Entry<String, ExecutorWatch.Executor> x : watch.executors().entrySet()) {
                    ids.add(x.getKey());
                    // Spark's name for "this executor" as a preferred location
                    where.add("executor_" + x.getValue().host() + "_" + x.getKey());
                }
            }
            if (ids.isEmpty()) {
                ids.add("any");
                where = null;
            }
            List<Report> reports = new ArrayList<>();
            OneTaskEach.run(sc, "gcl: can the executors see the paths?", ids, where, id -> probe.report(true),
                    (index, report) -> reports.add(report));
            List<String> problems = new ArrayList<>();
            for (Report r : reports) {
                for (String p : r.problems()) {
                    problems.add(p + " on executor " + r.executor() + " (host " + r.host() + ")");
                }
            }
            if (!problems.isEmpty()) {
                refused = true;
                throw new IllegalStateException("the executors do not see the driver's files at the same paths, so nothing was started: "
                        + String.join("; ", problems) + ". Every node must see the videos, datasets and run cache at the same path "
                        + "(a shared file system mounted at the same place: README, 'On a cluster')");
            }
        } finally {
            for (Path m : markers) {
                Files.deleteIfExists(m);
            }
            if (refused) {
                for (int i = made.size() - 1; i >= 0; i--) {
                    try {
                        Files.deleteIfExists(made.get(i)); // only when still empty
                    } catch (IOException e) {
                        // something was written into it meanwhile: keep it
                    }
                }
            }
        }
    }

    /** In a task: refuses to work on an executor that does not see the paths (checked once per executor). */
    public void requireHere() {
        if (CHECKED.contains(check) || "driver".equals(executorId())) {
            return;
        }
        Report r = report(false);
        if (!r.problems().isEmpty()) {
            throw new IllegalStateException(String.join("; ", r.problems()) + " on executor " + r.executor() + " (host " + r.host()
                    + "): every node must see the driver's files at the same path (README, 'On a cluster')");
        }
        CHECKED.add(check);
    }

    /** What this JVM sees of the paths; with the driver's marker files, or without (once they are gone). */
    Report report(boolean markers) {
        List<String> problems = new ArrayList<>();
        for (Entry e : entries) {
            String problem = problem(e, markers);
            if (problem != null) {
                problems.add(e.option() + " " + e.path() + ": " + problem);
            }
        }
        if (problems.isEmpty()) {
            CHECKED.add(check);
        }
        return new Report(executorId(), host(), problems);
    }

    private String problem(Entry e, boolean markers) {
        Path p = Path.of(e.path());
        if (e.use() == Use.READ) {
            if (!Files.exists(p)) {
                return "no such file or folder";
            }
            if (!Files.isReadable(p)) {
                return "cannot be read";
            }
            if (e.sample() != null) {
                Path s = Files.isDirectory(p) ? p.resolve(e.sample()) : p;
                try {
                    if (!Files.isRegularFile(s)) {
                        return "another folder than the driver's (" + e.sample() + " is missing)";
                    }
                    if (Files.size(s) != e.sampleSize()) {
                        return "another file than the driver's (" + s.getFileName() + ": " + Files.size(s) + " bytes, "
                                + e.sampleSize() + " on the driver)";
                    }
                } catch (IOException x) {
                    return "cannot be read (" + x.getMessage() + ")";
                }
            }
            return null;
        }
        if (!Files.isDirectory(p)) {
            return "no such folder";
        }
        if (markers && !Files.exists(p.resolve(MARKER + check))) {
            return "another folder than the driver's (the file the driver just wrote there is missing)";
        }
        try {
            Path t = Files.createTempFile(p, MARKER, ".tmp");
            Files.delete(t);
        } catch (IOException x) {
            return "cannot be written (" + x.getMessage() + ")";
        }
        return null;
    }

    /** The entry with a file the driver sees in it (the first by name) and its size. */
    private static Entry sampled(Entry e, Path p) throws IOException {
        if (Files.isRegularFile(p)) {
            return new Entry(e.option(), e.path(), e.use(), p.getFileName().toString(), Files.size(p));
        }
        if (!Files.isDirectory(p)) {
            throw new IOException(e.option() + " " + p + ": no such file or folder");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(p, Files::isRegularFile)) {
            s.forEach(files::add);
        }
        if (files.isEmpty()) {
            return e;
        }
        files.sort(null);
        Path first = files.get(0);
        return new Entry(e.option(), e.path(), e.use(), first.getFileName().toString(), Files.size(first));
    }

    private static void makeDirectories(Path dir, List<Path> made) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        Files.createDirectories(dir);
        made.addAll(missing);
    }

    private static String executorId() {
        SparkEnv env = SparkEnv.get();
        return env == null ? "driver" : env.executorId();
    }

    private static String host() {
        SparkEnv env = SparkEnv.get();
        if (env != null && env.blockManager() != null) {
            return env.blockManager().blockManagerId().host();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
