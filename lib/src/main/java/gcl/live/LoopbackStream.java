package gcl.live;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;
import java.net.InetAddress;

/**
 * A video file played as a live network stream on 127.0.0.1 by the FFmpeg executable that JavaCV
 * bundles (the {@code org.bytedeco:ffmpeg} jar; nothing to install): at its own frame rate
 * ({@code -re}), its video copied as it is into MPEG-TS, so the pictures a watch decodes are the
 * file's own, bit for bit. For the lesson (a rendered clip as a stream), the tests (drops, stalls)
 * and {@code gcl bench live}.
 *
 * <ul>
 *   <li>{@link #http}: FFmpeg serves {@code http://127.0.0.1:PORT/live.ts} to one client, and
 *       starts playing when the client connects;</li>
 *   <li>{@link #udp}: FFmpeg sends to {@code udp://127.0.0.1:PORT}, where the watch listens; it
 *       starts once something listens there.</li>
 * </ul>
 * {@link #stop()} kills the sender (the stream drops), {@link #pause()} freezes it (the stream
 * stalls: the connection stays open and silent), {@link #resume()} lets it go on. Linux only, as
 * the library's native jars.
 */
public final class LoopbackStream implements AutoCloseable {
    private final Process process;
    private final String url;
    private final int port;

    private LoopbackStream(Process process, String url, int port) {
        this.process = process;
        this.url = url;
        this.port = port;
    }

    /** The FFmpeg executable of JavaCV's FFmpeg jar, unpacked on first use into JavaCPP's cache. */
    public static Path ffmpeg() throws IOException {
        try {
            return Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IOException("the FFmpeg executable of JavaCV's ffmpeg jar cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** A TCP port free on 127.0.0.1 now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Serves a video over HTTP on a free port; returns once FFmpeg listens.
     *
     * @throws IOException when the file is missing or FFmpeg does not start listening within 10 s
     */
    public static LoopbackStream http(Path video) throws IOException {
        return http(video, freePort());
    }

    /** Serves a video over HTTP on the given port (e.g. the port of a stream that dropped, to bring it back). */
    public static LoopbackStream http(Path video, int port) throws IOException {
        return http(video, port, false);
    }

    /**
     * Serves a video over HTTP on the given port, played once or, with {@code loop}, over and over
     * like a camera that never ends.
     */
    public static LoopbackStream http(Path video, int port, boolean loop) throws IOException {
        String url = "http://127.0.0.1:" + port + "/live.ts";
        Process p = start(video, loop, List.of("-f", "mpegts", "-listen", "1", url));
        LoopbackStream s = new LoopbackStream(p, url, port);
        s.awaitServing(10);
        return s;
    }

    /** The URL of a UDP stream on a port, for the watch to listen on before {@link #udp} sends to it. */
    public static String udpUrl(int port) {
        return "udp://127.0.0.1:" + port;
    }

    /**
     * Sends a video over UDP to a port once a receiver listens there (within {@code waitSeconds}).
     *
     * @throws IOException when nothing listens on the port in time, or FFmpeg cannot start
     */
    public static LoopbackStream udp(Path video, int port, double waitSeconds) throws IOException {
        if (!bound("/proc/net/udp", port, null, waitSeconds)) {
            throw new IOException("nothing listens on UDP port " + port + " after " + waitSeconds + " s");
        }
        String url = udpUrl(port);
        Process p = start(video, false, List.of("-f", "mpegts", url + "?pkt_size=1316"));
        return new LoopbackStream(p, url, port);
    }

    private static Process start(Path video, boolean loop, List<String> output) throws IOException {
        if (!Files.isRegularFile(video)) {
            throw new IOException("cannot stream " + video + ": no such file");
        }
        List<String> cmd = new ArrayList<>(List.of(ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-nostdin", "-re"));
        if (loop) {
            cmd.addAll(List.of("-stream_loop", "-1"));
        }
        cmd.addAll(List.of("-i", video.toString(), "-map", "0:v:0", "-c", "copy"));
        cmd.addAll(output);
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * Waits until FFmpeg serves its port: it listens there, or a client is already connected (a
     * client that was waiting for the port may connect between two looks), or it has already sent
     * the whole video to one and ended well.
     */
    private void awaitServing(double seconds) throws IOException {
        long deadline = System.nanoTime() + Math.round(seconds * 1e9);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                if (process.exitValue() == 0) {
                    return;
                }
                throw new IOException("FFmpeg stopped before it served " + url + " (exit code " + process.exitValue() + ")");
            }
            if (bound("/proc/net/tcp", port, LISTEN, 0) || bound("/proc/net/tcp", port, ESTABLISHED, 0)) {
                return;
            }
            sleep(20);
        }
        close();
        throw new IOException("FFmpeg did not start serving " + url + " within " + seconds + " s");
    }

    /** The TCP states of /proc/net/tcp that {@link #bound} looks for. */
    private static final String LISTEN = "0A";
    private static final String ESTABLISHED = "01";

    /**
     * Whether a socket on 127.0.0.1 (or any address) has this local port, as {@code /proc/net/tcp}
     * or {@code /proc/net/udp} lists it, in the given TCP state ({@code null}: any), waiting up to
     * {@code seconds} for it.
     */
    static boolean bound(String table, int port, String state, double seconds) throws IOException {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        long deadline = System.nanoTime() + Math.round(seconds * 1e9);
        do {
            for (String t : List.of(table, table + "6")) {
                Path file = Path.of(t);
                if (!Files.isReadable(file)) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[1].endsWith(hexPort) && (state == null || f[3].equals(state))) {
                        return true;
                    }
                }
            }
            if (seconds > 0) {
                sleep(20);
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for FFmpeg", e);
        }
    }

    /** The stream's URL, for {@code --source}. */
    public String url() {
        return url;
    }

    /** Its port. */
    public int port() {
        return port;
    }

    /** Whether FFmpeg is still sending. */
    public boolean alive() {
        return process.isAlive();
    }

    /** Waits up to {@code seconds} for the whole file to be sent; true when FFmpeg finished. */
    public boolean waitForEnd(double seconds) throws InterruptedException {
        return process.waitFor(Math.round(seconds * 1000), TimeUnit.MILLISECONDS);
    }

    /** Freezes the sender: the stream stays open and goes silent (SIGSTOP). */
    public void pause() throws IOException {
        signal("STOP");
    }

    /** Lets a paused sender go on (SIGCONT). */
    public void resume() throws IOException {
        signal("CONT");
    }

    private void signal(String name) throws IOException {
        try {
            int rc = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
            if (rc != 0) {
                throw new IOException("kill -" + name + " " + process.pid() + " failed (exit code " + rc + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling FFmpeg", e);
        }
    }

    /** Kills the sender at once: the stream drops. */
    public void stop() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                resume();
            } catch (IOException e) {
                // it is killed next anyway
            }
            stop();
        }
    }

    @Override
    public String toString() {
        return "LoopbackStream[" + url + (process.isAlive() ? "" : ", ended") + "]";
    }
}
