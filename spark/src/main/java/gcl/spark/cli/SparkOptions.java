package gcl.spark.cli;

import gcl.spark.GclSpark;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Option;

/** Spark's options of every command: the master and any Spark setting. */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], local[N,RETRIES], spark://HOST:PORT, yarn, k8s://... (default: the one spark-submit names, else local[*]: every core of this machine).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting, e.g. --conf spark.task.cpus=2 (ND4J threads per task) (repeatable).")
    Map<String, String> conf = new LinkedHashMap<>();

    JavaSparkContext start(String appName) {
        return GclSpark.start(master, appName, conf);
    }
}
