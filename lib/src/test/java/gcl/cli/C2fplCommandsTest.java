package gcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import gcl.TinyData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** {@code gcl ablate --methods c2fpl}: C2FPL's rows beside GCL's, cached, its config changed by {@code --set c2fpl.FIELD}. */
class C2fplCommandsTest {
    /** GCL's tiny networks and C2FPL's tiny classifier (two epochs, no dropout). */
    private static final String[] TINY = {"--set", "generatorHidden=[4]", "--set", "discriminatorHidden=[4]",
        "--set", "batchSize=32", "--set", "epochs=1", "--set", "pretrainEpochs=1",
        "--set", "c2fpl.hidden=[8,4]", "--set", "c2fpl.dropout=0", "--set", "c2fpl.batchSize=16", "--set", "c2fpl.epochs=2",
        "--quiet"};

    private static String[] ablate(Path data, Path cache, Path out, String methods, String... more) {
        List<String> a = new ArrayList<>(List.of("ablate", "--data", data.toString(), "--cache", cache.toString(),
                "--out", out.toString(), "--seeds", "1,2", "--methods", methods));
        a.addAll(List.of(TINY));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void ablateRunsC2fplWhenNamedCachedAndAnewWhenItsConfigChanges(@TempDir Path dir) throws Exception {
        Path data = TinyData.write(dir.resolve("data"));
        Path cache = dir.resolve("cache");
        Path out = dir.resolve("rows.csv");
        assertEquals(0, Main.run(ablate(data, cache, out, "gcl-b,c2fpl")));
        Table first = Table.read().csv(out.toFile());
        assertEquals(List.of("GCL_B", "GCL_B", "C2FPL", "C2FPL"), first.stringColumn("method").asList());
        assertEquals(List.of("robust", "robust", "paper", "paper"), first.stringColumn("preset").asList());
        assertTrue(first.booleanColumn("cached").asList().stream().noneMatch(b -> b));
        String run = first.stringColumn("run").get(2);
        var config = new ObjectMapper().readTree(cache.resolve(run).resolve("run.json").toFile()).path("config");
        assertEquals("c2fpl", config.path("method").asText());
        assertEquals(2, config.path("epochs").asInt(), "--set c2fpl.epochs reached C2FPL's config");
        assertEquals(1, config.path("seed").asInt());

        assertEquals(0, Main.run(ablate(data, cache, out, "C2FPL")));
        Table second = Table.read().csv(out.toFile());
        assertEquals(List.of(true, true), second.booleanColumn("cached").asList(), "read back from the cache");
        assertEquals(first.numberColumn("AUC %").asList().subList(2, 4), second.numberColumn("AUC %").asList());

        assertEquals(0, Main.run(ablate(data, cache, out, "c2fpl", "--set", "c2fpl.windowShare=0.2")));
        Table changed = Table.read().csv(out.toFile());
        assertEquals(List.of(false, false), changed.booleanColumn("cached").asList(), "another config trains anew");
        assertNotEquals(run, changed.stringColumn("run").get(0));
    }

    @Test
    void withoutMethodsAblateRunsTable2OnlyAndBadC2fplFieldsAreRefused(@TempDir Path dir) throws Exception {
        Path data = TinyData.write(dir.resolve("data"));
        Path out = dir.resolve("bad.csv");
        Object[] r = DataCommandsTest.run(ablate(data, dir.resolve("cache"), out, "c2fpl", "--set", "c2fpl.alpha=0.1"));
        assertEquals(1, r[0]);
        assertTrue(((String) r[1]).contains("no C2FPL config field 'alpha'"), (String) r[1]);
        assertFalse(Files.exists(out));

        AblateOptions options = new AblateOptions();
        options.experiment = new ExperimentOptions();
        options.experiment.config = new ConfigOptions();
        options.experiment.config.profile = "quick";
        options.experiment.config.preset = "robust";
        options.experiment.config.fields = new FieldOverrides();
        assertEquals(7, options.paperTrials(options.experiment.baseConfig()).size(), "C2FPL runs only when --methods names it");
    }

    @Test
    void ablatesHelpListsC2fplsFields() {
        Object[] r = DataCommandsTest.run("ablate", "--help");
        assertEquals(0, r[0]);
        String help = (String) r[1];
        assertTrue(help.contains("c2fpl.windowShare") && help.contains("c2fpl.eta"), help);
    }
}
