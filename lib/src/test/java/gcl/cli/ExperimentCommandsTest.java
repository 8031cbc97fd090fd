package gcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ExperimentCommandsTest {
    private static final String[] TINY = {"--set", "generatorHidden=[4]", "--set", "discriminatorHidden=[4]",
        "--set", "batchSize=32", "--set", "epochs=1", "--set", "pretrainEpochs=1", "--quiet"};

    private static String[] args(String command, Path data, Path cache, Path out, String seeds) {
        List<String> a = new ArrayList<>(List.of(command, "--data", data.toString(), "--cache", cache.toString(),
                "--out", out.toString(), "--seeds", seeds));
        a.addAll(List.of(TINY));
        return a.toArray(String[]::new);
    }

    @Test
    void ablateWritesOneRowPerMethodAndSeedAndReusesTheCache(@TempDir Path dir) throws Exception {
        Path data = TinyData.write(dir.resolve("data"));
        Path out = dir.resolve("table2.csv");
        assertEquals(0, Main.run(args("ablate", data, dir.resolve("cache"), out, "1,2")));
        Table first = Table.read().csv(out.toFile());
        assertEquals(14, first.rowCount(), "7 Table 2 methods x 2 seeds");
        assertEquals(List.of("AE_AllData", "AE_OCC", "AE_TD", "GCL w/o NL", "GCL_B", "GCL_PT", "GCL_OCC"),
                first.stringColumn("method").asList().stream().distinct().toList());
        assertEquals(0, Main.run(args("ablate", data, dir.resolve("cache"), out, "1,2")));
        Table second = Table.read().csv(out.toFile());
        assertTrue(second.booleanColumn("cached").asList().stream().allMatch(b -> b), "the second run reads every result back");
        org.junit.jupiter.api.Assertions.assertArrayEquals(first.numberColumn("AUC %").asDoubleArray(), second.numberColumn("AUC %").asDoubleArray());
    }

    @Test
    void seedsRunsGclBAndGclPtAndRejectsBadSeeds(@TempDir Path dir) throws Exception {
        Path data = TinyData.write(dir.resolve("data"));
        Path out = dir.resolve("fig10.csv");
        assertEquals(0, Main.run(args("seeds", data, dir.resolve("cache"), out, "1-2")));
        Table t = Table.read().csv(out.toFile());
        assertEquals(List.of("GCL_B", "GCL_B", "GCL_PT", "GCL_PT"), t.stringColumn("method").asList());
        assertEquals(1, Main.run(args("seeds", data, dir.resolve("cache"), dir.resolve("x.csv"), "a-b")));
        assertTrue(!Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void methodsPicksRowsOfTable2InItsOrder(@TempDir Path dir) throws Exception {
        Path data = TinyData.write(dir.resolve("data"));
        Path out = dir.resolve("some.csv");
        List<String> a = new ArrayList<>(List.of(args("ablate", data, dir.resolve("cache"), out, "1")));
        a.addAll(List.of("--methods", "gcl-pt,AE_TD"));
        assertEquals(0, Main.run(a.toArray(String[]::new)));
        assertEquals(List.of("AE_TD", "GCL_PT"), Table.read().csv(out.toFile()).stringColumn("method").asList());
        Path bad = dir.resolve("bad.csv");
        List<String> b = new ArrayList<>(List.of(args("ablate", data, dir.resolve("cache"), bad, "1")));
        b.addAll(List.of("--methods", "gcl-ws"));
        assertEquals(1, Main.run(b.toArray(String[]::new)), "GCL_WS is not a row of Table 2");
        assertTrue(!Files.exists(bad));
    }
}
