package gcl.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import gcl.Profile;
import gcl.TinyData;
import gcl.c2fpl.C2fplConfig;
import gcl.data.Dataset;
import gcl.train.GclConfig;
import gcl.train.RunRecord;
import gcl.train.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** C2FPL as a run of the experiment framework: cached, keyed by its own config and code, a row like the others. */
class C2fplRunTest {
    /** A classifier small enough for the tiny set: two epochs, no dropout. */
    static C2fplConfig tiny() {
        return C2fplConfig.forProfile(Profile.QUICK).with("hidden", List.of(8, 4)).with("dropout", 0)
                .with("batchSize", 16).with("epochs", 2);
    }

    @Test
    void aC2fplRunIsCachedAndReadBackAsTheSameRun(@TempDir Path dir) throws Exception {
        Dataset data = TinyData.dataset();
        Experiment exp = Experiment.on(data).cache(new RunCache(dir)).quiet(true);
        Run first = exp.run("C2FPL", tiny());
        assertFalse(first.fromCache());
        assertTrue(first.aucPercent() >= 0 && first.aucPercent() <= 100, "a frame AUC: " + first.metrics());
        assertTrue(Double.isNaN(first.metrics().aucGenerator()) && Double.isNaN(first.metrics().aucDiscriminator()),
                "C2FPL has neither G nor D");
        assertEquals(2, first.history().rowCount(), "one history row per classifier epoch");

        Run second = exp.run("C2FPL", tiny());
        assertTrue(second.fromCache());
        assertEquals(first.dir(), second.dir());
        assertEquals(first.metrics().auc(), second.metrics().auc(), 1e-12);
        assertEquals(first.metrics().averagePrecision(), second.metrics().averagePrecision(), 1e-12);
        assertInstanceOf(C2fplConfig.class, second.config());
        assertEquals(tiny(), second.config());
        assertArrayEquals(first.classifier().scores(data.test().features()),
                second.classifier().scores(data.test().features()), 0f, "the classifier read back scores as the one trained");
        assertEquals(first.c2fplSummary().doubleColumn("value").asList(), second.c2fplSummary().doubleColumn("value").asList());
        assertThrows(IllegalStateException.class, second::model, "a C2FPL run has no GCL model");

        var manifest = new ObjectMapper().readTree(first.dir().resolve("run.json").toFile());
        assertEquals("c2fpl", manifest.path("config").path("method").asText());
        assertEquals(data.fingerprint(), manifest.path("data").path("fingerprint").asText());
        assertTrue(manifest.path("versions").has("gcl_c2fpl_code"));
        assertTrue(Files.isRegularFile(first.dir().resolve("checkpoint/classifier.zip")));

        Run other = exp.run("C2FPL", tiny().with("windowShare", 0.2));
        assertFalse(other.fromCache(), "another config is another run");
        assertNotEquals(first.dir(), other.dir());
        Run seed2 = exp.run("C2FPL", tiny().withSeed(2));
        assertFalse(seed2.fromCache(), "another seed is another run");
    }

    /**
     * A C2FPL run folder has a record of its files as GCL's has, and goes through the same state checks:
     * finished when its files match, damaged (never read back, so not reused from the cache) when one was
     * changed, unfinished when it has no record (trained again from the start).
     */
    @Test
    void aC2fplRunHasARecordAndTheSameStateChecks(@TempDir Path dir) throws Exception {
        Experiment exp = Experiment.on(TinyData.dataset()).cache(new RunCache(dir)).quiet(true);
        Path run = exp.run("C2FPL", tiny()).dir();
        assertTrue(Files.isRegularFile(run.resolve(RunRecord.FILE)));
        RunState finished = RunState.of(run);
        assertEquals(RunState.Kind.FINISHED, finished.kind(), finished.describe());
        assertEquals(2, finished.planned(), "the classifier's epochs");

        Path summary = run.resolve("summary.csv");
        Files.writeString(summary, Files.readString(summary).replace('0', '1'));
        RunState damaged = RunState.of(run);
        assertEquals(RunState.Kind.DAMAGED, damaged.kind());
        assertTrue(damaged.describe().contains(summary + " was changed after the run finished"), damaged.describe());
        String m = assertThrows(IllegalStateException.class, () -> exp.run("C2FPL", tiny())).getMessage();
        assertTrue(m.contains("damaged") && m.contains("--fresh"), m);
        assertTrue(exp.fresh(true).run("C2FPL", tiny()).metrics() != null, "--fresh trains it anew");

        Files.delete(run.resolve(RunRecord.FILE));
        RunState unfinished = RunState.of(run);
        assertEquals(RunState.Kind.UNFINISHED, unfinished.kind(), unfinished.describe());
        assertThrows(IllegalStateException.class, () -> Run.read("C2FPL", run));
    }

    /** The key names the method, the config and the data; C2FPL's and GCL's keys never meet. */
    @Test
    void theKeyCoversConfigDataAndMethod() {
        Dataset data = TinyData.dataset();
        String key = RunCache.key(tiny(), data);
        assertEquals(key, RunCache.key(C2fplConfig.fromJson(tiny().toJson()), data));
        assertNotEquals(key, RunCache.key(tiny().with("eta", 2.0), data));
        assertNotEquals(key, RunCache.key(tiny().withSeed(9), data));
        Dataset other = new Dataset(data.info(), data.train(), data.test(), "another-fingerprint");
        assertNotEquals(key, RunCache.key(tiny(), other));
    }

    /** A runs table row of C2FPL: preset paper, AUC_G and AUC_D empty, GCL's diagnostics empty. */
    @Test
    void itsRowInTheRunsTableBesideGcl(@TempDir Path dir) {
        Experiment exp = Experiment.on(TinyData.dataset()).cache(new RunCache(dir)).quiet(true);
        Table t = exp.runAll(List.of(new Trial("GCL_B", TinyData.config()), PaperTrials.c2fpl(tiny())), List.of(1L, 2L));
        assertEquals(List.of("GCL_B", "GCL_B", "C2FPL", "C2FPL"), t.stringColumn("method").asList());
        assertEquals(List.of("robust", "robust", "paper", "paper"), t.stringColumn("preset").asList());
        assertEquals(List.of(1, 2, 1, 2), t.intColumn("seed").asList());
        assertTrue(t.doubleColumn("AUC_G %").isMissing(2) && t.doubleColumn("AUC_D %").isMissing(3));
        assertTrue(t.doubleColumn("d_agrees_g").isMissing(2), "GCL's diagnostics are empty for C2FPL");
        // recorded (a tiny run can round to 0.0 s on a fast machine, so only its presence is checked)
        assertTrue(!t.doubleColumn("train s").isMissing(2) && t.doubleColumn("train s").getDouble(2) >= 0);
        Table again = Experiment.table(List.of(Run.read("C2FPL", dir.resolve(t.stringColumn("run").get(2)))));
        assertEquals(t.doubleColumn("AUC %").getDouble(2), again.doubleColumn("AUC %").getDouble(0));
    }

    /** A config of either method goes through JSON and back to its own type (what a Spark task receives). */
    @Test
    void readConfigTellsTheMethodsApart() {
        assertEquals(tiny(), Trial.readConfig(tiny().toJson()));
        GclConfig gcl = TinyData.config();
        assertEquals(gcl, Trial.readConfig(gcl.toJson()));
        assertEquals("gcl", gcl.method());
        assertEquals(gcl.withSeed(5), new Trial("x", gcl).withSeed(5).config());
        assertEquals(tiny().withSeed(5), PaperTrials.c2fpl(tiny()).withSeed(5).config());
        assertThrows(IllegalArgumentException.class, () -> Trial.readConfig("{\"method\": \"c2fpl\", \"epochz\": 1}"));
    }
}
