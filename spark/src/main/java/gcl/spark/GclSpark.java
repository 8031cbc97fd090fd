package gcl.spark;

import java.util.Map;
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
     * Starts a Spark context.
     *
     * @param master  a Spark master URL, or null for spark-submit's or {@value #DEFAULT_MASTER}
     * @param appName the application's name (when spark-submit gave none)
     * @param conf    more Spark settings ({@code --conf KEY=VALUE})
     */
    public static JavaSparkContext start(String master, String appName, Map<String, String> conf) {
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
        return new JavaSparkContext(c);
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
