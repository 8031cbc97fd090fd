package gcl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, from the build. */
public final class Version {
    private Version() {
    }

    /** The version of the GCL library, e.g. {@code 0.1.0}. */
    public static String library() {
        try (InputStream in = Version.class.getResourceAsStream("/gcl/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
