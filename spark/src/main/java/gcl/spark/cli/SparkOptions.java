package gcl.spark.cli;

import gcl.spark.ExecutorWatch;
import gcl.spark.GclSpark;
import gcl.spark.StandaloneMaster;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Option;

/** Spark's options of every command: the master, any Spark setting, and how long to wait for executors. */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = {"Spark master: local[N], local[N,RETRIES], or a standalone cluster's spark://HOST:PORT (this command ships the jars to its executors);",
                "yarn and k8s:// through the cluster's spark-submit and the cluster jar (README). Default: the one spark-submit names, else local[*]: every core of this machine."})
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting, e.g. --conf spark.task.cpus=2 (ND4J threads per task) (repeatable).")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--executor-wait", paramLabel = "DURATION",
            description = "How long the work may have no executor (at the start, or after the last one was lost) before it stops, keeping what finished for a rerun to resume: e.g. 90s, 5min; 0 waits for ever (default: "
                    + ExecutorWatch.DEFAULT_WAIT + ").")
    String executorWait;

    @Option(names = "--master-ui", paramLabel = "URL",
            description = "A standalone master's web UI, read to check the request against its workers (default: port 8080 of the master's host).")
    String masterUi;

    JavaSparkContext start(String appName) {
        Map<String, String> all = new LinkedHashMap<>(conf);
        if (executorWait != null) {
            all.put(ExecutorWatch.WAIT_KEY, executorWait);
        }
        if (masterUi != null) {
            all.put(StandaloneMaster.UI_KEY, masterUi);
        }
        return GclSpark.start(master, appName, all, System.out);
    }
}
