package gcl.c2fpl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Profile;
import gcl.data.FeatureSet;
import gcl.data.VideoLabel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class C2fplTest {
    /**
     * A window of 40 % of a video: longer than the events of {@link Sets#events}, so it can hold an event's
     * arrival and departure. A small classifier without dropout, which learns these few hundred segments in
     * a few hundred steps.
     */
    private static final C2fplConfig SMALL = C2fplConfig.forProfile(Profile.QUICK)
            .with("hidden", List.of(16, 8)).with("dropout", 0).with("batchSize", 16).with("windowShare", 0.4);
    private static final int P = Sets.P;

    /**
     * 10 normal and 10 anomalous videos whose events swell the features over a third of the video: the
     * coarse stage finds the anomalous videos, the windows (a little longer than the events) fall on them,
     * and the classifier scores the events of new videos high.
     */
    @Test
    void endToEndOnVideosWithEvents() {
        FeatureSet train = Sets.events(10, 10, 24, 8, 1);
        C2fplModel m = C2fpl.train(train, SMALL);
        boolean[] truth = new boolean[20];
        Arrays.fill(truth, 10, 20, true);
        assertArrayEquals(truth, m.labels().coarse().anomalous());
        PseudoLabelQuality q = PseudoLabelQuality.of(train, m.labels(), P);
        assertEquals(1.0, q.videoPrecision(), 1e-12);
        assertTrue(q.framePrecision() > 0.7 && q.frameRecall() > 0.8, "windows on the events: " + q);
        FeatureSet test = Sets.events(6, 6, 24, 8, 2);
        double auc = m.frames(test, P).auc();
        assertTrue(auc > 0.75, "test frame AUC " + auc);
        assertEquals(20, m.history().rowCount());
        assertTrue(m.pseudoLabelFit() > 0.75, "fit to its own labels " + m.pseudoLabelFit());
        assertEquals(11, m.summary().rowCount());
    }

    /** Same features, config and seed: the same pseudo-labels and scores; the videos' labels and ground truth are never read. */
    @Test
    void sameSeedSameNumbersAndNoLabelIsRead() {
        FeatureSet train = Sets.events(8, 8, 24, 6, 3);
        C2fplModel a = C2fpl.train(train, SMALL.withSeed(4));
        C2fplModel b = C2fpl.train(Sets.relabelled(train, VideoLabel.UNKNOWN), SMALL.withSeed(4));
        assertArrayEquals(a.labels().fine().labels(), b.labels().fine().labels());
        assertArrayEquals(a.scores(train), b.scores(train), 0f);
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> C2fpl.train(Sets.of(new float[][][] {}), SMALL));
        assertTrue(empty.getMessage().startsWith("C2FPL needs training segments"), empty.getMessage());

        float[][] nan = {{1, 2}, {Float.NaN, 0}};
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> C2fpl.train(Sets.of(new float[][][] {{{1, 2}, {2, 1}}, nan}), SMALL));
        assertTrue(bad.getMessage().startsWith("video v1: segment 1 holds NaN"), bad.getMessage());

        float[][] same = {{1, 2}, {1, 2}, {1, 2}};
        IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
                () -> C2fpl.train(Sets.of(new float[][][] {same, same, same, same}), SMALL));
        assertTrue(flat.getMessage().startsWith("the coarse stage labelled no video anomalous"), flat.getMessage());

        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> C2fpl.train(Sets.of(new float[][][] {{{1, 2}, {2, 1}}}), SMALL));
        assertTrue(one.getMessage().contains("at least two videos"), one.getMessage());

        C2fplModel m = C2fpl.train(Sets.events(4, 4, 12, 6, 5), SMALL.with("epochs", 1));
        assertThrows(IllegalArgumentException.class, () -> m.scores(Sets.events(1, 1, 12, 5, 6)));
    }
}
