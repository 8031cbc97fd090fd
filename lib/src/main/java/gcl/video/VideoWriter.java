package gcl.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Encodes frames into a video file with FFmpeg (JavaCV's {@link FFmpegFrameRecorder}).
 *
 * <p>The codec is MPEG-4 part 2 ({@code mpeg4}), which every FFmpeg build has (the LGPL build
 * JavaCV ships has no H.264 encoder), in the container the file name's extension names
 * ({@code .avi}, {@code .mp4}, {@code .mkv}). One encoding thread and FFmpeg's bit-exact flags,
 * so that the same frames give the same bytes.
 */
public final class VideoWriter implements AutoCloseable {
    static {
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    private final Path file;
    private final int width;
    private final int height;
    private final FFmpegFrameRecorder recorder;
    private final Frame frame;
    private int written;

    private VideoWriter(Path file, int width, int height, double fps, int quality) throws IOException {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("video size must be positive and even, got " + width + "x" + height);
        }
        this.file = file;
        this.width = width;
        this.height = height;
        recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setGopSize(Math.max(1, (int) Math.round(fps)));
        recorder.setVideoQuality(quality);
        recorder.setVideoOption("threads", "1");
        // no encoder version strings or other build-dependent bytes in the stream or the container
        recorder.setVideoOption("flags", "+bitexact");
        recorder.setOption("fflags", "+bitexact");
        frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        try {
            recorder.start();
        } catch (FFmpegFrameRecorder.Exception | RuntimeException e) {
            throw new IOException("cannot write video " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts a video file.
     *
     * @param fps frames per second written in the file
     */
    public static VideoWriter open(Path file, int width, int height, double fps) throws IOException {
        return new VideoWriter(file, width, height, fps, 3);
    }

    /** Appends one frame (it must have the video's size). */
    public void write(VideoFrame f) throws IOException {
        if (f.width() != width || f.height() != height) {
            throw new IllegalArgumentException("frame is " + f.width() + "x" + f.height() + ", video " + file + " is "
                    + width + "x" + height);
        }
        ByteBuffer dst = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        byte[] src = f.bgr();
        for (int r = 0; r < height; r++) {
            dst.put(r * stride, src, r * width * 3, width * 3);
        }
        try {
            recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("cannot write video " + file + " at frame " + written + ": " + e.getMessage(), e);
        }
        written++;
    }

    @Override
    public void close() throws IOException {
        try {
            recorder.close();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("cannot finish video " + file + ": " + e.getMessage(), e);
        }
    }
}
