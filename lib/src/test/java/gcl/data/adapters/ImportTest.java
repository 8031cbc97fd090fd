package gcl.data.adapters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Progress;
import gcl.data.CropPolicy;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.data.GroundTruth;
import gcl.data.GroundTruthConvention;
import gcl.data.MaskPadding;
import gcl.data.Npy;
import gcl.data.Video;
import gcl.data.VideoLabel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ImportTest {
    @TempDir
    Path dir;

    static final Progress QUIET = Progress.silent("import", "videos", 0);

    /** A 10-crop feature file [T, 10, d] whose crop c holds the value base + c. */
    static void tenCrop(Path file, int t, int d, float base) throws IOException {
        INDArray a = Nd4j.create(DataType.FLOAT, t, 10, d);
        for (int c = 0; c < 10; c++) {
            a.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(c),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).assign(base + c);
        }
        Files.createDirectories(file.getParent());
        Npy.write(file, a);
    }

    /** UCF-Crime in the RTFM layout: _i3d.npy 10-crop files, lists with another machine's paths. */
    Path ucf() throws IOException {
        Path f = dir.resolve("feat");
        tenCrop(f.resolve("train/Abuse001_x264_i3d.npy"), 3, 4, 0);
        tenCrop(f.resolve("train/Normal_Videos001_x264_i3d.npy"), 2, 4, 10);
        tenCrop(f.resolve("test/Arson011_x264_i3d.npy"), 100, 4, 20); // 1600 frames
        tenCrop(f.resolve("test/Normal_Videos_003_x264_i3d.npy"), 2, 4, 30);
        Files.writeString(dir.resolve("train.list"), "/home/someone/UCF_Train_ten_crop_i3d/Abuse001_x264_i3d.npy\n"
                + "/home/someone/UCF_Train_ten_crop_i3d/Normal_Videos001_x264_i3d.npy\n");
        Files.writeString(dir.resolve("test.list"), "/home/someone/UCF_Test_ten_crop_i3d/Arson011_x264_i3d.npy\n"
                + "/home/someone/UCF_Test_ten_crop_i3d/Normal_Videos_003_x264_i3d.npy\n");
        Files.writeString(dir.resolve("ann.txt"), "Arson011_x264.mp4  Arson  150  420  680  1267\n"
                + "Normal_Videos_003_x264.mp4  Normal  -1  -1  -1  -1\n");
        return f;
    }

    UcfCrimeImport.Options ucfOptions(Path out, CropPolicy crops) throws IOException {
        return new UcfCrimeImport.Options(ucf(), dir.resolve("train.list"), dir.resolve("test.list"), dir.resolve("ann.txt"),
                out, crops, GroundTruthConvention.SEGMENTS, null, false, "i3d-10crop");
    }

    @Test
    void ucfCrimeTenCropMeanWithAnnotations() throws IOException {
        Path out = dir.resolve("ucf");
        ImportRun.Result r = UcfCrimeImport.run(ucfOptions(out, CropPolicy.MEAN), QUIET);
        assertTrue(r.ok(), r.failures().toString());
        assertEquals(4, r.written());
        Dataset ds = DatasetDirectory.load(out);
        assertEquals(4, ds.info().featureDim());
        Video arson = ds.test().video("Arson011_x264");
        assertEquals(1600, arson.frames());
        assertEquals(List.of(new GroundTruth.Interval(150, 421), new GroundTruth.Interval(680, 1268)),
                GroundTruth.intervals(arson.groundTruth()));
        assertEquals(24.5f, ds.test().segmentsOf(arson).getFloat(0, 0), 1e-5); // mean of 20..29
        assertEquals(VideoLabel.NORMAL, ds.train().video("Normal_Videos001_x264").label());
        assertEquals(VideoLabel.ANOMALOUS, ds.train().video("Abuse001_x264").label());
        assertNull(ds.train().video("Abuse001_x264").groundTruth());
        // ground truth past the T x 16 frames is cut: the normal test video has 32 frames, none anomalous
        assertFalse(ds.test().video("Normal_Videos_003_x264").hasAnomalousFrames());

        // a second run over the same directory skips what is there
        ImportRun.Result again = UcfCrimeImport.run(ucfOptions(out, CropPolicy.MEAN), QUIET);
        assertEquals(4, again.skipped());
    }

    @Test
    void ucfCrimeEachCropIsItsOwnVideo() throws IOException {
        Path out = dir.resolve("ucf-each");
        assertTrue(UcfCrimeImport.run(ucfOptions(out, CropPolicy.EACH), QUIET).ok());
        Dataset ds = DatasetDirectory.load(out);
        assertEquals(20, ds.train().videos().size());
        assertEquals(7f, ds.train().segmentsOf(ds.train().video("Abuse001_x264#7")).getFloat(2, 3));
        assertEquals(1600, ds.test().video("Arson011_x264#9").frames());
    }

    @Test
    void missingAnnotationOrFeatureFileIsNamed() throws IOException {
        ucf();
        Files.writeString(dir.resolve("ann.txt"), "Normal_Videos_003_x264.mp4  Normal  -1  -1  -1  -1\n");
        IOException e = assertThrows(IOException.class, () -> UcfCrimeImport.run(new UcfCrimeImport.Options(dir.resolve("feat"),
                dir.resolve("train.list"), dir.resolve("test.list"), dir.resolve("ann.txt"), dir.resolve("o"), CropPolicy.MEAN,
                GroundTruthConvention.SEGMENTS, null, false, null), QUIET));
        assertTrue(e.getMessage().contains("ann.txt") && e.getMessage().contains("Arson011_x264"), e.getMessage());

        Files.writeString(dir.resolve("ann.txt"), "Arson011_x264.mp4  Arson  150  420  680  1267\n");
        Files.writeString(dir.resolve("train.list"), "Abuse/Abuse999_x264.mp4\n");
        e = assertThrows(IOException.class, () -> UcfCrimeImport.run(new UcfCrimeImport.Options(dir.resolve("feat"),
                dir.resolve("train.list"), dir.resolve("test.list"), dir.resolve("ann.txt"), dir.resolve("o2"), CropPolicy.MEAN,
                GroundTruthConvention.SEGMENTS, null, false, null), QUIET));
        assertTrue(e.getMessage().contains("train.list") && e.getMessage().contains("Abuse999_x264"), e.getMessage());
    }

    @Test
    void oneBrokenFeatureFileDoesNotLoseTheOthers() throws IOException {
        ucf();
        Files.writeString(dir.resolve("feat/train/Abuse001_x264_i3d.npy"), "broken");
        ImportRun.Result r = UcfCrimeImport.run(new UcfCrimeImport.Options(dir.resolve("feat"), dir.resolve("train.list"),
                dir.resolve("test.list"), dir.resolve("ann.txt"), dir.resolve("o"), CropPolicy.MEAN, GroundTruthConvention.SEGMENTS, null, false, null), QUIET);
        assertEquals(3, r.written());
        assertEquals(1, r.failures().size());
        assertTrue(r.failures().get(0).contains("Abuse001_x264_i3d.npy"), r.failures().get(0));
        assertEquals(1, DatasetDirectory.load(dir.resolve("o")).train().videos().size());
    }

    /** ShanghaiTech: masks of real length; the published convention cuts/pads them to T x 16. */
    void shanghai() throws IOException {
        Path f = dir.resolve("sh");
        tenCrop(f.resolve("01_001_i3d.npy"), 2, 3, 0);       // original training video: no mask, normal
        tenCrop(f.resolve("01_0014_i3d.npy"), 2, 3, 0);      // anomalous, moved to training
        tenCrop(f.resolve("01_0015_i3d.npy"), 3, 3, 0);      // anomalous test video: 48 frames of features
        tenCrop(f.resolve("02_0161_i3d.npy"), 2, 3, 0);      // normal test video with an all-zero mask
        Path masks = dir.resolve("test_frame_mask");
        Files.createDirectories(masks);
        boolean[] m14 = new boolean[40];
        m14[5] = true;
        Npy.writeMask(masks.resolve("01_0014.npy"), m14);
        boolean[] m15 = new boolean[50];                     // real length 50 > 48
        Arrays.fill(m15, 40, 50, true);
        Npy.write(masks.resolve("01_0015.npy"), Nd4j.createFromArray(toFloats(m15)));
        Npy.writeMask(masks.resolve("02_0161.npy"), new boolean[30]);
        Files.writeString(dir.resolve("sh-train.list"), "/x/01_0014_i3d.npy\n/x/01_001_i3d.npy\n");
        Files.writeString(dir.resolve("sh-test.list"), "/x/01_0015_i3d.npy\n/x/02_0161_i3d.npy\n");
    }

    static float[] toFloats(boolean[] m) {
        float[] f = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            f[i] = m[i] ? 1 : 0;
        }
        return f;
    }

    @Test
    void shanghaiTechMasksInBothConventions() throws IOException {
        shanghai();
        Path out = dir.resolve("sh-out");
        ImportRun.Result r = ShanghaiTechImport.run(new ShanghaiTechImport.Options(dir.resolve("sh"), dir.resolve("sh-train.list"),
                dir.resolve("sh-test.list"), dir.resolve("test_frame_mask"), out, CropPolicy.MEAN, GroundTruthConvention.SEGMENTS, null), QUIET);
        assertTrue(r.ok(), r.failures().toString());
        Dataset ds = DatasetDirectory.load(out);
        assertEquals(VideoLabel.ANOMALOUS, ds.train().video("01_0014").label());
        assertEquals(VideoLabel.NORMAL, ds.train().video("01_001").label());
        Video v = ds.test().video("01_0015");
        assertEquals(48, v.frames());
        assertEquals(List.of(new GroundTruth.Interval(40, 48)), GroundTruth.intervals(v.groundTruth()));
        assertEquals(VideoLabel.NORMAL, ds.test().video("02_0161").label());
        assertEquals(32, ds.test().video("02_0161").frames());

        Path real = dir.resolve("sh-frames");
        assertTrue(ShanghaiTechImport.run(new ShanghaiTechImport.Options(dir.resolve("sh"), dir.resolve("sh-train.list"),
                dir.resolve("sh-test.list"), dir.resolve("test_frame_mask"), real, CropPolicy.MEAN, GroundTruthConvention.FRAMES, null), QUIET)
                .failures().stream().allMatch(f -> f.contains("01_001")), "only the maskless training video lacks a frame count");
        Dataset frames = DatasetDirectory.load(real);
        assertEquals(50, frames.test().video("01_0015").frames());
        assertEquals(10, GroundTruth.count(frames.test().video("01_0015").groundTruth()));
        assertEquals(GroundTruthConvention.FRAMES, frames.info().groundTruthConvention());
    }

    /** A mask a few frames short of T x 16 is padded with its last frame's label, as the field does, unless asked otherwise. */
    @Test
    void shanghaiTechShortMasksArePaddedWithTheLastLabelAndDatasetJsonSaysSo() throws IOException {
        shanghai();
        boolean[] shortMask = new boolean[45];                // real length 45 < 48, anomalous to its end
        Arrays.fill(shortMask, 40, 45, true);
        Npy.writeMask(dir.resolve("test_frame_mask").resolve("01_0015.npy"), shortMask);
        for (MaskPadding padding : new MaskPadding[] {null, MaskPadding.NORMAL}) {
            Path out = dir.resolve("sh-" + padding);
            assertTrue(ShanghaiTechImport.run(new ShanghaiTechImport.Options(dir.resolve("sh"), dir.resolve("sh-train.list"),
                    dir.resolve("sh-test.list"), dir.resolve("test_frame_mask"), out, CropPolicy.MEAN, GroundTruthConvention.SEGMENTS,
                    null, padding), QUIET).ok());
            Dataset ds = DatasetDirectory.load(out);
            Video v = ds.test().video("01_0015");
            assertEquals(48, v.frames());
            int end = padding == null ? 48 : 45;
            assertEquals(List.of(new GroundTruth.Interval(40, end)), GroundTruth.intervals(v.groundTruth()), "padding " + padding);
            MaskPadding recorded = padding == null ? MaskPadding.LAST : padding;
            assertEquals(recorded, ds.info().maskPadding());
            assertTrue(Files.readString(out.resolve("dataset.json")).contains("\"maskPadding\" : \"" + recorded.id() + "\""));
        }
    }

    @Test
    void featureListsWithAConcatenatedGroundTruth() throws IOException {
        Path f = dir.resolve("lists");
        Files.createDirectories(f);
        Npy.write(f.resolve("a_i3d.npy"), Nd4j.ones(DataType.FLOAT, 2, 3));
        Npy.write(f.resolve("b_i3d.npy"), Nd4j.ones(DataType.FLOAT, 3, 3));
        Npy.write(f.resolve("c_i3d.npy"), Nd4j.ones(DataType.FLOAT, 2, 3));
        Npy.write(f.resolve("d_i3d.npy"), Nd4j.ones(DataType.FLOAT, 1, 3));
        Files.writeString(dir.resolve("train.list"), "a_i3d.npy\nb_i3d.npy\n"); // abnormal first
        Files.writeString(dir.resolve("test.list"), f.resolve("c_i3d.npy") + "\n" + f.resolve("d_i3d.npy") + "\n");
        boolean[] gt = new boolean[2 * 4 + 4];                                     // p = 4: c has 8 frames, d has 4
        gt[6] = gt[7] = true;
        Npy.writeMask(dir.resolve("gt.npy"), gt);
        Path out = dir.resolve("out");
        ImportRun.Result r = FeatureListImport.run(new FeatureListImport.Options(dir.resolve("train.list"), dir.resolve("test.list"), f, out,
                "mine", 4, 25, 1, null, dir.resolve("gt.npy"), null, CropPolicy.MEAN, null), QUIET);
        assertTrue(r.ok(), r.failures().toString());
        Dataset ds = DatasetDirectory.load(out);
        assertEquals(VideoLabel.ANOMALOUS, ds.train().video("a").label());
        assertEquals(VideoLabel.NORMAL, ds.train().video("b").label());
        assertEquals(List.of(new GroundTruth.Interval(6, 8)), GroundTruth.intervals(ds.test().video("c").groundTruth()));
        assertEquals(VideoLabel.ANOMALOUS, ds.test().video("c").label());
        assertEquals(VideoLabel.NORMAL, ds.test().video("d").label());

        Npy.writeMask(dir.resolve("gt.npy"), new boolean[11]);
        IOException e = assertThrows(IOException.class, () -> FeatureListImport.run(new FeatureListImport.Options(dir.resolve("train.list"),
                dir.resolve("test.list"), f, dir.resolve("out2"), "mine", 4, 25, 1, null, dir.resolve("gt.npy"), null, CropPolicy.MEAN, null), QUIET));
        assertTrue(e.getMessage().contains("gt.npy") && e.getMessage().contains("11 frames"), e.getMessage());
    }

    @Test
    void concatenatedFeaturesWithRowRanges() throws IOException {
        INDArray all = Nd4j.createFromArray(new float[][] {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {8, 9}, {10, 11}});
        Npy.write(dir.resolve("all.npy"), all);
        Files.writeString(dir.resolve("index.csv"), "id,split,from,to,label\nv1,train,0,2,normal\nv2,test,2,5,\nv3,test,5,6,\n");
        Files.writeString(dir.resolve("gt.csv"), "id,start,end\nv2,16,20\n");
        Path out = dir.resolve("out");
        ImportRun.Result r = ConcatImport.run(new ConcatImport.Options(dir.resolve("all.npy"), dir.resolve("index.csv"), out, "cat", 16, 30,
                null, dir.resolve("gt.csv"), null), QUIET);
        assertTrue(r.ok(), r.failures().toString());
        Dataset ds = DatasetDirectory.load(out);
        assertArrayEquals(new float[] {4, 6, 8}, ds.test().segmentsOf(ds.test().video("v2")).getColumn(0).toFloatVector());
        assertEquals(48, ds.test().video("v2").frames());
        assertEquals(4, GroundTruth.count(ds.test().video("v2").groundTruth()));
        assertEquals(VideoLabel.ANOMALOUS, ds.test().video("v2").label());
        assertEquals(VideoLabel.NORMAL, ds.train().video("v1").label());

        Files.writeString(dir.resolve("index.csv"), "id,split,from,to\nv1,train,0,9\n");
        IOException e = assertThrows(IOException.class, () -> ConcatImport.run(new ConcatImport.Options(dir.resolve("all.npy"),
                dir.resolve("index.csv"), dir.resolve("o2"), "cat", 16, 30, null, null, null), QUIET));
        assertTrue(e.getMessage().contains("index.csv: line 2"), e.getMessage());
    }
}
