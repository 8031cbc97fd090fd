package gcl.spark;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.ExternalClusterManager;

/**
 * How the executors of a cluster get this program's code (the library, this module and their
 * dependencies, ND4J's and FFmpeg's natives included); Spark itself is the cluster's.
 *
 * <ul>
 *   <li>A local master: nothing to do, the executors are this JVM.</li>
 *   <li>Under {@code spark-submit}: it ships the application jar and its {@code --jars}.</li>
 *   <li>Started by {@code environment/gcl-spark} (the system property {@value #JARS_PROPERTY} lists
 *       the jars and folders of jars the executors need): they are added to {@code spark.jars}, and
 *       every executor fetches them from the driver.</li>
 *   <li>Otherwise, or for a master this JVM's Spark has no cluster manager for ({@code yarn},
 *       {@code k8s://}: the launcher carries Spark's core only), a one-line refusal that says how
 *       to submit.</li>
 * </ul>
 */
public final class ExecutorCode {
    /** The system property, set by environment/gcl-spark: jars and folders of jars, separated by ':'. */
    public static final String JARS_PROPERTY = "gcl.spark.executorJars";

    /** What to run instead, for the refusals. */
    static final String SUBMIT = "build the cluster jar (mvn -B -Pcluster -pl lib,spark -DskipTests package) and give it to the "
            + "cluster's own spark-submit: spark-submit --master %s --class gcl.spark.cli.Main "
            + "spark/target/gcl-spark-<version>-cluster.jar <command> ... (README, 'On a cluster')";

    private ExecutorCode() {
    }

    /**
     * Makes sure the executors of {@code spark.master} will have the code: adds the launcher's jars
     * to {@code spark.jars} where needed.
     *
     * @throws IllegalArgumentException when they would not, saying how to submit instead
     */
    static void provide(SparkConf conf) {
        String master = conf.get("spark.master");
        if (master.startsWith("local")) {
            return;
        }
        if (!master.startsWith("spark://") && !master.startsWith("local-cluster") && !hasClusterManager(master)) {
            throw new IllegalArgumentException("--master " + master + ": this Spark has no cluster manager for it (environment/gcl-spark "
                    + "carries Spark's core: local and standalone spark:// masters); " + String.format(SUBMIT, master));
        }
        if ("true".equals(System.getProperty("SPARK_SUBMIT"))) {
            return;
        }
        String launcherJars = System.getProperty(JARS_PROPERTY);
        if (launcherJars == null || launcherJars.isBlank()) {
            throw new IllegalArgumentException("--master " + master + ": the executors would not have this program's classes; run it with "
                    + "environment/gcl-spark, which ships them, or " + String.format(SUBMIT, master));
        }
        Set<String> jars = new LinkedHashSet<>();
        for (String given : conf.get("spark.jars", "").split(",")) {
            if (!given.isBlank()) {
                jars.add(given.trim());
            }
        }
        jars.addAll(jars(launcherJars));
        conf.set("spark.jars", String.join(",", jars));
    }

    /** The jars a {@value #JARS_PROPERTY} value names: each jar, and every jar in each folder (sorted). */
    static List<String> jars(String entries) {
        List<String> jars = new ArrayList<>();
        for (String entry : entries.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry.endsWith("/*") ? entry.substring(0, entry.length() - 2) : entry).toAbsolutePath();
            if (Files.isDirectory(p)) {
                List<String> inDir = new ArrayList<>();
                try (DirectoryStream<Path> s = Files.newDirectoryStream(p, "*.jar")) {
                    s.forEach(j -> inDir.add(j.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot list " + p + ": " + e.getMessage(), e);
                }
                inDir.sort(null);
                jars.addAll(inDir);
            } else if (Files.isRegularFile(p)) {
                jars.add(p.toString());
            } else {
                throw new IllegalStateException(JARS_PROPERTY + ": " + p + " does not exist (environment/setup --spark builds it)");
            }
        }
        return jars;
    }

    /** Whether a cluster manager on the class path (Spark's YARN or Kubernetes support) takes this master URL. */
    static boolean hasClusterManager(String master) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (ExternalClusterManager m : ServiceLoader.load(ExternalClusterManager.class, loader == null ? ExecutorCode.class.getClassLoader() : loader)) {
            if (m.canCreate(master)) {
                return true;
            }
        }
        return false;
    }
}
