package gcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.data.Video;
import gcl.live.LiveFixture;
import gcl.live.LiveScorer;
import gcl.live.LoopbackStream;
import gcl.train.GclModel;
import gcl.train.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gcl watch} end to end: the scores of a file and of a loopback network stream against
 * {@code gcl score} on the same clip's features, the centrings, bad sources, Ctrl-C and a killed process.
 */
class WatchCommandTest {
    @TempDir
    Path tmp;

    /** The {@code score} column of {@code gcl score}'s CSV for one video, in segment order. */
    private static List<Double> gclScore(Path csv, String video) throws IOException {
        List<Double> s = new ArrayList<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",");
            if (f[0].equals(video)) {
                s.add(Double.parseDouble(f[3]));
            }
        }
        return s;
    }

    /** The {@code score} column of {@code gcl watch}'s CSV. */
    private static List<Double> watchScores(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("time,segment,first_frame,video_s,frames,width,height,score,smoothed,state,delay_ms,gap_s,event", lines.get(0));
        List<Double> s = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            s.add(Double.parseDouble(line.split(",")[7]));
        }
        return s;
    }

    private static double maxDifference(List<Double> a, List<Double> b) {
        assertEquals(a.size(), b.size(), "segments");
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            max = Math.max(max, Math.abs(a.get(i) - b.get(i)));
        }
        return max;
    }

    private Path watch(Path run, String source, String... more) {
        Path csv = tmp.resolve("watch-" + System.nanoTime() + ".csv");
        List<String> args = new ArrayList<>(List.of("watch", "--run", run.toString(), "--data", LiveFixture.get().dataset.toString(),
                "--source", source, "--out", csv.toString(), "--quiet", "--read-timeout", "1", "--stall-timeout", "5"));
        args.addAll(List.of(more));
        Object[] r = DataCommandsTest.run(args.toArray(String[]::new));
        assertEquals(0, r[0], (String) r[1]);
        return csv;
    }

    /** The "done when": a file and a loopback HTTP stream give gcl score's numbers (a run without centring). */
    @Test
    void aFileAndALoopbackStreamScoreAsGclScore() throws Exception {
        LiveFixture fx = LiveFixture.get();
        Path scores = tmp.resolve("score.csv");
        assertEquals(0, Main.run("score", "--run", fx.runNone.toString(), "--data", fx.dataset.toString(), "--out", scores.toString()));
        Path clip = fx.testClip(0);
        List<Double> offline = gclScore(scores, fx.data().test().videos().get(0).id());
        assertFalse(offline.isEmpty());
        assertTrue(maxDifference(offline, watchScores(watch(fx.runNone, clip.toString(), "--fast"))) < 1e-6);
        try (LoopbackStream stream = LoopbackStream.http(clip)) {
            assertTrue(maxDifference(offline, watchScores(watch(fx.runNone, stream.url(), "--no-reconnect"))) < 1e-6);
        }
    }

    /**
     * A run trained with streaming centring: live equals gcl score. A run trained with median
     * centring: live is the streaming centring of the same clip (a stream has no end to take the
     * median of), as {@link LiveScorer#streamingScores} computes it from the dataset; its difference
     * from gcl score's offline median is printed.
     */
    @Test
    void centringAsTheRunWasTrained() throws Exception {
        LiveFixture fx = LiveFixture.get();
        Video video = fx.data().test().videos().get(1);
        Path clip = fx.videos.resolve(video.id() + ".avi");
        Path scores = tmp.resolve("streaming.csv");
        assertEquals(0, Main.run("score", "--run", fx.runStreaming.toString(), "--data", fx.dataset.toString(), "--out",
                scores.toString()));
        assertTrue(maxDifference(gclScore(scores, video.id()), watchScores(watch(fx.runStreaming, clip.toString(), "--fast"))) < 1e-5);

        Path median = tmp.resolve("median.csv");
        assertEquals(0, Main.run("score", "--run", fx.runMedian.toString(), "--data", fx.dataset.toString(), "--out", median.toString()));
        List<Double> live = watchScores(watch(fx.runMedian, clip.toString(), "--fast"));
        GclModel model = new RunDirectory(fx.runMedian).loadModel();
        float[] streamed = LiveScorer.streamingScores(model, fx.data().test());
        for (int i = 0; i < video.segments(); i++) {
            assertEquals(streamed[video.firstRow() + i], live.get(i), 1e-5, "segment " + i);
        }
        System.out.println(String.format(Locale.ROOT, "median-centred run, live (streaming median) vs gcl score (offline median):"
                + " max |difference| %.4g over %d segments", maxDifference(gclScore(median, video.id()), live), live.size()));
    }

    /** One line naming the source, exit code 1, no stack trace. */
    @Test
    void aSourceThatDoesNotExistIsOneClearLine() throws Exception {
        LiveFixture fx = LiveFixture.get();
        int closedPort = LoopbackStream.freePort();
        String[][] cases = {
            {tmp.resolve("no-such-clip.mp4").toString(), "cannot open " + tmp.resolve("no-such-clip.mp4") + ": no such file"},
            {"http://127.0.0.1:" + closedPort + "/live.ts", "cannot open http://127.0.0.1:" + closedPort + "/live.ts: connection refused"},
            {"camera:97", "cannot open camera camera:97: no such device /dev/video97"},
            {"gopher://host/x", "FFmpeg does not stream from 'gopher://'"},
        };
        for (String[] c : cases) {
            Object[] r = DataCommandsTest.run("watch", "--run", fx.runNone.toString(), "--data", fx.dataset.toString(), "--source", c[0],
                    "--out", tmp.resolve("x.csv").toString());
            String out = ((String) r[1]).strip();
            assertEquals(1, r[0], out);
            assertFalse(out.contains("Exception") || out.contains("\tat "), out);
            String last = out.lines().reduce((a, b) -> b).orElse("");
            assertTrue(last.startsWith("gcl watch: ") && last.contains(c[1]), last);
        }
    }

    @Test
    void aDatasetOtherThanTheRunsIsRefused() throws Exception {
        LiveFixture fx = LiveFixture.get();
        Path other = TinyData.write(tmp.resolve("other"));
        Object[] r = DataCommandsTest.run("watch", "--run", fx.runNone.toString(), "--data", other.toString(), "--source",
                fx.testClip(0).toString());
        assertEquals(1, r[0]);
        assertTrue(((String) r[1]).contains("give the dataset it was trained on"), (String) r[1]);
    }

    /**
     * A real process: Ctrl-C (SIGINT) stops it with the summary and every scored segment in the CSV;
     * a killed one (SIGKILL) leaves only whole lines, and the next watch appends after them.
     */
    @Test
    void ctrlCStopsCleanlyAndAKilledProcessLeavesWholeLines() throws Exception {
        Path clip = LiveFixture.get().trainClip(3);
        Path csv = tmp.resolve("killed.csv");
        int rows;
        try (LoopbackStream endless = LoopbackStream.http(clip, LoopbackStream.freePort(), true)) {
            Process p = start(endless.url(), csv);
            awaitRows(csv, 1, p);
            // Ctrl-C is SIGINT; a process started in the background by a shell without job control
            // (and so this test's children) ignores SIGINT, so there the same shutdown is asked for
            // with SIGTERM, which runs the same hook
            boolean interruptible = !sigintIgnored();
            signal(p, interruptible ? "INT" : "TERM");
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(interruptible ? 130 : 143, p.exitValue(), out);
            assertTrue(out.contains(": stopped (stopped)"), out);
            rows = checkWholeLines(csv);
            assertTrue(rows >= 1);
        }
        try (LoopbackStream endless = LoopbackStream.http(clip, LoopbackStream.freePort(), true)) {
            Process q = start(endless.url(), csv);
            awaitRows(csv, rows + 1, q);
            signal(q, "KILL");
            assertTrue(q.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(checkWholeLines(csv) > rows, "the second watch appended to the first one's CSV");
    }

    private static Process start(String source, Path csv) throws IOException {
        LiveFixture fx = LiveFixture.get();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder b = new ProcessBuilder(java, "-Xmx1g", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "gcl.cli.Main", "watch", "--run", fx.runNone.toString(), "--data", fx.dataset.toString(), "--source", source,
                "--out", csv.toString(), "--quiet").redirectErrorStream(true);
        b.environment().put("OMP_NUM_THREADS", "1");
        return b.start();
    }

    /** Waits until the CSV has more than {@code rows} lines (a process starting on two busy cores may take a minute). */
    private static void awaitRows(Path csv, int rows, Process p) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(csv) && Files.readAllLines(csv).size() > rows) {
                return;
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("no " + rows + " rows in " + csv + "; the process said:\n"
                + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Whether this process ignores SIGINT (its children inherit that): bit 2 of SigIgn in /proc/self/status. */
    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 2L) != 0;
            }
        }
        return false;
    }

    private static void signal(Process p, String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor());
    }

    /** Asserts that the CSV ends with a newline and that every row has all its columns; returns the rows. */
    private static int checkWholeLines(Path csv) throws IOException {
        String text = Files.readString(csv);
        assertTrue(text.endsWith("\n"), "ends with a whole line");
        List<String> lines = text.lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 12);
            assertEquals(12, f.length, line);
            Double.parseDouble(f[7]);
            Double.parseDouble(f[11].split(",")[0]);
        }
        return lines.size() - 1;
    }
}
