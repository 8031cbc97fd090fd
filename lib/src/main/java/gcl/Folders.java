package gcl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the project's files live: the one rule for the project folder, the cache of generated
 * datasets and videos, and the run cache. Every other class asks here.
 *
 * <ul>
 *   <li><b>Project folder</b> (data manifests, recorded results): the system property
 *       {@code gcl.home}, else {@code $GCL_HOME} (the launchers and the kernel set it to the clone),
 *       else the first folder at or above the working directory that holds both
 *       {@code data-manifests/} and {@code lib/}.</li>
 *   <li><b>Cache</b>: the system property {@code gcl.cache}, else {@code $GCL_CACHE}, else
 *       {@code .cache} in the project folder, else {@code ~/.cache/gcl}. It holds
 *       {@code runs/} ({@link #runs()}), {@code datasets/} ({@link #datasets()}) and
 *       {@code videos/} ({@link #videos()}).</li>
 * </ul>
 * So datasets and runs always land in the same cache, whichever of the variables is set.
 */
public final class Folders {
    /** The environment variable naming the project folder. */
    public static final String HOME_ENV = "GCL_HOME";
    /** The environment variable naming the cache folder. */
    public static final String CACHE_ENV = "GCL_CACHE";

    private Folders() {
    }

    /** The project folder, if one is set or found (see the class comment). */
    public static Optional<Path> projectHome() {
        String home = setting("gcl.home", HOME_ENV);
        if (home != null) {
            return Optional.of(Path.of(home).toAbsolutePath());
        }
        for (Path d = workingDirectory(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("data-manifests")) && Files.isDirectory(d.resolve("lib"))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** A file shipped with the project, e.g. {@code data-manifests/ucf-crime.json}, if it is there. */
    public static Optional<Path> projectFile(String relative) {
        return projectHome().map(home -> home.resolve(relative)).filter(Files::exists);
    }

    /** The cache folder (see the class comment). */
    public static Path cache() {
        String cache = setting("gcl.cache", CACHE_ENV);
        if (cache != null) {
            return Path.of(cache);
        }
        return projectHome().map(home -> home.resolve(".cache"))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "gcl"));
    }

    /** Finished training runs, one folder per run key ({@code gcl.experiment.RunCache}). */
    public static Path runs() {
        return cache().resolve("runs");
    }

    /** Generated and extracted dataset directories. */
    public static Path datasets() {
        return cache().resolve("datasets");
    }

    /** Rendered synthetic videos. */
    public static Path videos() {
        return cache().resolve("videos");
    }

    /** The working directory, where the search for the project folder starts (for messages). */
    public static Path workingDirectory() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    /** A system property, else an environment variable; null when neither is set or both are blank. */
    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
