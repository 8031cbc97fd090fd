package gcl.features;

import gcl.video.ReadOptions;
import gcl.video.Segmenter;
import gcl.video.VideoReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast feature extraction runs on this machine, next to how fast decoding alone runs on the
 * same files: segments per second of (1) decoding and cutting into segments only and (2)
 * decoding, cutting and extracting. The difference is the extractor's own cost.
 *
 * <p>One untimed warm-up pass extracts the first video first: it loads the native libraries and
 * lets the JIT compile the extractor's Java code, so both stages measure steady speed. The two
 * stages then take turns for a number of rounds, so that a noisy spell on a shared machine slows
 * both stages in some round rather than one stage in all; {@link #best} picks each stage's fastest
 * round. As in {@link BatchExtraction}, videos are processed {@code threads} at a time and
 * OpenCV's own thread pool is off.
 */
public final class ExtractionBenchmark {
    /**
     * One measured stage.
     *
     * @param stage    {@code decode} or {@code extract}
     * @param videos   videos processed
     * @param frames   frames decoded
     * @param segments segments cut (and, for {@code extract}, described)
     * @param seconds  wall time
     * @param threads  videos processed in parallel
     * @param round    the round it was measured in, from 1
     */
    public record Row(String stage, int videos, long frames, long segments, double seconds, int threads, int round) {
        public double segmentsPerSecond() {
            return segments / seconds;
        }

        public double framesPerSecond() {
            return frames / seconds;
        }

        /** CSV line matching {@link #CSV_HEADER}. */
        public String csv() {
            return String.format(Locale.ROOT, "%s,%d,%d,%d,%.3f,%.2f,%.1f,%d,%d", stage, videos, frames, segments, seconds,
                    segmentsPerSecond(), framesPerSecond(), threads, round);
        }
    }

    public static final String CSV_HEADER = "stage,videos,frames,segments,seconds,segments_per_s,frames_per_s,threads,round";

    private ExtractionBenchmark() {
    }

    /**
     * Decode-only, then decode + extract, over the same files, {@code rounds} times in turn: the
     * rows of every round, in the order measured.
     */
    public static List<Row> run(List<Path> videos, FeatureExtractor extractor, Segmenter segmenter, ReadOptions read,
                                int threads, int rounds) throws IOException {
        if (videos.isEmpty()) {
            throw new IllegalArgumentException("no videos to benchmark");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        // warm-up: native libraries, JIT
        try (VideoReader r = VideoReader.open(videos.get(0), read)) {
            segmenter.stream(r, extractor::extract);
        }
        List<Row> rows = new ArrayList<>();
        int openCvThreads = OpenCvThreads.sequential();
        try {
            for (int round = 1; round <= rounds; round++) {
                rows.add(measure("decode", videos, null, segmenter, read, threads, round));
                rows.add(measure("extract", videos, extractor, segmenter, read, threads, round));
            }
        } finally {
            OpenCvThreads.restore(openCvThreads);
        }
        return rows;
    }

    /** The fastest round of a stage ({@code decode} or {@code extract}). */
    public static Row best(List<Row> rows, String stage) {
        return rows.stream().filter(r -> r.stage().equals(stage))
                .min(Comparator.comparingDouble(Row::seconds))
                .orElseThrow(() -> new IllegalArgumentException("no row of stage " + stage));
    }

    private static Row measure(String stage, List<Path> videos, FeatureExtractor extractor, Segmenter segmenter,
                               ReadOptions read, int threads, int round) throws IOException {
        AtomicLong frames = new AtomicLong();
        AtomicLong segments = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Path v : videos) {
                futures.add(pool.submit(() -> {
                    try (VideoReader r = VideoReader.open(v, read)) {
                        segmenter.stream(r, s -> {
                            if (extractor != null) {
                                extractor.extract(s);
                            }
                            segments.incrementAndGet();
                        });
                        frames.addAndGet(r.framesRead());
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("benchmark failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Row(stage, videos.size(), frames.get(), segments.get(), (System.nanoTime() - t0) / 1e9, threads, round);
    }
}
