package gcl.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.data.Dataset;
import gcl.data.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.UncheckedIOException;

/**
 * Watches of real streams: clips served on 127.0.0.1 by the FFmpeg that JavaCV bundles
 * ({@link LoopbackStream}), dropped, frozen and changed in size mid-way.
 */
class WatchTest {
    @TempDir
    Path tmp;

    private static WatchOptions quickOptions() {
        return WatchOptions.defaults().withTimeouts(1, 3).withBackoff(0.2, 0.5);
    }

    /** Runs a watch on another thread. */
    private static CompletableFuture<WatchResult> inBackground(Watch watch) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return watch.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Waits (up to 20 s) until a watch has scored its first segment. */
    private static void awaitFirstSegment(LiveFixture.Recorder rec) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (rec.count() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static int segmentsOf(Path clip, Dataset data) {
        String id = clip.getFileName().toString().replace(".avi", "");
        for (List<Video> split : List.of(data.train().videos(), data.test().videos())) {
            for (Video v : split) {
                if (v.id().equals(id)) {
                    return v.segments();
                }
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** A UDP stream: the watch listens, FFmpeg sends once it does; every segment of the clip is scored, as from the file. */
    @Test
    void aUdpStreamIsScoredEndToEnd() throws Exception {
        LiveFixture fx = LiveFixture.get();
        Path clip = fx.testClip(0);
        LiveScorer scorer = fx.scorer(fx.runNone);
        LiveFixture.Recorder fromFile = new LiveFixture.Recorder();
        Watch.of(StreamSource.file(clip), scorer).options(quickOptions().withFast(true)).listener(fromFile).run();

        int port = LoopbackStream.freePort();
        LiveFixture.Recorder fromUdp = new LiveFixture.Recorder();
        Watch watch = Watch.of(StreamSource.parse(LoopbackStream.udpUrl(port)), scorer)
                .options(quickOptions().withReconnect(false).withTimeouts(3, 8)).listener(fromUdp);
        CompletableFuture<WatchResult> running = inBackground(watch);
        try (LoopbackStream sender = LoopbackStream.udp(clip, port, 10)) {
            WatchResult r = running.get(30, TimeUnit.SECONDS);
            assertEquals(WatchResult.Ending.END, r.ending(), r.summary());
            assertEquals(segmentsOf(clip, fx.data()), r.segments(), r.summary());
            float[] a = fromFile.scores();
            float[] b = fromUdp.scores();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-6, "segment " + i);
            }
            assertTrue(r.delayMillis(0.5) >= 0 && r.realTimeFactor() > 0.3 && r.realTimeFactor() < 3, r.summary());
            assertTrue(sender.waitForEnd(10), "the sender sent the whole clip");
        }
    }

    /** The sender is killed mid-way and comes back on the same port: the gap is recorded and scoring goes on. */
    @Test
    void aStreamThatDropsIsReopenedAndTheGapRecorded() throws Exception {
        LiveFixture fx = LiveFixture.get();
        Path first = fx.trainClip(0);
        Path second = fx.trainClip(1);
        Path csv = tmp.resolve("drop.csv");
        LiveFixture.Recorder rec = new LiveFixture.Recorder();
        LoopbackStream a = LoopbackStream.http(first);
        Watch watch = Watch.of(StreamSource.parse(a.url()), fx.scorer(fx.runNone)).options(quickOptions()).csv(csv).listener(rec);
        CompletableFuture<WatchResult> running = inBackground(watch);
        awaitFirstSegment(rec);
        a.stop();
        Thread.sleep(800);
        try (LoopbackStream b = LoopbackStream.http(second, a.port())) {
            WatchResult r = running.get(40, TimeUnit.SECONDS);
            // the second clip ends, the reconnection attempts find nothing, and the watch ends as stalled
            assertEquals(WatchResult.Ending.STALLED, r.ending(), r.summary());
            assertFalse(r.gaps().isEmpty(), r.summary());
            Gap gap = r.gaps().get(0);
            assertTrue(gap.seconds() >= 0.7 && gap.attempts() >= 1, gap.toString());
            assertTrue(r.segments() >= 1 + segmentsOf(second, fx.data()), r.summary());
            List<String> lines = Files.readAllLines(csv);
            assertEquals(r.segments() + 1, lines.size());
            assertTrue(lines.stream().anyMatch(l -> l.contains("reconnected after")), String.join("\n", lines));
            assertTrue(rec.events.stream().anyMatch(e -> e.kind() == WatchEvent.Kind.DROPPED));
            assertTrue(b.waitForEnd(5), "the second sender played its whole clip");
        }
    }

    /** A sender frozen mid-way leaves a silent open connection: the watch ends as stalled, naming the source. */
    @Test
    void aStreamThatStallsEndsWithAClearMessage() throws Exception {
        LiveFixture fx = LiveFixture.get();
        LiveFixture.Recorder rec = new LiveFixture.Recorder();
        try (LoopbackStream s = LoopbackStream.http(fx.trainClip(2))) {
            Watch watch = Watch.of(StreamSource.parse(s.url()), fx.scorer(fx.runNone)).options(quickOptions()).listener(rec);
            CompletableFuture<WatchResult> running = inBackground(watch);
            awaitFirstSegment(rec);
            s.pause();
            long paused = System.nanoTime();
            WatchResult r = running.get(30, TimeUnit.SECONDS);
            double waited = (System.nanoTime() - paused) / 1e9;
            assertEquals(WatchResult.Ending.STALLED, r.ending(), r.summary());
            assertTrue(r.message().startsWith("no frame from " + s.url() + " for 3 s"), r.message());
            assertTrue(waited > 2 && waited < 15, "stopped " + waited + " s after the stall");
            assertTrue(r.segments() >= 1);
        }
    }

    /** The frame size changes inside a stream (two clips of other sizes back to back in one MPEG-TS file). */
    @Test
    void aResolutionChangeIsRecordedAndBothSizesScored() throws Exception {
        LiveFixture fx = LiveFixture.get();
        Path small = fx.trainClip(0);
        Path big = tmp.resolve("big.avi");
        gcl.synth.SyntheticVideos.render(tmp.resolve("big"), new gcl.Seeds(9),
                new gcl.synth.SyntheticVideos.Config(2, 160, 120, 25, 2, 2, 1, 0.5, 0.5, 1), null);
        try (var files = Files.list(tmp.resolve("big"))) {
            Files.copy(files.filter(p -> p.toString().endsWith(".avi")).sorted().findFirst().orElseThrow(), big);
        }
        Path joined = tmp.resolve("joined.ts");
        try (var out = Files.newOutputStream(joined)) {
            for (Path clip : List.of(small, big)) {
                Path ts = tmp.resolve(clip.getFileName() + ".ts");
                Process p = new ProcessBuilder(LoopbackStream.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-nostdin",
                        "-i", clip.toString(), "-c", "copy", "-f", "mpegts", ts.toString()).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                assertEquals(0, p.waitFor());
                Files.copy(ts, out);
            }
        }
        LiveFixture.Recorder rec = new LiveFixture.Recorder();
        WatchResult r = Watch.of(StreamSource.file(joined), fx.scorer(fx.runNone)).options(quickOptions().withFast(true))
                .listener(rec).run();
        assertEquals(WatchResult.Ending.END, r.ending(), r.summary());
        assertEquals(1, r.resolutionChanges(), r.summary());
        assertEquals(segmentsOf(small, fx.data()) + 2, r.segments(), r.summary());
        SegmentScore last = rec.segments.get(rec.segments.size() - 1);
        assertEquals(160, last.width());
        assertEquals(80, rec.segments.get(0).width());
        assertTrue(rec.segments.stream().anyMatch(s -> s.event().contains("frame size changed from 80x60 to 160x120")));
    }

    /** stop() from another thread ends the watch after the segment in hand, with everything scored so far kept. */
    @Test
    void stopEndsCleanly() throws Exception {
        LiveFixture fx = LiveFixture.get();
        Path csv = tmp.resolve("stop.csv");
        LiveFixture.Recorder rec = new LiveFixture.Recorder();
        Watch watch = Watch.of(StreamSource.file(fx.trainClip(1)), fx.scorer(fx.runStreaming)).options(quickOptions())
                .csv(csv).listener(rec);
        CompletableFuture<WatchResult> running = inBackground(watch);
        awaitFirstSegment(rec);
        watch.stop();
        WatchResult r = running.get(10, TimeUnit.SECONDS);
        assertEquals(WatchResult.Ending.STOPPED, r.ending());
        assertTrue(r.segments() < segmentsOf(fx.trainClip(1), fx.data()), "stopped before the clip's end (played in real time)");
        assertEquals(r.segments() + 1, Files.readAllLines(csv).size());
    }
}
