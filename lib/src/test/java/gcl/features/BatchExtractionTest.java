package gcl.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.data.Annotations;
import gcl.data.GroundTruth;
import gcl.data.Split;
import gcl.data.VideoFolder;
import gcl.data.VideoLabel;
import gcl.video.Segmenter;
import gcl.video.TestVideos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchExtractionTest {
    @TempDir
    Path dir;

    private BatchExtraction.Options options(int threads) {
        return BatchExtraction.Options.defaults().withThreads(threads).withProgress(null);
    }

    @Test
    void corruptVideoIsNamedAndSkippedWhileTheOthersAreExtractedThenAResumeSkipsDoneVideos() throws IOException {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        TestVideos.write(videos.resolve("a.avi"), 40, 32, 24, 25);
        TestVideos.write(videos.resolve("b.mp4"), 32, 32, 24, 25);
        TestVideos.write(videos.resolve("c.avi"), 16, 32, 24, 25);
        Files.write(videos.resolve("broken.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 1, 2, 3});
        Files.writeString(videos.resolve("notes.txt"), "not a video, not looked at");
        Path out = dir.resolve("dataset");
        FeatureExtractor extractor = new DefaultExtractor(64, 32, 24);

        BatchExtraction.Result first = BatchExtraction.run(videos, out, extractor, options(2));
        assertFalse(first.ok());
        assertEquals(4, first.videos());
        assertEquals(3, first.extracted());
        assertEquals(1, first.failures().size());
        assertEquals("broken.mp4", first.failures().get(0).file().getFileName().toString());
        assertTrue(first.summary().contains("broken.mp4"), first.summary());
        assertEquals(3 + 2 + 1, first.segments(), "40 frames: 2 whole + 1 padded; 32: 2; 16: 1");
        for (String id : List.of("a", "b", "c")) {
            assertTrue(Files.exists(out.resolve("features").resolve(id + ".npy")), id);
        }
        assertFalse(Files.exists(out.resolve("features").resolve("broken.npy")));
        assertEquals(List.of("id,frames,label", "a,40,unknown", "b,32,unknown", "c,16,unknown"),
                Files.readAllLines(out.resolve("videos.csv")));
        assertEquals(List.of("a", "b", "c"), Files.readAllLines(out.resolve("splits/train.txt")));
        assertTrue(Files.readString(out.resolve("dataset.json")).contains("\"featureDim\" : 64"));
        String npy = Files.readString(out.resolve("features/a.npy"), StandardCharsets.ISO_8859_1);
        assertTrue(npy.contains("'shape': (3, 64)"), "a.npy is [3, 64]");
        long written = Files.getLastModifiedTime(out.resolve("features/a.npy")).toMillis();

        // the broken file is replaced by a good one: only it is extracted
        Files.delete(videos.resolve("broken.mp4"));
        TestVideos.write(videos.resolve("d.avi"), 16, 32, 24, 25);
        BatchExtraction.Result second = BatchExtraction.run(videos, out, extractor, options(1));
        assertTrue(second.ok(), second.summary());
        assertEquals(3, second.skipped());
        assertEquals(1, second.extracted());
        assertEquals(1, second.segments());
        assertEquals(written, Files.getLastModifiedTime(out.resolve("features/a.npy")).toMillis());
        assertEquals(List.of("a", "b", "c", "d"), Files.readAllLines(out.resolve("splits/train.txt")));
        assertEquals(5, Files.readAllLines(out.resolve(BatchExtraction.EXTRACTION_CSV)).size(), "header + 4 videos");

        // features of another extractor would not mix: refused, naming the directory
        IOException mixed = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> BatchExtraction.run(videos, out, new DefaultExtractor(32, 32, 24), options(1)));
        assertTrue(mixed.getMessage().contains("another directory"), mixed.getMessage());
    }

    @Test
    void twoThreadsWriteTheSameBytesAsOneAndLeaveOpenCvsThreadsAsTheyWere() throws IOException {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        for (int v = 0; v < 4; v++) {
            TestVideos.write(videos.resolve("v" + v + ".avi"), 20 + 8 * v, 48, 32, 25);
        }
        int openCvThreads = org.bytedeco.opencv.global.opencv_core.getNumThreads();
        FeatureExtractor extractor = new DefaultExtractor(64, 48, 32);
        BatchExtraction.Result one = BatchExtraction.run(videos, dir.resolve("one"), extractor, options(1));
        BatchExtraction.Result two = BatchExtraction.run(videos, dir.resolve("two"), extractor, options(2));
        assertTrue(one.ok() && two.ok(), one.summary() + "\n" + two.summary());
        for (int v = 0; v < 4; v++) {
            Path file = Path.of("features", "v" + v + ".npy");
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(file)), Files.readAllBytes(dir.resolve("two").resolve(file)),
                    file.toString());
        }
        assertEquals(openCvThreads, org.bytedeco.opencv.global.opencv_core.getNumThreads());
    }

    @Test
    void annotationsBesideTheVideosBecomeSplitsLabelsAndAlignedGroundTruth() throws IOException {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        TestVideos.write(videos.resolve("n1.avi"), 32, 32, 24, 25);
        TestVideos.write(videos.resolve("t1.avi"), 37, 32, 24, 25);
        new VideoFolder("tiny", true, "Two test clips.", 25, new Annotations.Builder()
                .add("n1", Split.TRAIN, 32, VideoLabel.NORMAL, List.of())
                .add("t1", Split.TEST, 37, VideoLabel.ANOMALOUS, List.of(new GroundTruth.Interval(20, 40)))
                .build()).write(videos);
        Path out = dir.resolve("ds");
        BatchExtraction.Options drop = options(1).withSegmenter(new Segmenter(16, Segmenter.LastSegment.DROP));
        BatchExtraction.Result r = BatchExtraction.run(videos, out, new DefaultExtractor(32, 32, 24), drop);
        assertTrue(r.ok(), r.summary());
        assertEquals(List.of("t1"), Files.readAllLines(out.resolve("splits/test.txt")));
        assertEquals(List.of("n1"), Files.readAllLines(out.resolve("splits/train.txt")));
        // dropping the last partial segment counts 2 x 16 = 32 frames and cuts the interval to [20, 32)
        assertTrue(Files.readAllLines(out.resolve("videos.csv")).contains("t1,32,anomalous"));
        assertEquals(List.of("id,start,end", "t1,20,32"), Files.readAllLines(out.resolve("ground_truth.csv")));
        // and the data package reads it back
        gcl.data.Dataset ds = gcl.data.DatasetDirectory.load(out);
        gcl.data.Video t1 = ds.test().video("t1");
        assertEquals(2, t1.segments());
        assertEquals(32, t1.frames());
        assertEquals(gcl.data.VideoLabel.ANOMALOUS, t1.label());
        assertTrue(t1.groundTruth()[20] && t1.groundTruth()[31] && !t1.groundTruth()[19]);
        assertEquals(32, ds.test().dim());
        String json = Files.readString(out.resolve("dataset.json"));
        assertTrue(json.contains("\"name\" : \"tiny\"") && json.contains("\"synthetic\" : true")
                && json.contains("\"groundTruthConvention\" : \"segments\""), json);
    }
}
