package gcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionTest {
    private static Path classFile(Path root, String name, String content) throws IOException {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    @Test
    void theMethodCodeHashFollowsTheMethodsClassesOnly(@TempDir Path classes) throws IOException {
        classFile(classes, "gcl/train/GclTrainer.class", "trainer v1");
        classFile(classes, "gcl/model/Generator.class", "generator v1");
        classFile(classes, "gcl/Seeds.class", "seeds");
        classFile(classes, "gcl/viz/LineCharts.class", "charts v1");
        String before = Version.methodCode(classes);
        assertEquals(16, before.length());
        assertEquals(before, Version.methodCode(classes), "the same classes, the same hash");

        classFile(classes, "gcl/viz/LineCharts.class", "charts v2");
        classFile(classes, "gcl/nb/Course.class", "a new lesson helper");
        assertEquals(before, Version.methodCode(classes), "charts and notebook helpers do not change a run's numbers");

        classFile(classes, "gcl/model/Generator.class", "generator v2, a fix");
        assertNotEquals(before, Version.methodCode(classes), "a fix to G is a new method code");
    }

    @Test
    void theLibrarysOwnClassesHash() {
        assertEquals(16, Version.methodCode().length());
        assertEquals(Version.methodCode(), Version.methodCode());
    }

    @Test
    void noMethodClassesIsAClearError(@TempDir Path empty) {
        var e = assertThrows(IllegalStateException.class, () -> Version.methodCode(empty));
        assertEquals(true, e.getMessage().contains(empty.toString()), e.getMessage());
    }
}
