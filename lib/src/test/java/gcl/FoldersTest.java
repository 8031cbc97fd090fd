package gcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {
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
            assertEquals(dir.resolve("runs"), Folders.runs());
            assertEquals(dir.resolve("datasets"), Folders.datasets());
            assertEquals(dir.resolve("videos"), Folders.videos());
        });
    }

    @Test
    void withoutACacheSettingTheCacheIsInTheProjectFolder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data-manifests"));
        Files.writeString(dir.resolve("data-manifests/x.json"), "{}");
        with("gcl.home", dir.toString(), () -> {
            if (System.getenv(Folders.CACHE_ENV) == null) {
                assertEquals(dir.resolve(".cache"), Folders.cache(), "the same folder for runs and datasets");
            }
            assertEquals(Optional.of(dir.resolve("data-manifests/x.json")), Folders.projectFile("data-manifests/x.json"));
            assertTrue(Folders.projectFile("data-manifests/none.json").isEmpty());
        });
    }

    @Test
    void theProjectFolderIsFoundAboveTheWorkingDirectory() {
        if (System.getProperty("gcl.home") == null && System.getenv(Folders.HOME_ENV) == null) {
            Path home = Folders.projectHome().orElseThrow();
            assertTrue(Files.isDirectory(home.resolve("data-manifests")) && Files.isDirectory(home.resolve("lib")), home.toString());
        }
    }
}
