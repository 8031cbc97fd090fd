package gcl.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Reads the frames of a video file with FFmpeg (JavaCV's {@link FFmpegFrameGrabber}): any format
 * FFmpeg decodes (mp4, avi, mkv, mov, webm, ...), optionally resampled to another frame rate and
 * size (see {@link ReadOptions}).
 *
 * <pre>{@code
 * try (VideoReader reader = VideoReader.open(path, ReadOptions.original().withFps(25))) {
 *     for (VideoFrame f; (f = reader.next()) != null; ) { ... }
 *     VideoInfo info = reader.info();   // frames counted while decoding, fps, size
 * }
 * }</pre>
 *
 * <p>One reader belongs to one thread; open one per video. The first use loads FFmpeg's native
 * libraries, which takes a second or two.
 */
public final class VideoReader implements AutoCloseable {
    static {
        // Our own messages name the file; FFmpeg's log lines would only repeat them, noisily.
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    private final Path file;
    private final ReadOptions options;
    private final FFmpegFrameGrabber grabber;
    private final double sourceFps;
    private final double fps;
    private final int width;
    private final int height;
    private long firstTimestamp = Long.MIN_VALUE;
    private long lastTimestamp;        // of the last decoded picture, microseconds from the first
    // resampling: the decoded frame shown now and the next one, with their times
    private boolean started;
    private VideoFrame current;
    private long currentTime;
    private VideoFrame upcoming;
    private long upcomingTime;
    private long nextOutput;           // index of the next output frame
    private int delivered;

    private VideoReader(Path file, ReadOptions options) throws IOException {
        this.file = file;
        this.options = options;
        if (!Files.isRegularFile(file)) {
            throw new IOException("cannot read video " + file + ": no such file");
        }
        grabber = new FFmpegFrameGrabber(file.toFile());
        if (options.resizes()) {
            grabber.setImageWidth(options.width());
            grabber.setImageHeight(options.height());
        }
        try {
            grabber.start();
        } catch (FFmpegFrameGrabber.Exception | RuntimeException e) {
            closeQuietly();
            throw new IOException("cannot read video " + file + ": " + describe(e), e);
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly();
            throw new IOException("cannot read video " + file + ": it has no video stream");
        }
        double rate = grabber.getFrameRate();
        sourceFps = Double.isFinite(rate) && rate > 0 ? rate : 25.0;
        fps = options.fps() > 0 ? options.fps() : sourceFps;
        width = grabber.getImageWidth();
        height = grabber.getImageHeight();
    }

    /** Opens a video at its own frame rate and size. */
    public static VideoReader open(Path file) throws IOException {
        return open(file, ReadOptions.original());
    }

    /**
     * Opens a video.
     *
     * @throws IOException naming the file when it is missing, not a video, or unreadable
     */
    public static VideoReader open(Path file, ReadOptions options) throws IOException {
        return new VideoReader(file, options);
    }

    /** Reads a whole video into memory (short clips, tests, notebooks). */
    public static List<VideoFrame> readAll(Path file, ReadOptions options) throws IOException {
        try (VideoReader reader = open(file, options)) {
            List<VideoFrame> frames = new ArrayList<>();
            for (VideoFrame f; (f = reader.next()) != null; ) {
                frames.add(f);
            }
            return frames;
        }
    }

    /** Decodes the whole video without keeping frames and returns what was found (frame count, fps, size). */
    public static VideoInfo probe(Path file, ReadOptions options) throws IOException {
        try (VideoReader reader = open(file, options)) {
            while (reader.next() != null) {
                // count only
            }
            return reader.info();
        }
    }

    /**
     * The next frame, or {@code null} at the end of the video.
     *
     * @throws IOException naming the file when decoding fails
     */
    public VideoFrame next() throws IOException {
        if (options.fps() <= 0) {
            VideoFrame f = decode();
            if (f != null) {
                delivered++;
            }
            return f;
        }
        return nextResampled();
    }

    private VideoFrame nextResampled() throws IOException {
        if (!started) {
            started = true;
            current = decode();
            currentTime = lastTimestamp;
            upcoming = current == null ? null : decode();
            upcomingTime = lastTimestamp;
        }
        if (current == null) {
            return null;
        }
        // Output frame k is shown at time k / fps: take the decoded frame nearest to that time.
        double outputTime = nextOutput * 1e6 / fps;
        while (upcoming != null && upcomingTime - outputTime <= outputTime - currentTime) {
            current = upcoming;
            currentTime = upcomingTime;
            upcoming = decode();
            upcomingTime = lastTimestamp;
        }
        if (upcoming == null && outputTime - currentTime > 0.5e6 / sourceFps) {
            current = null; // past the last frame's display interval
            return null;
        }
        nextOutput++;
        delivered++;
        return current;
    }

    /** Decodes the next picture, with its time (microseconds from the first picture) in {@link #lastTimestamp}. */
    private VideoFrame decode() throws IOException {
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FFmpegFrameGrabber.Exception | RuntimeException e) {
            throw new IOException("cannot decode video " + file + " after " + delivered + " frames: " + describe(e), e);
        }
        if (frame == null || frame.image == null) {
            return null;
        }
        long ts = frame.timestamp;
        if (firstTimestamp == Long.MIN_VALUE) {
            firstTimestamp = ts;
        }
        lastTimestamp = ts - firstTimestamp;
        return copy(frame);
    }

    /** The picture of a frame FFmpeg decoded (packed 8-bit BGR, JavaCV's default) as a {@link VideoFrame}: a copy. */
    public static VideoFrame copy(Frame frame) {
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        // The grabber converts pictures to packed BGR24 (its default pixel format); JavaCV derives
        // imageChannels from the row stride, so check the stride rather than the channel count.
        ByteBuffer src = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        if (frame.imageDepth != Frame.DEPTH_UBYTE || stride < w * 3) {
            throw new IllegalStateException("expected 8-bit BGR frames from FFmpeg, got depth " + frame.imageDepth
                    + " and row stride " + stride + " for width " + w);
        }
        byte[] bytes = new byte[w * h * 3];
        for (int r = 0; r < h; r++) {
            src.get(r * stride, bytes, r * w * 3, w * 3);
        }
        return new VideoFrame(w, h, bytes);
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** Frames per second of the delivered frames (the file's own rate unless resampled). */
    public double fps() {
        return fps;
    }

    /** Width of the delivered frames. */
    public int width() {
        return width;
    }

    /** Height of the delivered frames. */
    public int height() {
        return height;
    }

    /** Frames delivered so far. */
    public int framesRead() {
        return delivered;
    }

    /** What was read so far; after the last frame, the video's frame count and rate. */
    public VideoInfo info() {
        return new VideoInfo(file, delivered, fps, width, height, sourceFps);
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            grabber.close();
        } catch (Exception e) {
            // closing a half-opened grabber may fail; nothing is left to release
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        if (m.contains("avformat_open_input") || m.contains("avformat_find_stream_info")) {
            return "FFmpeg cannot open it as a video (corrupt, truncated or not a video file)";
        }
        // JavaCV appends hints meant for its own developers
        int hint = m.indexOf(" (Has setFormat()");
        if (hint < 0) {
            hint = m.indexOf(" (For more details");
        }
        return (hint > 0 ? m.substring(0, hint) : m).strip();
    }
}
