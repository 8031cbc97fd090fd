package gcl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files that ship with the project (data manifests, recorded results), found from wherever the
 * library runs: under {@code $GCL_HOME} (the launchers and the kernel set it to the clone), else
 * in the working directory or one above it.
 */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /** The project file at this relative path, e.g. {@code data-manifests/ucf-crime.json}, if there is one. */
    public static Optional<Path> find(String relative) {
        String home = System.getenv("GCL_HOME");
        if (home != null && Files.exists(Path.of(home).resolve(relative))) {
            return Optional.of(Path.of(home).resolve(relative));
        }
        for (Path d = workingDirectory(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(relative))) {
                return Optional.of(d.resolve(relative));
            }
        }
        return Optional.empty();
    }

    /** Where the search above starts, for error messages. */
    public static Path workingDirectory() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }
}
