package gcl.spark.cli;

import java.net.URI;
import java.nio.file.Path;

/** Command-line locations: plain paths or {@code file:} URIs; other file systems are refused by name. */
final class Locations {
    private Locations() {
    }

    /**
     * A path every node reads at the same place.
     *
     * @throws IllegalArgumentException for a URI of another file system (hdfs:, s3a:, ...), naming the option
     */
    static Path local(String location, String option) {
        int colon = location.indexOf(':');
        int slash = location.indexOf('/');
        if (colon > 1 && (slash < 0 || colon < slash)) {
            URI uri = URI.create(location);
            if (!"file".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException(option + " " + location + ": " + uri.getScheme()
                        + ": URIs are not supported; use a path that every node mounts at the same place (a shared file system)");
            }
            return Path.of(uri);
        }
        return Path.of(location);
    }
}
