package gcl.spark;

import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The tests' Spark: local mode, two task threads, a failed task retried once ({@code local[2,2]}),
 * started once for the test JVM (a JVM holds one Spark context at a time).
 */
public final class LocalSpark {
    public static final String MASTER = "local[2,2]";

    private static JavaSparkContext context;

    private LocalSpark() {
    }

    /** The running context, started on first use (and again after {@link #stop}). */
    public static synchronized JavaSparkContext get() {
        if (context == null || context.sc().isStopped()) {
            context = GclSpark.start(MASTER, "gcl-spark tests", Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(LocalSpark::stop));
        }
        return context;
    }

    /** Stops it, so that a command under test can start its own. */
    public static synchronized void stop() {
        if (context != null) {
            context.stop();
            context = null;
        }
    }
}
