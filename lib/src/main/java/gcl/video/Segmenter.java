package gcl.video;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Cuts a video into the paper's non-overlapping segments of p frames (section 3.1: video i gives
 * m_i segments S(i, j); p = 16 in the paper).
 *
 * <p><b>The last partial segment.</b> A video of n frames rarely has a multiple of p. Two policies:
 * <ul>
 *   <li>{@link LastSegment#PAD} (default): the last n mod p frames form one more segment, filled up
 *       to p by repeating its last frame. Every frame belongs to a segment, m = ⌈n / p⌉, and the
 *       frame count evaluation uses is the real n; the last segment's score covers only its real
 *       frames [j·p, n).</li>
 *   <li>{@link LastSegment#DROP}: the trailing n mod p frames are dropped, m = ⌊n / p⌋, and
 *       evaluation counts m·p frames, the published convention of UCF-Crime features (ground truth
 *       of length T × 16).</li>
 * </ul>
 * {@link #framesCovered(int)} and {@link #alignGroundTruth(boolean[])} keep frame-level ground
 * truth aligned with the segments under either policy: frame f belongs to segment ⌊f / p⌋.
 */
public final class Segmenter {
    /** The paper's segment length, p = 16 frames. */
    public static final int PAPER_SEGMENT_SIZE = 16;

    /** What to do with the frames after the last whole segment. */
    public enum LastSegment {
        /** Make one more segment, repeating the last frame to fill it. */
        PAD,
        /** Drop them. */
        DROP
    }

    /** Receives segments as they are cut. */
    @FunctionalInterface
    public interface SegmentConsumer {
        void accept(Segment segment) throws IOException;
    }

    private final int size;
    private final LastSegment last;

    /** p = 16, last partial segment padded. */
    public Segmenter() {
        this(PAPER_SEGMENT_SIZE, LastSegment.PAD);
    }

    public Segmenter(int size, LastSegment last) {
        if (size < 1) {
            throw new IllegalArgumentException("segment size must be at least 1 frame, got " + size);
        }
        this.size = size;
        this.last = Objects.requireNonNull(last, "last");
    }

    /** p, frames per segment. */
    public int size() {
        return size;
    }

    /** The policy for the last partial segment. */
    public LastSegment lastSegment() {
        return last;
    }

    /** m, the number of segments of a video of n frames. */
    public int segmentCount(int frames) {
        return last == LastSegment.PAD ? (frames + size - 1) / size : frames / size;
    }

    /** The frames the segments cover, i.e. the frame count evaluation should use: n (PAD) or m·p (DROP). */
    public int framesCovered(int frames) {
        return last == LastSegment.PAD ? frames : (frames / size) * size;
    }

    /** Frame-level ground truth of the whole video cut to the frames the segments cover. */
    public boolean[] alignGroundTruth(boolean[] frameTruth) {
        return Arrays.copyOf(frameTruth, framesCovered(frameTruth.length));
    }

    /** The segment that frame f belongs to. */
    public int segmentOf(int frame) {
        return frame / size;
    }

    /** Cuts frames held in memory. */
    public List<Segment> split(List<VideoFrame> frames) {
        List<Segment> out = new ArrayList<>();
        int whole = frames.size() / size;
        for (int j = 0; j < whole; j++) {
            out.add(new Segment(j, j * size, frames.subList(j * size, (j + 1) * size), size));
        }
        int rest = frames.size() - whole * size;
        if (rest > 0 && last == LastSegment.PAD) {
            out.add(padded(whole, frames.subList(whole * size, frames.size())));
        }
        return out;
    }

    /**
     * Cuts a video as it is decoded, holding one segment's frames at a time.
     *
     * @return the number of segments given to the consumer
     */
    public int stream(VideoReader reader, SegmentConsumer consumer) throws IOException {
        List<VideoFrame> buffer = new ArrayList<>(size);
        int j = 0;
        for (VideoFrame f; (f = reader.next()) != null; ) {
            buffer.add(f);
            if (buffer.size() == size) {
                consumer.accept(new Segment(j, j * size, buffer, size));
                buffer.clear();
                j++;
            }
        }
        if (!buffer.isEmpty() && last == LastSegment.PAD) {
            consumer.accept(padded(j, buffer));
            j++;
        }
        return j;
    }

    private Segment padded(int index, List<VideoFrame> real) {
        List<VideoFrame> frames = new ArrayList<>(real);
        VideoFrame lastFrame = real.get(real.size() - 1);
        while (frames.size() < size) {
            frames.add(lastFrame);
        }
        return new Segment(index, index * size, frames, real.size());
    }

    @Override
    public String toString() {
        return "Segmenter(p=" + size + ", last=" + last.name().toLowerCase(Locale.ROOT) + ")";
    }
}
