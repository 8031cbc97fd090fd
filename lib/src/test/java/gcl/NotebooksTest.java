package gcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The lessons are committed without outputs (the output policy of the README): only run-all's copies hold them. */
class NotebooksTest {
    @Test
    void everyNotebookIsCommittedWithoutOutputs() throws IOException {
        Path notebooks = Folders.projectHome().orElseThrow().resolve("notebooks");
        List<Path> files;
        try (Stream<Path> s = Files.list(notebooks)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no notebooks in " + notebooks);
        List<String> problems = new ArrayList<>();
        for (Path nb : files) {
            JsonNode root = new ObjectMapper().readTree(nb.toFile());
            int index = 0;
            for (JsonNode cell : root.path("cells")) {
                if (cell.path("cell_type").asText().equals("code")) {
                    if (cell.path("outputs").size() > 0) {
                        problems.add(nb.getFileName() + " cell " + index + ": " + cell.path("outputs").size() + " outputs");
                    }
                    if (!cell.path("execution_count").isNull()) {
                        problems.add(nb.getFileName() + " cell " + index + ": execution_count " + cell.path("execution_count"));
                    }
                }
                index++;
            }
            assertTrue(root.path("cells").size() > 0, nb + " has no cells");
        }
        assertEquals(List.of(), problems, "clear the outputs before committing (Kernel > Restart and Clear Outputs)");
    }

    /** Code a student reads fits a notebook cell: no line of a code cell is longer than 100 characters. */
    @Test
    void codeLinesFitIn100Characters() throws IOException {
        Path notebooks = Folders.projectHome().orElseThrow().resolve("notebooks");
        List<String> problems = new ArrayList<>();
        try (Stream<Path> s = Files.list(notebooks)) {
            for (Path nb : s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList()) {
                JsonNode root = new ObjectMapper().readTree(nb.toFile());
                for (JsonNode cell : root.path("cells")) {
                    if (!cell.path("cell_type").asText().equals("code")) {
                        continue;
                    }
                    StringBuilder source = new StringBuilder();
                    cell.path("source").forEach(line -> source.append(line.asText()));
                    for (String line : source.toString().split("\n")) {
                        if (line.codePointCount(0, line.length()) > 100) {
                            problems.add(nb.getFileName() + " " + cell.path("id").asText() + ": " + line);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "wrap code lines at 100 characters");
    }
}
