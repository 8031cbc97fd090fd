package gcl.c2fpl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Profile;
import gcl.train.GclConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class C2fplConfigTest {
    @Test
    void thePapersSettings() {
        C2fplConfig c = C2fplConfig.paper();
        assertEquals(List.of(512, 32), c.hidden());
        assertEquals(0.6, c.dropout());
        assertEquals(1.0, c.eta());
        assertEquals(0.09, c.windowShare());
        assertEquals(0.01, c.learningRate());
        assertEquals(0.9, c.momentum());
        assertEquals(5e-4, c.weightDecay());
        assertEquals(128, c.batchSize());
        assertEquals(20, c.epochs());
        assertEquals(AnomalousCluster.HIGHER_MAGNITUDE, c.anomalousCluster());
        assertEquals(c, C2fplConfig.forProfile(Profile.FULL));
    }

    /** The quick profile changes the batch size only: every rule, the sizes, the optimiser and the schedule stay. */
    @Test
    void theQuickProfileKeepsEveryRule() {
        C2fplConfig quick = C2fplConfig.forProfile(Profile.QUICK);
        assertEquals(32, quick.batchSize());
        assertEquals(C2fplConfig.paper(), quick.with("batchSize", 128));
    }

    @Test
    void theLearningRateDropsAtItsEpochs() {
        C2fplConfig c = C2fplConfig.paper();
        assertEquals(0.01, c.learningRateAt(0), 1e-15);
        assertEquals(0.01, c.learningRateAt(14), 1e-15);
        assertEquals(0.001, c.learningRateAt(15), 1e-15);
        assertEquals(0.0001, c.learningRateAt(25), 1e-15);
    }

    @Test
    void jsonRoundTripsAndUnknownFieldsAreRefused() {
        C2fplConfig c = C2fplConfig.forProfile(Profile.QUICK).withSeed(42).with("anomalousCluster", "smaller");
        assertEquals(c, C2fplConfig.fromJson(c.toJson()));
        assertEquals(C2fplConfig.paper().withSeed(3), C2fplConfig.fromJson("{\"seed\": 3}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> C2fplConfig.fromJson("{\"alpha\": 0.1}"));
        assertTrue(e.getMessage().contains("unknown C2FPL config field 'alpha'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.with("epochs", 2.5));
        assertEquals(16, C2fplConfig.paper().toTable().rowCount());
    }

    /** The JSON names its method first, so that a config read back from a run or a task knows what it configures. */
    @Test
    void jsonNamesTheMethodAndOtherMethodsConfigsAreRefused() {
        String json = C2fplConfig.paper().toJson();
        assertTrue(json.replaceAll("\\s", "").startsWith("{\"method\":\"c2fpl\","), json);
        assertEquals("c2fpl", C2fplConfig.paper().method());
        String m = assertThrows(IllegalArgumentException.class, () -> GclConfig.fromJson(json)).getMessage();
        assertTrue(m.contains("c2fpl"), m);
        String g = assertThrows(IllegalArgumentException.class,
                () -> C2fplConfig.fromJson("{\"method\": \"gcl\", \"seed\": 2}")).getMessage();
        assertTrue(g.contains("'gcl'"), g);
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        C2fplConfig c = C2fplConfig.paper();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.with("eta", 0)).getMessage().contains("eta"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.with("windowShare", 1.5)).getMessage().contains("windowShare"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.with("dropout", 1.0)).getMessage().contains("dropout"));
        assertThrows(IllegalArgumentException.class, () -> c.with("hidden", List.of(0)));
        assertThrows(IllegalArgumentException.class, () -> c.with("anomalousCluster", "largest"));
    }
}
