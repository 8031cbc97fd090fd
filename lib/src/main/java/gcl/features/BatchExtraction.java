package gcl.features;

import gcl.Log;
import gcl.data.Annotations;
import gcl.data.DatasetWriter;
import gcl.data.VideoFolder;
import gcl.video.ReadOptions;
import gcl.video.Segmenter;
import gcl.video.VideoInfo;
import gcl.video.VideoReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a folder of videos into a dataset directory: every video is decoded, cut into p-frame
 * segments and described by a {@link FeatureExtractor}, one {@code features/<id>.npy} per video
 * ([T, d] float32), then the split lists, frame counts and ground truth (carried over from the
 * folder's {@link VideoFolder} annotations, if any) and {@code dataset.json}.
 *
 * <ul>
 *   <li><b>Parallel:</b> videos are extracted on {@code threads} worker threads; they are written in
 *       file-name order, so the dataset is the same whatever the thread count. OpenCV's own thread
 *       pool is off meanwhile ({@code OpenCvThreads}): the workers are the parallelism.</li>
 *   <li><b>Resumable:</b> a video whose features an earlier, interrupted run wrote is skipped.</li>
 *   <li><b>Robust:</b> a video that cannot be read is reported by name and skipped; every other
 *       video is still extracted, and {@link Result#ok()} is false.</li>
 *   <li><b>Progress:</b> one line every few seconds with videos done, segments per second and the
 *       time left, in a terminal or a notebook cell.</li>
 *   <li><b>Recorded:</b> {@code extraction.csv} in the dataset directory lists each video's file,
 *       decoded frame count, frame rate, size and segment count.</li>
 * </ul>
 *
 * <p>Frame counts: with {@link Segmenter.LastSegment#PAD} the dataset uses the real frame count
 * (ground-truth convention {@code frames}); with {@code DROP}, T·p (convention {@code segments}).
 * Videos without annotations are unlabelled training videos.
 */
public final class BatchExtraction {
    /** File extensions taken as videos (lower case). */
    public static final Set<String> VIDEO_EXTENSIONS = Set.of(
            "avi", "mp4", "mkv", "mov", "webm", "mpg", "mpeg", "m4v", "wmv", "flv", "ts", "3gp", "ogv");

    /** The per-video record written beside the features. */
    public static final String EXTRACTION_CSV = "extraction.csv";

    /**
     * Settings of a batch extraction.
     *
     * @param read      frame rate and size to decode at ({@link ReadOptions#original()} keeps each file's)
     * @param segmenter p and the last-segment policy
     * @param threads   worker threads (videos in parallel), at least 1
     * @param name      the dataset's name in {@code dataset.json}; null for the annotations' name or the folder's
     * @param progress  where progress lines go (null: nowhere)
     * @param annotations splits, labels and ground truth to use instead of the folder's own files; null: the folder's
     */
    public record Options(ReadOptions read, Segmenter segmenter, int threads, String name, PrintStream progress,
                          Annotations annotations) {
        public Options {
            Objects.requireNonNull(read, "read");
            Objects.requireNonNull(segmenter, "segmenter");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }

        /** With the folder's own annotation files. */
        public Options(ReadOptions read, Segmenter segmenter, int threads, String name, PrintStream progress) {
            this(read, segmenter, threads, name, progress, null);
        }

        /** Own frame rate and size, p = 16 padded, one thread per core, progress through the library's {@link Log}. */
        public static Options defaults() {
            return new Options(ReadOptions.original(), new Segmenter(), Runtime.getRuntime().availableProcessors(),
                    null, Log.stream());
        }

        public Options withThreads(int n) {
            return new Options(read, segmenter, n, name, progress, annotations);
        }

        public Options withRead(ReadOptions r) {
            return new Options(r, segmenter, threads, name, progress, annotations);
        }

        public Options withSegmenter(Segmenter s) {
            return new Options(read, s, threads, name, progress, annotations);
        }

        public Options withName(String n) {
            return new Options(read, segmenter, threads, n, progress, annotations);
        }

        public Options withProgress(PrintStream out) {
            return new Options(read, segmenter, threads, name, out, annotations);
        }

        /**
         * Splits, labels and ground truth given here (e.g. from the field's published annotation
         * and list files) instead of the folder's own annotation files; null: the folder's.
         */
        public Options withAnnotations(Annotations a) {
            return new Options(read, segmenter, threads, name, progress, a);
        }
    }

    /**
     * What became of one video: its features written ({@link Written}), or why it could not be read
     * ({@link Failure}).
     */
    public sealed interface Outcome permits Written, Failure {
    }

    /**
     * A video whose feature file is in place in the dataset directory, not yet recorded in its lists.
     *
     * @param id       the video's id
     * @param info     what decoding found (frames, frame rate, size)
     * @param segments T, the rows of its feature file
     */
    public record Written(String id, VideoInfo info, int segments) implements Outcome {
    }

    /** A video that could not be extracted, and why. */
    public record Failure(Path file, String message) implements Outcome {
        @Override
        public String toString() {
            return file.getFileName() + ": " + message;
        }
    }

    /**
     * What a run did.
     *
     * @param videos    video files found
     * @param extracted videos extracted in this run
     * @param skipped   videos already done by an earlier run
     * @param failures  videos that could not be read, by file
     * @param warnings  other things worth a look (frame counts that differ from the annotations, ...)
     * @param segments  segments extracted in this run
     * @param seconds   wall time
     * @param dataset   the dataset directory
     */
    public record Result(int videos, int extracted, int skipped, List<Failure> failures, List<String> warnings,
                         long segments, double seconds, Path dataset) {
        /** True when no video failed. */
        public boolean ok() {
            return failures.isEmpty();
        }

        /** Segments per second of this run (decoding included). */
        public double segmentsPerSecond() {
            return seconds > 0 ? segments / seconds : 0;
        }

        /** A few lines for people. */
        public String summary() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "extracted %d of %d videos (%d already done, %d failed), %d segments in %.1fs (%.1f segments/s) -> %s",
                    extracted, videos, skipped, failures.size(), segments, seconds, segmentsPerSecond(), dataset));
            for (String w : warnings) {
                s.append("\nwarning: ").append(w);
            }
            for (Failure f : failures) {
                s.append("\nfailed: ").append(f);
            }
            return s.toString();
        }
    }

    private BatchExtraction() {
    }

    /** Extracts with the default options (own frame rate and size, p = 16, one thread per core). */
    public static Result run(Path videos, Path dataset, FeatureExtractor extractor) throws IOException {
        return run(videos, dataset, extractor, Options.defaults());
    }

    /**
     * Extracts every video of a folder into a dataset directory: a {@link ExtractionJob} whose videos are
     * extracted on {@code options.threads()} threads and recorded in file-name order.
     *
     * @throws IOException when the folder cannot be listed or the dataset cannot be written (a
     *                     video that cannot be read is a {@link Failure}, not an exception)
     */
    public static Result run(Path videos, Path dataset, FeatureExtractor extractor, Options options) throws IOException {
        ExtractionJob job = ExtractionJob.open(videos, dataset, extractor, options);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "gcl-extract");
            t.setDaemon(true);
            return t;
        });
        int openCvThreads = OpenCvThreads.sequential();
        try {
            Deque<Future<Outcome>> window = new ArrayDeque<>();
            int limit = 2 * options.threads();
            for (Map.Entry<String, Path> e : job.pending().entrySet()) {
                window.add(pool.submit(() -> extractAndWrite(e.getKey(), e.getValue(), dataset, extractor, options)));
                while (window.size() >= limit) {
                    job.add(take(window.poll()));
                }
            }
            while (!window.isEmpty()) {
                job.add(take(window.poll()));
            }
        } finally {
            pool.shutdownNow();
            OpenCvThreads.restore(openCvThreads);
        }
        return job.finish();
    }

    private static Outcome take(Future<Outcome> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("extraction interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("extraction failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Decodes, segments and describes one video, and writes its feature file into the dataset
     * directory (whole: written beside its place, then moved in), without recording it in the lists:
     * the part of a {@link ExtractionJob} that any thread, or any machine that sees both folders, can do.
     *
     * @return {@link Written}, or a {@link Failure} when the video cannot be read
     * @throws IOException when the feature file cannot be written
     */
    public static Outcome extractAndWrite(String id, Path file, Path dataset, FeatureExtractor extractor, Options options)
            throws IOException {
        List<float[]> rows = new ArrayList<>();
        VideoInfo info;
        try (VideoReader reader = VideoReader.open(file, options.read())) {
            options.segmenter().stream(reader, segment -> {
                float[] f;
                if (extractor.threadSafe()) {
                    f = extractor.extract(segment);
                } else {
                    synchronized (extractor) {
                        f = extractor.extract(segment);
                    }
                }
                rows.add(f);
            });
            info = reader.info();
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Failure(file, m.replace("cannot read video " + file + ": ", ""));
        }
        if (rows.isEmpty()) {
            return new Failure(file, "only " + info.frames() + " frames decoded, fewer than one segment of "
                    + options.segmenter().size());
        }
        DatasetWriter.writeFeatures(dataset, id, Nd4j.create(rows.toArray(float[][]::new)));
        return new Written(id, info, rows.size());
    }

    /** The video files of a folder (not its subfolders), by name. */
    public static List<Path> videoFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no video folder " + dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> VIDEO_EXTENSIONS.contains(extension(p)))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /**
     * Every entry of a folder (not its subfolders) named like a video, by name: files, and links even
     * where they lead nowhere (so that extraction can name them rather than skip them).
     *
     * @throws IOException when the folder cannot be listed or holds no such entry (naming what it holds)
     */
    public static List<Path> candidates(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no video folder " + dir);
        }
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = s.sorted().collect(Collectors.toList());
        }
        List<Path> videos = all.stream().filter(p -> VIDEO_EXTENSIONS.contains(extension(p)) && !Files.isDirectory(p)).toList();
        if (videos.isEmpty()) {
            long others = all.stream().filter(p -> !Files.isDirectory(p)).count();
            throw new IOException("no video files in " + dir + (others == 0 ? " (it is empty)" : " (it holds " + others
                    + " other file(s))") + "; video files end in ." + String.join(", .", VIDEO_EXTENSIONS.stream().sorted().toList()));
        }
        return videos;
    }

    /** A video's id: its file name without the extension. */
    public static String idOf(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

}
