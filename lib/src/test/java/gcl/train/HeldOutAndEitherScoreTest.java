package gcl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.data.Dataset;
import gcl.data.FeatureSet;
import gcl.data.Video;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Held-out training videos, the probe of D on them, and the 'either' score calibrated on them. */
class HeldOutAndEitherScoreTest {
    private static final Dataset DATA = TinyData.dataset();

    private static Set<String> ids(FeatureSet s) {
        Set<String> ids = new HashSet<>();
        for (Video v : s.videos()) {
            ids.add(v.id());
        }
        return ids;
    }

    @Test
    void wholeVideosAreHeldOutBySeed() {
        FeatureSet train = DATA.train();
        HeldOutVideos a = HeldOutVideos.of(train, 0.25, new Random(7));
        assertEquals(2, a.heldOut().videos().size());
        assertEquals(6, a.fit().videos().size());
        assertEquals(train.size(), a.fit().size() + a.heldOut().size());
        Set<String> held = ids(a.heldOut());
        assertTrue(ids(a.fit()).stream().noneMatch(held::contains));
        for (Video v : a.heldOut().videos()) {
            assertEquals(train.video(v.id()).segments(), v.segments(), "a held-out video is whole");
        }
        assertEquals(held, ids(HeldOutVideos.of(train, 0.25, new Random(7)).heldOut()), "same seed, same videos");
        assertTrue(HeldOutVideos.of(train, 0.01, new Random(7)).heldOut().videos().size() == 1, "a positive share holds out one video at least");
        assertTrue(!HeldOutVideos.of(train, 0, new Random(7)).any());
        assertThrows(IllegalArgumentException.class, () -> HeldOutVideos.of(train, 0.6, new Random(7)));
    }

    /** Ranks on a reference of five values, worked by hand. */
    @Test
    void calibratedRanksAndTheEitherScore() {
        ScoreCalibration c = new ScoreCalibration(new float[] {5, 1, 4, 2, 3}, new float[] {0.5f, 0.1f, 0.3f, 0.2f, 0.4f});
        // 3 has two values below and one tie: (2 + 3) / (2·5)
        assertEquals(0.5, c.generatorRank(3f), 1e-12);
        assertEquals(0.0, c.generatorRank(0f), 1e-12);
        assertEquals(1.25, c.generatorRank(5.5f), 1e-12);
        // beyond the largest error: 1 + (7 − 5) / (5 − 3)
        assertEquals(2.0, c.generatorRank(7f), 1e-12);
        assertEquals(0.9, c.discriminatorRank(0.5f), 1e-6);
        // D's rank stops at 1: a probability beyond the reference never outranks a novel G error
        assertEquals(1.0, c.discriminatorRank(0.99f), 1e-12);
        float[] s = c.either(new float[] {7, 1, 3}, new float[] {0.99f, 0.5f, 0.05f});
        assertArrayEquals(new float[] {2f, 0.9f, 0.5f}, s, 1e-6f);
        assertEquals(1.0 / 3, c.beyondReference(new float[] {7, 1, 3}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new ScoreCalibration(new float[] {1}, new float[] {0.1f, 0.2f}));
    }

    @Test
    void aCalibrationSurvivesItsFile(@TempDir Path dir) throws Exception {
        ScoreCalibration c = new ScoreCalibration(new float[] {3, 1, 2}, new float[] {0.2f, 0.9f, 0.1f});
        c.save(dir);
        ScoreCalibration back = ScoreCalibration.load(dir);
        assertArrayEquals(c.generator(), back.generator());
        assertArrayEquals(c.discriminator(), back.discriminator());
        Files.delete(dir.resolve(ScoreCalibration.FILE));
        assertEquals(null, ScoreCalibration.load(dir));
    }

    /**
     * A run with held-out videos trains on the others only, records the probe's columns in its history,
     * and scores by 'either' with a calibration that a saved model keeps.
     */
    @Test
    void aRunWithHeldOutVideos(@TempDir Path dir) throws Exception {
        GclConfig config = TinyData.config().withVariant(Variant.GCL_PT).with("heldOutShare", 0.25).with("scoreBy", "either");
        TrainingResult r = new GclTrainer(config, DATA.train()).quiet().train();
        EpochRecord last = r.history().records().get(r.history().records().size() - 1);
        for (String column : List.of("ho_agree", "fit_agree", "ho_rank", "fit_rank", "ho_g_ratio")) {
            assertTrue(last.metrics().containsKey(column), column + " in " + last.metrics().keySet());
        }
        double agree = last.metrics().get("ho_agree");
        assertTrue(Double.isNaN(agree) || agree >= 0 && agree <= 1, "an AUC: " + agree);
        // the held-out videos' rows are not in the diagnostics of training: 6 of 8 videos were trained on
        HeldOutVideos split = GclTrainer.heldOut(config, DATA.train());
        assertEquals(6, split.fit().videos().size());
        GclModel model = r.model();
        assertNotNull(model.calibration());
        assertEquals(split.heldOut().size(), model.calibration().generator().length, "calibrated on the held-out segments");
        float[] s = model.scores(DATA.test());
        for (float v : s) {
            assertTrue(Float.isFinite(v) && v >= 0, "either score " + v);
        }
        model.save(dir);
        assertArrayEquals(s, GclModel.load(dir).scores(DATA.test()), 0f);
    }

    @Test
    void theEitherScoreNeedsACalibratedModel() {
        GclConfig config = TinyData.config().with("scoreBy", "either");
        GclModel fresh = GclModel.create(config.resolvedFor(DATA.train()), DATA.train().dim());
        String m = assertThrows(IllegalStateException.class, () -> fresh.scores(DATA.test())).getMessage();
        assertTrue(m.contains("calibrated"), m);
    }

    @Test
    void autoencodersHoldNothingOut() {
        GclConfig config = TinyData.config().withVariant(Variant.AE_ALL_DATA).with("heldOutShare", 0.25);
        assertTrue(!GclTrainer.heldOut(config, DATA.train()).any());
    }
}
