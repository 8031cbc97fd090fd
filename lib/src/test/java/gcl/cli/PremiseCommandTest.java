package gcl.cli;

import gcl.experiment.PremiseMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PremiseCommandTest {
    private static final String PLAN = """
            {"profile": "quick", "presets": ["robust"], "methods": ["AE_AllData", "GCL w/o NL"], "seeds": "1",
             "dataSeed": "paired", "axes": {"videos": {"levels": [6, 8]}, "share": {"levels": [0.5], "gridLevels": [0.25, 0.5]}}}
            """;
    private static final String[] SMALL = {"--set", "generatorHidden=[8]", "--set", "discriminatorHidden=[8]",
        "--set", "batchSize=64", "--set", "epochs=1", "--set", "pretrainEpochs=1", "--quiet"};

    @TempDir
    Path dir;

    private String[] args(String... extra) throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, PLAN);
        List<String> a = new ArrayList<>(List.of("premise", "--plan", plan.toString(), "--cache", dir.resolve("runs").toString()));
        a.addAll(List.of(SMALL));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /** Runs the CLI with the tests' own dataset cache; returns exit code and output. */
    private Object[] run(String... args) {
        String old = System.getProperty("gcl.cache");
        System.setProperty("gcl.cache", dir.resolve("cache").toString());
        try {
            return DataCommandsTest.run(args);
        } finally {
            if (old == null) {
                System.clearProperty("gcl.cache");
            } else {
                System.setProperty("gcl.cache", old);
            }
        }
    }

    @Test
    void sweepsAndAGridWriteOneRowPerRun() throws IOException {
        Path out = dir.resolve("sweep.csv");
        Object[] r = run(args("--axes", "videos", "--out", out.toString()));
        assertEquals(0, r[0], (String) r[1]);
        Table sweep = PremiseMap.read(out);
        assertEquals(4, sweep.rowCount(), "2 levels x 2 methods x 1 seed");
        assertTrue(((String) r[1]).contains("not the paper's"), (String) r[1]);
        Path grid = dir.resolve("grid.csv");
        r = run(args("--axes", "videos=6;share", "--grid", "--out", grid.toString()));
        assertEquals(0, r[0], (String) r[1]);
        Table g = PremiseMap.read(grid);
        assertEquals(List.of("videos=6, share=0.25", "videos=6, share=0.5"), g.stringColumn("cell").asList().stream().distinct().toList());
        assertEquals(4, g.rowCount());
    }

    @Test
    void badAxesAreRefusedWithOneClearLine() throws IOException {
        Path out = dir.resolve("x.csv");
        String[][] bad = {
            {"--axes", "hardness"}, {"--axes", "share=0.5,1.5"}, {"--axes", "videos=ten"}, {"--axes", "videos;videos"},
            {"--axes", "strength"}, {"--axes", "videos", "--grid"}, {"--seeds", "x"}, {"--presets", "fancy"},
        };
        String[] expected = {"unknown axis 'hardness': use share, strength, videos or scene", "axis share: level 1.5 is out of range",
            "axis videos: 'ten' is not a list of numbers", "axis videos is given twice", "axis strength has no levels in the plan",
            "--grid crosses exactly two axes", "not a seed list", "unknown preset 'fancy'"};
        for (int i = 0; i < bad.length; i++) {
            List<String> a = new ArrayList<>(List.of(args("--out", out.toString())));
            a.addAll(List.of(bad[i]));
            Object[] r = run(a.toArray(String[]::new));
            String text = ((String) r[1]).strip();
            assertEquals(1, r[0], text);
            assertFalse(text.contains("\tat "), text);
            String last = text.lines().reduce((x, y) -> y).orElse("");
            assertTrue(last.startsWith("gcl premise: ") && last.contains(expected[i]), String.join(" ", bad[i]) + " -> " + last);
        }
        assertFalse(Files.exists(out), "nothing written");
    }
}
