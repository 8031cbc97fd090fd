package gcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathsTest {
    /** Runs with system properties set, then puts them back as they were. */
    private static void with(String property, String value, Runnable body) {
        String old = System.getProperty(property);
        System.setProperty(property, value);
        try {
            body.run();
        } finally {
            if (old == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, old);
            }
        }
    }

    @Test
    void runsDatasetsAndVideosShareOneCache(@TempDir Path dir) {
        with("gcl.cache", dir.toString(), () -> {
            assertEquals(dir.resolve("runs"), Paths.runs());
            assertEquals(dir.resolve("datasets"), Paths.datasets());
            assertEquals(dir.resolve("videos"), Paths.videos());
        });
    }

    @Test
    void withoutACacheSettingTheCacheIsInTheProjectFolder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data-manifests"));
        Files.writeString(dir.resolve("data-manifests/x.json"), "{}");
        with("gcl.home", dir.toString(), () -> {
            if (System.getenv(Paths.CACHE_ENV) == null) {
                assertEquals(dir.resolve(".cache"), Paths.cache(), "the same folder for runs and datasets");
            }
            assertEquals(Optional.of(dir.resolve("data-manifests/x.json")), Paths.projectFile("data-manifests/x.json"));
            assertTrue(Paths.projectFile("data-manifests/none.json").isEmpty());
        });
    }

    @Test
    void theProjectFolderIsFoundAboveTheWorkingDirectory() {
        if (System.getProperty("gcl.home") == null && System.getenv(Paths.HOME_ENV) == null) {
            Path home = Paths.projectHome().orElseThrow();
            assertTrue(Files.isDirectory(home.resolve("data-manifests")) && Files.isDirectory(home.resolve("lib")), home.toString());
        }
    }
}
