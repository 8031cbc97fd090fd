package gcl.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How fast live scoring is on this machine, on one clip: its real-time factor and the delay from a
 * segment's last frame to its score, measured by two watches of the same clip with the same scorer.
 * <ul>
 *   <li><b>fast</b>: the file decoded as fast as it goes; the real-time factor (seconds of video
 *       scored per second) is how many such streams the machine could keep up with. Its delays
 *       include waiting behind the frames decoded ahead, so they are not a live delay.</li>
 *   <li><b>live</b>: the clip served as a network stream on 127.0.0.1 at its own frame rate
 *       ({@link LoopbackStream}) and watched as a camera would be: the delay is what a live stream
 *       gets, and the load (extraction and scoring time over the segment's length of video) says how
 *       close to falling behind it runs.</li>
 * </ul>
 */
public final class LiveBenchmark {
    /** The CSV header of {@link Row#csv()}. */
    public static final String CSV_HEADER = "size,pass,segments,video_s,wall_s,realtime_factor,extract_ms,score_ms,load,"
            + "delay_median_ms,delay_p95_ms,delay_max_ms";

    /**
     * One watch of the benchmark.
     *
     * @param size   the clip's frame size, WxH
     * @param pass   {@code fast} or {@code live}
     * @param result what the watch did
     */
    public record Row(String size, String pass, WatchResult result) {
        /** The row as CSV. */
        public String csv() {
            WatchResult r = result;
            return String.format(Locale.ROOT, "%s,%s,%d,%.2f,%.2f,%.3f,%.2f,%.3f,%.4f,%.1f,%.1f,%.1f", size, pass, r.segments(),
                    r.videoSeconds(), r.wallSeconds(), r.realTimeFactor(), r.extractMillis(), r.scoreMillis(), r.load(),
                    r.delayMillis(0.5), r.delayMillis(0.95), r.delayMillis(1));
        }

        /** The row as a line of the printed table. */
        public String line() {
            WatchResult r = result;
            return String.format(Locale.ROOT, "%-9s %-5s %8d %8.1f %8.1f %9.2f %10.1f %9.2f %6.1f %% %9.1f %9.1f %9.1f", size, pass,
                    r.segments(), r.videoSeconds(), r.wallSeconds(), r.realTimeFactor(), r.extractMillis(), r.scoreMillis(),
                    100 * r.load(), r.delayMillis(0.5), r.delayMillis(0.95), r.delayMillis(1));
        }
    }

    /** The heading of {@link Row#line()}. */
    public static final String HEADING = String.format(Locale.ROOT, "%-9s %-5s %8s %8s %8s %9s %10s %9s %8s %9s %9s %9s", "size",
            "pass", "segments", "video_s", "wall_s", "realtime", "extract_ms", "score_ms", "load", "delay_med", "delay_p95",
            "delay_max");

    private LiveBenchmark() {
    }

    /**
     * Watches a clip as fast as it decodes, then as a live stream at its own frame rate.
     *
     * @param clip   a video file
     * @param size   its frame size, for the rows
     * @param scorer the scorer to measure
     */
    public static List<Row> run(Path clip, String size, LiveScorer scorer) throws IOException {
        List<Row> rows = new ArrayList<>();
        WatchOptions options = WatchOptions.defaults().withTimeouts(5, 30);
        rows.add(new Row(size, "fast", Watch.of(StreamSource.file(clip), scorer).options(options.withFast(true)).run()));
        try (LoopbackStream stream = LoopbackStream.http(clip)) {
            rows.add(new Row(size, "live", Watch.of(StreamSource.parse(stream.url()), scorer)
                    .options(options.withReconnect(false)).run()));
        }
        return rows;
    }
}
