package gcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import gcl.data.Annotations;
import gcl.data.DatasetDirectory;
import gcl.data.GroundTruth;
import gcl.data.Split;
import gcl.data.VideoLabel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gcl extract} on the user's own videos: annotations that name videos with their extension,
 * and the field's published forms (a UCF-Crime-format annotation file, RTFM-style lists).
 */
class OwnVideosTest {
    @Test
    void annotationsWithExtensionsAndPublishedFormsReachTheDataset(@TempDir Path dir) throws Exception {
        Path videos = dir.resolve("videos");
        assertEquals(0, Main.run("synth", "videos", "--out", videos.toString(), "--seed", "4", "--count", "3",
                "--segments", "2-2", "--size", "80x60", "--threads", "2"));
        Annotations truth = Annotations.read(videos, false);
        List<String> ids = truth.allIds();

        // the folder's own files naming every video as its file (cam0_0000.avi): nothing dropped
        for (Split split : Split.values()) {
            Path list = Annotations.splitFile(videos, split);
            Files.write(list, Files.readAllLines(list).stream().map(id -> id + ".avi").toList());
        }
        List<String> rows = Files.readAllLines(videos.resolve(Annotations.VIDEOS_CSV));
        Files.write(videos.resolve(Annotations.VIDEOS_CSV), Stream.concat(rows.stream().limit(1),
                rows.stream().skip(1).map(r -> r.replaceFirst(",", ".avi,"))).toList());
        Object[] r = DataCommandsTest.run("extract", "--videos", videos.toString(), "--out", dir.resolve("a").toString(),
                "--threads", "2");
        assertEquals(0, r[0], (String) r[1]);
        assertFalse(((String) r[1]).contains("has no file"), (String) r[1]);
        Annotations got = Annotations.read(dir.resolve("a"), true);
        for (Split split : Split.values()) {
            assertEquals(truth.ids(split), got.ids(split));
        }
        for (String id : ids) {
            assertEquals(truth.video(id).orElseThrow().label(), got.video(id).orElseThrow().label(), id);
        }

        // a UCF-Crime-format annotation file and an RTFM-style training list instead
        String anomalous = ids.get(0);
        String normal = ids.get(1);
        Path ann = dir.resolve("annotations.txt");
        Files.writeString(ann, anomalous + ".mp4  Fighting  4  9  -1  -1\n" + normal + ".mp4  Normal  -1  -1  -1  -1\n");
        Path train = dir.resolve("train.list");
        Files.writeString(train, "/features/" + ids.get(2) + "_i3d.npy\n");
        r = DataCommandsTest.run("extract", "--videos", videos.toString(), "--out", dir.resolve("b").toString(), "--threads", "2",
                "--annotations", ann.toString(), "--train-list", train.toString());
        assertEquals(0, r[0], (String) r[1]);
        var ds = DatasetDirectory.load(dir.resolve("b"));
        assertEquals(List.of(ids.get(2)), ds.train().videos().stream().map(v -> v.id()).toList());
        assertEquals(VideoLabel.ANOMALOUS, ds.test().video(anomalous).label());
        assertEquals(VideoLabel.NORMAL, ds.test().video(normal).label());
        assertEquals(List.of(new GroundTruth.Interval(4, 10)), GroundTruth.intervals(ds.test().video(anomalous).groundTruth()));
    }
}
