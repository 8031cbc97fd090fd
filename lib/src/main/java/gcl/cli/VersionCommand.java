package gcl.cli;

import gcl.Version;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code gcl version}: library, DL4J, Java, OS and ND4J backend. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Print the library, Deeplearning4j, Java and ND4J backend versions.")
public final class VersionCommand implements Runnable {
    @CommandLine.Option(names = "--backend", description = "Also start ND4J and print its backend (slower).")
    boolean backend;

    @Override
    public void run() {
        for (String line : lines(backend)) {
            System.out.println(line);
        }
    }

    static List<String> lines(boolean withBackend) {
        ArrayList<String> lines = new ArrayList<>(List.of(
                "gcl " + Version.library(),
                "deeplearning4j " + dl4j(),
                "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                "os " + System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        if (withBackend) {
            lines.add("nd4j backend " + Nd4j.getBackend().getClass().getSimpleName());
        }
        return lines;
    }

    static String dl4j() {
        try (var in = Version.class.getResourceAsStream("/gcl/version.properties")) {
            var p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("dl4j", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Supplies {@code gcl --version}. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return lines(false).toArray(String[]::new);
        }
    }
}
