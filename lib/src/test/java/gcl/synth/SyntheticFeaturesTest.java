package gcl.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Profile;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.data.FeatureSet;
import gcl.data.GroundTruth;
import gcl.data.Video;
import gcl.data.VideoLabel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class SyntheticFeaturesTest {
    @TempDir
    Path dir;

    @Test
    void quickProfileIsSmallNonNegativeAndHalfAnomalous() {
        Dataset ds = SyntheticFeatures.generate(Profile.QUICK, 0);
        assertEquals(64, ds.info().featureDim());
        assertEquals(60, ds.train().videos().size());
        assertEquals(30, ds.test().videos().size());
        assertTrue(ds.train().size() + ds.test().size() < 5000);
        assertTrue(ds.info().synthetic());
        for (FeatureSet set : List.of(ds.train(), ds.test())) {
            float[] v = set.features().data().asFloat();
            int above = 0;
            for (float x : v) {
                assertTrue(x >= 0 && Float.isFinite(x));
                if (x > 3f) {
                    above++;
                }
            }
            assertTrue(above < v.length / 100, "values mostly in [0, 3]: " + above + " of " + v.length);
            long anomalous = set.videos().stream().filter(x -> x.label() == VideoLabel.ANOMALOUS).count();
            assertEquals(set.videos().size() / 2, anomalous);
            for (Video x : set.videos()) {
                int n = GroundTruth.count(x.groundTruth());
                assertEquals(x.label() == VideoLabel.ANOMALOUS, n > 0);
                assertTrue(n < x.frames() / 2, "events cover a minority of the video");
                assertTrue(GroundTruth.intervals(x.groundTruth()).size() <= 2);
                assertEquals(x.segments() * 16, x.frames());
            }
        }
    }

    @Test
    void anomalousSegmentsChangeMoreBetweenSegments() {
        Dataset ds = SyntheticFeatures.generate(Profile.QUICK, 1);
        double[] normal = new double[2];
        double[] event = new double[2];
        for (Video v : ds.train().videos()) {
            INDArray f = ds.train().segmentsOf(v);
            boolean[] seg = GroundTruth.segmentLabels(v.groundTruth(), v.segments(), 16);
            for (int t = 1; t < v.segments(); t++) {
                double td = f.getRow(t).sub(f.getRow(t - 1)).norm2Number().doubleValue();
                double[] acc = seg[t] && seg[t - 1] ? event : !seg[t] && !seg[t - 1] ? normal : null;
                if (acc != null) {
                    acc[0] += td;
                    acc[1]++;
                }
            }
        }
        double normalTd = normal[0] / normal[1];
        double eventTd = event[0] / event[1];
        assertTrue(normalTd > 0.3 && normalTd < 1.2, "normal TD of the order of D_th = 0.70: " + normalTd);
        assertTrue(eventTd > 1.5 * normalTd, "events are more eventful: " + eventTd + " vs " + normalTd);
    }

    /**
     * The stated properties that make the proxy hard in the way real footage is: most variance lies
     * between videos (every video its own camera), and the size of a feature says little about
     * whether it is anomalous (the first generator's norm alone scored 95 %).
     */
    @Test
    void theSceneDominatesAndTheNormDoesNotGiveAnomaliesAway() {
        Dataset ds = SyntheticFeatures.generate(Profile.QUICK, 0);
        INDArray all = ds.train().features();
        double total = all.sub(all.mean(0)).norm2Number().doubleValue();
        double within = 0;
        for (Video v : ds.train().videos()) {
            INDArray f = ds.train().segmentsOf(v);
            within += Math.pow(f.sub(f.mean(0)).norm2Number().doubleValue(), 2);
        }
        double betweenShare = 1 - within / (total * total);
        assertTrue(betweenShare > 0.6, "share of variance between videos " + betweenShare);
        double[] norms = ds.test().features().norm2(1).toDoubleVector();
        boolean[] anomalous = gcl.clean.CleaningQuality.anomalousRows(ds.test(), 16);
        double auc = gcl.eval.RocAuc.auc(norms, anomalous);
        assertTrue(auc < 0.7, "segment AUC of the L2 norm " + auc);
    }

    @Test
    void aUcfCrimeSizedConfigHasUcfCrimesVideos() {
        SyntheticFeatures.Config c = SyntheticFeatures.Config.ucfCrimeSized(Profile.FULL);
        assertEquals(1610, c.trainVideos());
        assertEquals(290, c.testVideos());
        assertEquals(2048, c.dim());
        assertEquals(730_000, 1610 * (c.minSegments() + c.maxSegments()) / 2, 15_000);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherData() throws IOException {
        Dataset a = SyntheticFeatures.write(Profile.QUICK, 7, dir.resolve("a"));
        Dataset b = SyntheticFeatures.write(Profile.QUICK, 7, dir.resolve("b"));
        assertEquals(a.fingerprint(), b.fingerprint());
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.resolve("a"))) {
            files = s.filter(Files::isRegularFile).map(dir.resolve("a")::relativize).sorted().toList();
        }
        assertTrue(files.size() > 90);
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f.toString());
        }
        assertEquals(a.fingerprint(), DatasetDirectory.load(dir.resolve("a")).fingerprint(), "written and read back");
        assertEquals(SyntheticFeatures.generate(Profile.QUICK, 7).fingerprint(), a.fingerprint(),
                "generated in memory = written one video at a time");
        assertNotEquals(a.fingerprint(), SyntheticFeatures.generate(Profile.QUICK, 8).fingerprint());
        Video v = DatasetDirectory.load(dir.resolve("a")).train().videos().get(0);
        assertTrue(v.hasGroundTruth(), "synthetic training videos keep their ground truth for analysis");
    }

    @Test
    void cachedGeneratesOnceThenLoads() throws IOException {
        String old = System.getProperty("gcl.cache");
        System.setProperty("gcl.cache", dir.toString());
        try {
            Dataset first = SyntheticFeatures.cached(Profile.QUICK, 3);
            Path cache = SyntheticFeatures.cacheDir(Profile.QUICK, 3);
            assertTrue(cache.startsWith(dir) && Files.exists(cache.resolve("dataset.json")));
            long modified = Files.getLastModifiedTime(cache.resolve("dataset.json")).toMillis();
            Dataset second = SyntheticFeatures.cached(Profile.QUICK, 3);
            assertEquals(first.fingerprint(), second.fingerprint());
            assertEquals(modified, Files.getLastModifiedTime(cache.resolve("dataset.json")).toMillis());
            try (Stream<Path> s = Files.list(cache.getParent())) {
                assertEquals(1, s.count(), "no temporary folders left behind");
            }
        } finally {
            if (old == null) {
                System.clearProperty("gcl.cache");
            } else {
                System.setProperty("gcl.cache", old);
            }
        }
    }
}
