package gcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.data.Annotations;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.data.Video;
import gcl.data.VideoFolder;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From pixels to a dataset: {@code synth videos} then {@code extract} give a directory that
 * {@code data check} accepts against the synthetic-videos manifest, with ground truth aligned.
 * (That GCL then scores the anomalous frames above chance needs the full default set and about
 * ten minutes; it is a documented CLI check, see {@code gcl.synth.SyntheticVideos}.)
 */
class VideoPipelineTest {
    @Test
    void synthVideosThenExtractGiveADatasetThatDataCheckAccepts(@TempDir Path dir) throws Exception {
        Path videos = dir.resolve("videos");
        Path dataset = dir.resolve("dataset");
        assertEquals(0, Main.run("synth", "videos", "--out", videos.toString(), "--seed", "4", "--count", "4",
                "--segments", "4-4", "--size", "80x60", "--threads", "2"));
        assertEquals(0, Main.run("extract", "--videos", videos.toString(), "--out", dataset.toString(), "--threads", "2"));
        assertEquals(0, Main.run("data", "check", "--manifest", "synthetic-videos", "--dir", dataset.toString()));

        Dataset ds = DatasetDirectory.load(dataset);
        assertTrue(ds.info().synthetic());
        assertEquals(25.0, ds.info().frameRate(), 1e-9);
        assertEquals(2048, ds.test().dim());
        Annotations truth = VideoFolder.read(videos).annotations();
        assertEquals(4, ds.train().videos().size() + ds.test().videos().size());
        for (Video v : ds.test().videos()) {
            assertEquals(4, v.segments());
            assertEquals(64, v.frames());
            boolean[] expected = truth.mask(v.id(), 64);
            assertTrue(Arrays.equals(expected, v.groundTruth()), v.id());
        }
    }
}
