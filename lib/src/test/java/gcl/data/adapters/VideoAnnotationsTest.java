package gcl.data.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.data.Annotations;
import gcl.data.GroundTruth;
import gcl.data.Split;
import gcl.data.VideoFolder;
import gcl.data.VideoLabel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's own videos annotated in the field's published forms: UCF-Crime's annotation file and RTFM lists. */
class VideoAnnotationsTest {
    @TempDir
    Path dir;

    @Test
    void idsMatchTheVideoFilesWithOrWithoutExtensionsAndFolders() {
        assertEquals("Abuse001_x264", VideoFolder.videoId("Abuse001_x264"));
        assertEquals("Abuse001_x264", VideoFolder.videoId("Abuse/Abuse001_x264.mp4"));
        assertEquals("Abuse001_x264", VideoFolder.videoId("C:\\videos\\Abuse001_x264.AVI"));
        assertEquals("Abuse001_x264", VideoFolder.videoId("/feats/Abuse001_x264_i3d.npy"));
        assertEquals("clip.v2", VideoFolder.videoId("clip.v2"), "only a video extension is taken off");
    }

    @Test
    void anAnnotationFileAndListsGiveSplitsLabelsAndGroundTruth() throws IOException {
        Path ann = dir.resolve("Temporal_Anomaly_Annotation.txt");
        Files.writeString(ann, "\uFEFFFight01.mp4  Fighting  20  60  100  120\nStreet02.mp4  Normal  -1  -1  -1  -1\n");
        Path train = dir.resolve("train.list");
        Files.writeString(train, "/x/Walk03_i3d.npy\n/x/Walk04_i3d.npy\n");
        Annotations a = VideoAnnotations.read(ann, train, null, false);
        assertEquals(List.of("Walk03", "Walk04"), a.ids(Split.TRAIN));
        assertEquals(List.of("Fight01", "Street02"), a.ids(Split.TEST), "annotated videos on no list are test videos");
        assertEquals(VideoLabel.ANOMALOUS, a.video("Fight01").orElseThrow().label(), "a byte-order mark does not hide the first line");
        assertEquals(VideoLabel.NORMAL, a.video("Street02").orElseThrow().label());
        assertEquals(VideoLabel.UNKNOWN, a.video("Walk03").orElseThrow().label());
        assertEquals(List.of(new GroundTruth.Interval(20, 61), new GroundTruth.Interval(100, 121)), a.intervals("Fight01"));

        Path test = dir.resolve("test.list");
        Files.writeString(test, "Walk03.avi\n");
        IOException e = assertThrows(IOException.class, () -> VideoAnnotations.read(null, train, test, false));
        assertTrue(e.getMessage().contains("test.list") && e.getMessage().contains("Walk03"), e.getMessage());
    }
}
