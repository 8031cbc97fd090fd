package gcl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationsTest {
    @TempDir
    Path dir;

    @Test
    void writtenAnnotationsReadBack() throws IOException {
        Annotations a = new Annotations.Builder()
                .add("n1", Split.TRAIN, 32, VideoLabel.NORMAL, null)
                .add("t1", Split.TEST, 40, VideoLabel.ANOMALOUS, List.of(new GroundTruth.Interval(3, 7), new GroundTruth.Interval(20, 22)))
                .add("t2", Split.TEST, 16, VideoLabel.NORMAL, List.of())
                .build();
        a.write(dir);
        assertEquals("id,frames,label\nn1,32,normal\nt1,40,anomalous\nt2,16,normal\n", Files.readString(dir.resolve("videos.csv")));
        assertEquals("id,start,end\nt1,3,7\nt1,20,22\n", Files.readString(dir.resolve("ground_truth.csv")));
        assertEquals("t1\nt2\n", Files.readString(dir.resolve("splits/test.txt")));
        Annotations back = Annotations.read(dir, true);
        assertEquals(a, back);
        assertEquals(Optional.of(Split.TEST), back.splitOf("t1"));
        assertEquals(new Annotations.Row(40, VideoLabel.ANOMALOUS), back.video("t1").orElseThrow());
        boolean[] mask = back.mask("t1", 8);
        assertArrayEquals(new boolean[] {false, false, false, true, true, true, true, false}, mask);
        assertTrue(back.intervals("t2").isEmpty());
    }

    @Test
    void aFolderWithoutFilesKnowsNothingButADatasetNeedsThem() throws IOException {
        assertTrue(Annotations.read(dir, false).isEmpty());
        IOException e = assertThrows(IOException.class, () -> Annotations.read(dir, true));
        assertTrue(e.getMessage().contains("train.txt") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void splitListsSkipBlankLinesAndComments() throws IOException {
        Files.createDirectories(dir.resolve("splits"));
        Files.writeString(dir.resolve("splits/train.txt"), "# training videos\n a \n\nb\n");
        assertEquals(List.of("a", "b"), Annotations.readSplit(dir, Split.TRAIN));
    }

    @Test
    void aBadRowIsOneMessageNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("videos.csv"), "id,frames,label\na,32,normal\nb,many,normal\n");
        IOException e = assertThrows(IOException.class, () -> Annotations.readVideos(dir));
        assertEquals(dir.resolve("videos.csv") + ": line 3: frames 'many' is not a whole number", e.getMessage());
        Files.writeString(dir.resolve("videos.csv"), "id,frames,label\na,32,weird\n");
        e = assertThrows(IOException.class, () -> Annotations.readVideos(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("videos.csv") + ": line 2: unknown video label 'weird'"), e.getMessage());
        Files.writeString(dir.resolve("ground_truth.csv"), "id,start,end\na,9,3\n");
        e = assertThrows(IOException.class, () -> Annotations.readGroundTruth(dir));
        assertEquals(dir.resolve("ground_truth.csv") + ": line 2: bad frame interval [9, 3)", e.getMessage());
    }

    @Test
    void aVideoFolderKeepsItsNameAndDescription() throws IOException {
        new VideoFolder("clips", true, "Two clips.", 25, new Annotations.Builder()
                .add("c1", Split.TEST, 48, VideoLabel.ANOMALOUS, List.of(new GroundTruth.Interval(10, 20))).build()).write(dir);
        VideoFolder back = VideoFolder.read(dir);
        assertEquals("clips", back.name());
        assertTrue(back.synthetic());
        assertEquals(25.0, back.frameRate(), 0);
        assertEquals(List.of(new GroundTruth.Interval(10, 20)), back.annotations().intervals("c1"));
        assertEquals(new VideoFolder(null, false, "", 0, Annotations.none()), VideoFolder.read(dir.resolve("elsewhere")));
    }
}
