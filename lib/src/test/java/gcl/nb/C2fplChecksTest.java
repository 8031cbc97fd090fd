package gcl.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Profile;
import gcl.TinyData;
import gcl.c2fpl.C2fpl;
import gcl.c2fpl.C2fplConfig;
import gcl.c2fpl.C2fplLabels;
import gcl.data.FeatureSet;
import gcl.data.Video;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Lesson 08's exercise checks: a blank answer never passes, the answer the lesson's solution computes
 * does, a wrong one does not; and the recorded C2FPL rows join Table 2's.
 */
class C2fplChecksTest {
    private static final FeatureSet TRAIN = TinyData.dataset().train();
    private static final C2fplConfig CONFIG = C2fplConfig.forProfile(Profile.QUICK);

    @Test
    void theWindowChecksPassTheSolutionOnlyAndNeverABlank() {
        C2fplLabels labels = C2fpl.pseudoLabels(TRAIN, CONFIG);
        Video video = CoarseToFine.firstPseudoAnomalous(TRAIN, labels.coarse());
        int m = video.segments();
        int w = Math.min(m, Math.max(2, (int) Math.floor(CONFIG.windowShare() * m)));
        assertTrue(C2fplChecks.windowLength(TRAIN, labels, video, w).passed());
        assertFalse(C2fplChecks.windowLength(TRAIN, labels, video, -1).passed(), "blank");
        assertFalse(C2fplChecks.windowLength(TRAIN, labels, video, w + 1).passed());

        double ones = 0;
        for (int r = video.firstRow(); r < video.endRow(); r++) {
            ones += labels.fine().labels()[r];
        }
        assertEquals(w, (int) ones, "the window is the video's anomalous segments");
        assertTrue(C2fplChecks.windowShare(TRAIN, labels, video, ones / m).passed());
        assertFalse(C2fplChecks.windowShare(TRAIN, labels, video, Checks.BLANK).passed(), "blank");
        assertFalse(C2fplChecks.windowShare(TRAIN, labels, video, ones / m + 0.01).passed());
    }

    @Test
    void theEtaChecksCompareWithTheCoarseStageRunAtThatEta() {
        int now = C2fpl.pseudoLabels(TRAIN, CONFIG).coarse().anomalousCount();
        int atTenth = C2fpl.pseudoLabels(TRAIN, CONFIG.with("eta", 0.1)).coarse().anomalousCount();
        assertTrue(C2fplChecks.anomalousVideosAt(TRAIN, CONFIG, 0.1, atTenth).passed());
        assertFalse(C2fplChecks.anomalousVideosAt(TRAIN, CONFIG, 0.1, -1).passed(), "blank");
        assertFalse(C2fplChecks.anomalousVideosAt(TRAIN, CONFIG, 0.1, atTenth + 1).passed());

        String right = atTenth < now ? "fewer" : atTenth == now ? "the same" : "more";
        assertTrue(C2fplChecks.etaPrediction(TRAIN, CONFIG, 0.1, right).passed());
        assertFalse(C2fplChecks.etaPrediction(TRAIN, CONFIG, 0.1, "").passed(), "blank");
        String wrong = right.equals("more") ? "fewer" : "more";
        assertFalse(C2fplChecks.etaPrediction(TRAIN, CONFIG, 0.1, wrong).passed());
    }

    /** The recorded C2FPL rows leave GCL's columns empty; they join Table 2's rows with Table 2's column types. */
    @Test
    void recordedC2fplRowsJoinTable2() {
        Table table2 = Recorded.table("table2-synthetic-quick.csv");
        Table both = CoarseToFine.recorded("synthetic-quick");
        List<String> methods = both.stringColumn("method").unique().asList();
        assertTrue(methods.contains("C2FPL") && methods.contains("GCL_PT"), methods.toString());
        assertEquals(table2.columnNames(), both.columnNames());
        for (int c = 0; c < table2.columnCount(); c++) {
            assertEquals(table2.column(c).type(), both.column(c).type(), table2.column(c).name());
        }
        Table c2fpl = both.where(both.stringColumn("method").isEqualTo("C2FPL"));
        assertTrue(c2fpl.rowCount() >= 5);
        assertEquals(c2fpl.rowCount(), c2fpl.column("AUC_D %").countMissing(), "C2FPL has no D");
        assertEquals(ColumnType.DOUBLE, both.column("d_agrees_g_first").type());
    }

    /** The centring reading compares the recorded runs with and without centring against the standard error. */
    @Test
    void centringReadingSaysWhichWayEachRecordedSetMoved() {
        String text = CoarseToFine.centringReading("synthetic-videos-quick", "synthetic-quick", "no-such-set");
        String[] lines = text.split("\n");
        assertEquals(3, lines.length, text);
        assertTrue(lines[0].startsWith("- synthetic-videos-quick: C2FPL ") && lines[0].contains("**higher** with centring"), text);
        assertTrue(lines[1].contains("**lower** with centring"), text);
        assertTrue(lines[2].contains("not recorded"), text);
    }
}
