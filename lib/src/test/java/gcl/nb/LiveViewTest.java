package gcl.nb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.live.AlertRule;
import gcl.live.AlertTracker;
import gcl.live.SegmentScore;
import gcl.live.WatchResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Outside a kernel the view collects what the watch reports, and its tables and chart are computed from it. */
class LiveViewTest {
    private static SegmentScore row(int i, float score, AlertTracker.State state) {
        return new SegmentScore(i, 16L * i, 0.64 * i, 16, 160, 120, score, score, state, 5, 0, Instant.now(), "");
    }

    @Test
    void collectsComparesAndDraws() {
        LiveView view = LiveView.open("test", AlertRule.of(1, 0.8, 0.5, 0), 0.64);
        view.segment(row(0, 0.25f, AlertTracker.State.NORMAL));
        view.segment(row(1, 0.9f, AlertTracker.State.ALERT));
        assertArrayEquals(new float[] {0.25f, 0.9f}, view.scores());
        Table compared = view.compare(new double[] {0.25, 0.8});
        assertEquals(0.1, compared.doubleColumn("|difference|").max(), 1e-6);
        assertEquals(2, view.table().rowCount());
        assertTrue(view.chart().getSeriesMap().containsKey(gcl.viz.LiveCharts.ALERT));
    }

    @Test
    void noAlertIsSaidInWords() {
        WatchResult none = new WatchResult("x", WatchResult.Ending.END, "end of file", 0, 0, 0, new double[0], 0, 0, 0.64, List.of(),
                List.of(), 0, null);
        assertTrue(LiveView.alerts(none).toString().contains("No alert"));
    }
}
