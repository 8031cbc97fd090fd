package gcl.spark;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starting Spark for the commands, and what every task does first.
 *
 * <ul>
 *   <li>The master is {@code --master}, else the one {@code spark-submit} names, else
 *       {@value #DEFAULT_MASTER}: all cores of this machine, nothing installed.</li>
 *   <li>A local master binds to the loopback address and runs without the web UI (set
 *       {@code spark.ui.enabled=true} to have it).</li>
 *   <li>A cluster: the executors get the code ({@link ExecutorCode}), a request no worker can meet
 *       is refused ({@link StandaloneMaster}), and an {@link ExecutorWatch} counts the task slots
 *       and ends a job left without executors.</li>
 *   <li>ND4J and OpenBLAS threads: one task's share of an executor's cores,
 *       {@code spark.task.cpus} (default 1), both as each executor's {@code OMP_NUM_THREADS} and,
 *       in every task, at run time ({@link #useTaskCores}): a training run is one task, and
 *       tasks side by side on one executor must not each take every core.</li>
 * </ul>
 */
public final class GclSpark {
    /** The master when neither {@code --master} nor {@code spark-submit} names one. */
    public static final String DEFAULT_MASTER = "local[*]";

    private static volatile int threadsSet;

    private GclSpark() {
    }

    /**
     * Starts a Spark context, progress lines on {@code System.out}.
     *
     * @param master  a Spark master URL, or null for spark-submit's or {@value #DEFAULT_MASTER}
     * @param appName the application's name (when spark-submit gave none)
     * @param conf    more Spark settings ({@code --conf KEY=VALUE})
     */
    public static JavaSparkContext start(String master, String appName, Map<String, String> conf) {
        return start(master, appName, conf, System.out);
    }

    /**
     * Starts a Spark context for a command.
     *
     * <ul>
     *   <li>The executors get the code ({@link ExecutorCode}), or the command is refused saying how
     *       to submit it.</li>
     *   <li>On a standalone master, the request is checked against the workers the master lists
     *       ({@link StandaloneMaster}): one no worker can ever meet is refused at once.</li>
     *   <li>An {@link ExecutorWatch} follows the executors: lines when one is added or lost, and
     *       the end of a job with no executor for {@value ExecutorWatch#WAIT_KEY}.</li>
     * </ul>
     *
     * @param progress where the executor lines go
     * @throws IllegalArgumentException for a master or a request that cannot work, with what to do instead
     */
    public static JavaSparkContext start(String master, String appName, Map<String, String> conf, PrintStream progress) {
        SparkConf c = new SparkConf(); // also reads the spark.* system properties spark-submit sets
        conf.forEach(c::set);
        if (master != null) {
            c.setMaster(master);
        } else if (!c.contains("spark.master")) {
            c.setMaster(DEFAULT_MASTER);
        }
        c.setIfMissing("spark.app.name", appName);
        if (c.get("spark.master").startsWith("local")) {
            c.setIfMissing("spark.driver.host", "127.0.0.1");
            c.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            c.setIfMissing("spark.ui.enabled", "false");
        }
        c.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", c.get("spark.task.cpus", "1"));
        ExecutorCode.provide(c);
        Optional<StandaloneMaster> cluster = c.get("spark.master").startsWith("spark://") ? StandaloneMaster.read(c) : Optional.empty();
        cluster.flatMap(m -> m.unmet(c)).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        if (c.get("spark.master").startsWith("spark://") && cluster.isEmpty()) {
            progress.println("spark: no master web UI answered at " + String.join(", ", StandaloneMaster.uis(c))
                    + ", so the request is not checked against the workers (--master-ui URL names it)");
        }
        String listeners = c.get("spark.extraListeners", "");
        c.set("spark.extraListeners", (listeners.isBlank() ? "" : listeners + ",") + ExecutorWatch.class.getName());
        JavaSparkContext sc = new JavaSparkContext(c);
        ExecutorWatch watch = ExecutorWatch.latest();
        if (watch != null) {
            String app = sc.sc().applicationId();
            boolean standalone = c.get("spark.master").startsWith("spark://");
            watch.attach(sc.sc(), progress,
                    () -> standalone ? StandaloneMaster.read(c).map(m -> m.free(c, app)).orElse("") : "",
                    () -> standalone ? StandaloneMaster.read(c).map(m -> m.granted(app)).orElse(0) : 0);
        }
        return sc;
    }

    /**
     * Waits for the executors (at most {@value ExecutorWatch#WAIT_KEY}) and says what they are: the
     * line a command prints before its work, with the real number of task slots.
     *
     * @throws ExecutorWatch.NoExecutorException when no executor came
     */
    public static String awaitExecutors(JavaSparkContext sc) throws InterruptedException {
        ExecutorWatch watch = ExecutorWatch.of(sc.sc());
        if (watch == null) {
            return sc.master() + ", " + sc.defaultParallelism() + " core(s)";
        }
        watch.awaitSlots();
        return watch.describe();
    }

    /**
     * In a task: ND4J's OpenMP threads and OpenBLAS's threads set to the task's cores
     * ({@code spark.task.cpus}); outside a task, nothing.
     */
    public static void useTaskCores() {
        TaskContext task = TaskContext.get();
        if (task == null) {
            return;
        }
        int cpus = Math.max(1, task.cpus());
        if (threadsSet != cpus) {
            synchronized (GclSpark.class) {
                Nd4j.getEnvironment().setMaxThreads(cpus);
                Nd4j.getEnvironment().setMaxMasterThreads(cpus);
                Nd4j.factory().blas().setMaxThreads(cpus);
                threadsSet = cpus;
            }
        }
    }
}
