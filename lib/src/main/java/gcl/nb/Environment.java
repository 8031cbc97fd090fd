package gcl.nb;

import gcl.Profile;
import gcl.Version;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** What the kernel runs on: Java, the library, ND4J's backend and threads, the profile (lesson 00). */
public final class Environment {
    private Environment() {
    }

    /** One row per fact: Java version, OS, library and DL4J versions, ND4J backend, threads, memory, profile. */
    public static Table table() {
        Properties nd4j = Nd4j.getExecutioner().getEnvironmentInformation();
        StringColumn what = StringColumn.create("what");
        StringColumn value = StringColumn.create("value");
        add(what, value, "Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        add(what, value, "OS", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        add(what, value, "GCL library", Version.library());
        add(what, value, "ND4J backend", Nd4j.getBackend().getClass().getSimpleName()
                + " (" + nd4j.getOrDefault("backend", "?") + ", BLAS " + nd4j.getOrDefault("blas.vendor", "?") + ")");
        add(what, value, "ND4J threads (OpenMP)", String.valueOf(nd4j.getOrDefault("omp.threads", "?")));
        add(what, value, "CPU cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        add(what, value, "JVM max heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        add(what, value, "Profile (GCL_PROFILE)", Profile.current().id());
        add(what, value, "Headless AWT", System.getProperty("java.awt.headless", "false"));
        return Table.create("Environment", what, value);
    }

    private static void add(StringColumn what, StringColumn value, String w, String v) {
        what.append(w);
        value.append(v);
    }
}
