package gcl.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * What {@code gcl watch --source SOURCE} names, and how FFmpeg (JavaCV's {@link FFmpegFrameGrabber})
 * opens it:
 * <ul>
 *   <li>a <b>file</b> (any format FFmpeg reads), played at its own frame rate or as fast as it decodes;</li>
 *   <li>a <b>network stream</b>: {@code rtsp://} (over TCP: UDP through a firewall or NAT loses
 *       packets and frames), {@code http://}, {@code https://}, {@code udp://}, {@code tcp://},
 *       {@code rtmp://}, {@code srt://}; every read gives up after the read timeout, so a stream
 *       that goes silent ends the read instead of hanging it;</li>
 *   <li>a <b>camera</b>: a Video4Linux2 device, {@code /dev/video0}, or {@code camera:0} for the same.</li>
 * </ul>
 *
 * @param text   what the user gave
 * @param kind   file, network stream or camera
 * @param target what FFmpeg opens: the file's path, the URL, the device
 * @param format FFmpeg's input format ({@code video4linux2} for a camera), or null to let FFmpeg probe
 */
public record StreamSource(String text, Kind kind, String target, String format) {
    /** What kind of source. */
    public enum Kind {
        /** A video file: it ends. */
        FILE,
        /** A network stream: it may drop and come back. */
        NETWORK,
        /** A local camera device. */
        CAMERA
    }

    /** How long FFmpeg probes a live source before it starts (microseconds): a short probe starts the watch sooner. */
    static final long PROBE_MICROSECONDS = 500_000;

    static {
        // our messages name the source; FFmpeg's own log lines would repeat them, noisily
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    private static final Pattern URL = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://.+");
    private static final Pattern CAMERA = Pattern.compile("camera:(\\d{1,3})");

    public StreamSource {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }

    /**
     * Reads a source as the user wrote it.
     *
     * @throws IllegalArgumentException for a URL scheme FFmpeg cannot stream from, naming it
     */
    public static StreamSource parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no source given: a video file, a stream URL (rtsp://, http://, udp://) or a camera (/dev/video0)");
        }
        Matcher url = URL.matcher(s);
        if (url.matches()) {
            String scheme = url.group(1).toLowerCase(Locale.ROOT);
            return switch (scheme) {
                case "rtsp", "rtsps", "http", "https", "udp", "tcp", "rtmp", "rtmps", "srt", "rtp" ->
                        new StreamSource(s, Kind.NETWORK, s, null);
                case "file" -> new StreamSource(s, Kind.FILE, Path.of(URI.create(s)).toString(), null);
                default -> throw new IllegalArgumentException("source " + s + ": FFmpeg does not stream from '" + scheme
                        + "://'; use rtsp://, http://, https://, udp://, tcp://, rtmp://, srt://, a file or a camera");
            };
        }
        Matcher camera = CAMERA.matcher(s);
        if (camera.matches()) {
            return new StreamSource(s, Kind.CAMERA, "/dev/video" + Integer.parseInt(camera.group(1)), "video4linux2");
        }
        if (s.startsWith("/dev/video")) {
            return new StreamSource(s, Kind.CAMERA, s, "video4linux2");
        }
        return new StreamSource(s, Kind.FILE, s, null);
    }

    /** A video file as a source. */
    public static StreamSource file(Path file) {
        return new StreamSource(file.toString(), Kind.FILE, file.toString(), null);
    }

    /** Whether it is a live source (a network stream or a camera): one that can drop and come back. */
    public boolean live() {
        return kind != Kind.FILE;
    }

    /** The URL scheme of a network stream ({@code rtsp}, {@code udp}, ...), else "". */
    public String scheme() {
        if (kind != Kind.NETWORK) {
            return "";
        }
        return target.substring(0, target.indexOf("://")).toLowerCase(Locale.ROOT);
    }

    /**
     * The FFmpeg options this source is opened with: for a network stream, RTSP over TCP and the read
     * timeout ({@code rw_timeout}, and the protocol's own {@code timeout} for RTSP and UDP), and a
     * short probe; nothing for a file or a camera.
     *
     * @param readTimeoutSeconds how long one read may wait for data
     */
    public Map<String, String> options(double readTimeoutSeconds) {
        Map<String, String> o = new LinkedHashMap<>();
        if (kind != Kind.NETWORK) {
            return o;
        }
        String micros = Long.toString(Math.max(1, Math.round(readTimeoutSeconds * 1e6)));
        o.put("rw_timeout", micros);
        switch (scheme()) {
            case "rtsp", "rtsps" -> {
                o.put("rtsp_transport", "tcp");
                o.put("timeout", micros);
            }
            case "udp", "rtp" -> o.put("timeout", micros);
            default -> {
                // http, tcp, rtmp, srt: rw_timeout covers their reads
            }
        }
        o.put("analyzeduration", Long.toString(PROBE_MICROSECONDS));
        return o;
    }

    /**
     * Opens the source with FFmpeg and starts decoding.
     *
     * @param readTimeoutSeconds how long one read of a network stream may wait for data
     * @return a started grabber (pictures as packed BGR, the library's {@code VideoFrame} layout)
     * @throws IOException naming the source and what went wrong: no such file or device, a refused
     *                     connection, nothing received within the timeout, no video stream
     */
    public FFmpegFrameGrabber open(double readTimeoutSeconds) throws IOException {
        if (kind == Kind.FILE && !Files.isRegularFile(Path.of(target))) {
            throw new IOException("cannot open " + text + ": no such file");
        }
        if (kind == Kind.CAMERA && !Files.exists(Path.of(target))) {
            throw new IOException("cannot open camera " + text + ": no such device " + target);
        }
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(target);
        if (format != null) {
            g.setFormat(format);
        }
        options(readTimeoutSeconds).forEach(g::setOption);
        try {
            g.start();
        } catch (FFmpegFrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);
            String listener = scheme().equals("udp") || scheme().equals("rtp")
                    ? String.format(Locale.ROOT, " (nothing came within %.3g s: a UDP source waits that long for its sender,"
                            + " the read timeout)", readTimeoutSeconds) : "";
            throw new IOException("cannot open " + text + ": " + describe(e) + listener, e);
        }
        if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            closeQuietly(g);
            throw new IOException("cannot open " + text + ": it has no video stream");
        }
        return g;
    }

    static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (Exception e) {
            // a half-opened grabber may fail to close; nothing is left to release
        }
    }

    /** FFmpeg's reason in words, without JavaCV's hints for its own developers. */
    static String describe(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        Matcher code = Pattern.compile("avformat_open_input\\(\\) error (-?\\d+)").matcher(m);
        if (code.find()) {
            return reason(Integer.parseInt(code.group(1)));
        }
        if (m.contains("avformat_find_stream_info")) {
            return "FFmpeg found no stream it can decode in it";
        }
        int hint = m.indexOf(" (Has setFormat()");
        if (hint < 0) {
            hint = m.indexOf(" (For more details");
        }
        return (hint > 0 ? m.substring(0, hint) : m).strip();
    }

    /** An FFmpeg error code in words (connection refused, timed out, ...). */
    static String reason(int error) {
        byte[] buf = new byte[256];
        avutil.av_strerror(error, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        String s = new String(buf, 0, n, StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? "FFmpeg error " + error : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    @Override
    public String toString() {
        return text;
    }
}
