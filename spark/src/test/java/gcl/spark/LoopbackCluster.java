package gcl.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.spark.SparkConf;

/**
 * A real Spark standalone cluster on the loopback address for the tests: one master and one worker
 * at a time, separate JVMs started from Spark's own jars ({@code spark/target/spark-home/jars}, laid
 * out as a Spark home: the worker starts its executors from there as a Spark distribution's would).
 * Nothing is downloaded. The worker can be killed (with its executors, as when its machine dies) and
 * another one started.
 */
final class LoopbackCluster implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final int WORKER_CORES = 2;
    static final String WORKER_MEMORY = "2g";
    /**
     * JVM options of every JVM the tests start (daemons, drivers and, through the worker's
     * {@code conf/java-opts}, executors): short-lived JVMs with the C1 compiler only and the serial
     * collector take less than half the CPU (measured: driver 13 to 5 s, executor 16 to 7 s for a
     * small extraction). Neither changes a result: the outputs are compared with the plain commands'
     * run with the JVM's defaults.
     */
    static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path root;
    private final Path dir;
    private final int port;
    private final int uiPort;
    private final Process master;
    private final List<Process> started = new ArrayList<>();
    private Process worker;
    private int workers;

    private LoopbackCluster(Path root, Path dir) throws IOException {
        this.root = root;
        this.dir = dir;
        Files.createDirectories(conf());
        Files.writeString(conf().resolve("java-opts"), String.join(" ", QUICK_JVM) + "\n");
        this.port = freePort();
        this.uiPort = freePort();
        this.master = start("master", "org.apache.spark.deploy.master.Master", "--host", HOST, "--port", String.valueOf(port),
                "--webui-port", String.valueOf(uiPort));
    }

    /**
     * Starts a master and a worker ({@value #WORKER_CORES} cores, {@value #WORKER_MEMORY} for executors);
     * {@link #awaitWorker} waits until the master lists the worker alive.
     *
     * @param root the repository (for spark/target and spark/jvm.options)
     * @param dir  a folder for their logs and the worker's work folders
     */
    static LoopbackCluster start(Path root, Path dir) throws Exception {
        LoopbackCluster c = new LoopbackCluster(root, Files.createDirectories(dir));
        try {
            c.startWorker();
        } catch (Exception e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Waits until the master lists a worker alive (they start in a few seconds, more on a busy machine). */
    void awaitWorker() throws InterruptedException {
        await(() -> aliveWorkers() == 1, Duration.ofMinutes(3), "worker alive at " + ui());
    }

    /** {@code spark://127.0.0.1:PORT}. */
    String url() {
        return "spark://" + HOST + ":" + port;
    }

    /** The master's web UI. */
    String ui() {
        return "http://" + HOST + ":" + uiPort;
    }

    /** Spark's jars, as a Spark home (the worker's SPARK_HOME). */
    Path sparkHome() {
        return root.resolve("spark/target/spark-home");
    }

    /** The Spark configuration folder of the worker (SPARK_CONF_DIR). */
    Path conf() {
        return dir.resolve("conf");
    }

    /** The worker's folders of its applications' executors (jars, stdout, stderr). */
    Path work() {
        return dir.resolve("work");
    }

    /** Starts a worker (the master lists it alive a few seconds later: {@link #awaitWorker}). */
    void startWorker() throws IOException {
        workers++;
        worker = start("worker-" + workers, "org.apache.spark.deploy.worker.Worker", "--host", HOST, "--cores",
                String.valueOf(WORKER_CORES), "--memory", WORKER_MEMORY, "--webui-port", "0", "--work-dir", work().toString(), url());
    }

    /** Kills the worker and its executors at once (kill -9), as when its machine is lost. */
    void killWorker() throws InterruptedException {
        Process w = worker;
        worker = null;
        List<ProcessHandle> executors = w.descendants().toList();
        executors.forEach(ProcessHandle::destroyForcibly);
        w.destroyForcibly();
        w.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle e : executors) {
            e.onExit().join();
        }
    }

    /** The workers the master lists alive now (-1 while its web UI does not answer). */
    int aliveWorkers() {
        SparkConf conf = new SparkConf(false).set("spark.master", url()).set(StandaloneMaster.UI_KEY, ui());
        return StandaloneMaster.read(conf).map(m -> (int) m.workers().stream().filter(StandaloneMaster.Worker::alive).count()).orElse(-1);
    }

    /** The last lines of each daemon's log, for a failure message. */
    String logs() {
        StringBuilder b = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                b.append("--- ").append(f.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()))).append('\n');
            }
        } catch (IOException e) {
            b.append(e);
        }
        return b.toString();
    }

    @Override
    public void close() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "@" + root.resolve("spark/jvm.options"), "-Xmx256m"));
        cmd.addAll(QUICK_JVM);
        cmd.addAll(List.of("-cp", sparkHome().resolve("jars") + "/*", mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", sparkHome().toString());
        env.put("SPARK_SCALA_VERSION", "2.13"); // what a distribution's bin/load-spark-env.sh sets
        env.put("SPARK_LOCAL_IP", HOST);
        env.put("SPARK_CONF_DIR", conf().toString()); // java-opts: the executors' JVM options
        Process p = pb.start();
        started.add(p);
        return p;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the condition holds. */
    void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("no " + what + " within " + limit + "\n" + logs());
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
