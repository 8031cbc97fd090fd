package gcl.features;

import gcl.AtomicFiles;
import gcl.Progress;
import gcl.data.Annotations;
import gcl.data.DatasetDirectory;
import gcl.data.DatasetInfo;
import gcl.data.DatasetWriter;
import gcl.data.GroundTruthConvention;
import gcl.data.Split;
import gcl.data.VideoFolder;
import gcl.data.VideoLabel;
import gcl.video.Segmenter;
import gcl.video.VideoInfo;
import gcl.video.VideoReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One extraction into a dataset directory, step by step: {@link #open} plans it (the videos, their
 * annotations, the dataset's metadata; videos an earlier run finished are skipped), each pending
 * video is {@link BatchExtraction#extractAndWrite extracted and written} anywhere, and {@link #add} records the
 * outcomes in file-name order (the resume journal, {@code extraction.csv}, failures and warnings);
 * {@link #finish} writes the lists and {@code dataset.json}. {@link BatchExtraction#run} drives it
 * on threads; the spark module drives it on a cluster's executors.
 */
public final class ExtractionJob {
    private final long start = System.nanoTime();
    private final Path videos;
    private final Path dataset;
    private final Map<String, Path> byId;
    private final Map<String, Path> pending = new LinkedHashMap<>();
    private final Annotations annotations;
    private final Segmenter segmenter;
    private final boolean trainTruth;
    private final DatasetWriter writer;
    private final Path log;
    private final Progress progress;
    private final List<BatchExtraction.Failure> failures = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final int skipped;
    private long segments;
    private int extracted;

    private ExtractionJob(Path videos, Path dataset, Map<String, Path> byId, Annotations annotations, Segmenter segmenter,
                          boolean trainTruth, DatasetWriter writer, Progress progress) {
        this.videos = videos;
        this.dataset = dataset;
        this.byId = byId;
        this.annotations = annotations;
        this.segmenter = segmenter;
        this.trainTruth = trainTruth;
        this.writer = writer;
        this.log = dataset.resolve(BatchExtraction.EXTRACTION_CSV);
        this.progress = progress;
        int done = 0;
        for (Map.Entry<String, Path> e : byId.entrySet()) {
            if (writer.contains(e.getKey())) {
                done++;
                progress.step(1, "");
            } else {
                pending.put(e.getKey(), e.getValue());
            }
        }
        this.skipped = done;
    }

    /**
     * Plans the extraction of a folder of videos into a dataset directory (made, or resumed).
     *
     * @throws IOException when the folder or its annotations cannot be read, two videos share an
     *                     id, or the directory holds features of another extractor
     */
    public static ExtractionJob open(Path videos, Path dataset, FeatureExtractor extractor, BatchExtraction.Options options) throws IOException {
        List<Path> files = BatchExtraction.videoFiles(videos);
        VideoFolder folder = VideoFolder.read(videos);
        Annotations annotations = options.annotations() != null ? options.annotations() : folder.annotations();
        Map<String, Path> byId = new LinkedHashMap<>();
        for (Path f : files) {
            Path other = byId.put(BatchExtraction.idOf(f), f);
            if (other != null) {
                throw new IOException("two videos have the id '" + BatchExtraction.idOf(f) + "': " + other + " and " + f);
            }
        }
        boolean trainTruth = annotations.groundTruth().entrySet().stream()
                .anyMatch(e -> annotations.splitOf(e.getKey()).orElse(Split.TRAIN) == Split.TRAIN && !e.getValue().isEmpty());

        Segmenter segmenter = options.segmenter();
        GroundTruthConvention convention = segmenter.lastSegment() == Segmenter.LastSegment.PAD
                ? GroundTruthConvention.FRAMES : GroundTruthConvention.SEGMENTS;
        String name = options.name() != null ? options.name()
                : folder.name() != null ? folder.name()
                : dataset.toAbsolutePath().getFileName().toString();
        double fps = options.read().fps() > 0 ? options.read().fps() : firstFrameRate(files);
        String description = (folder.description().isEmpty() ? "Features of the videos in " + videos.getFileName() + "."
                : folder.description()) + " Extracted by " + extractor.kind() + " with " + segmenter + ".";
        DatasetInfo info = new DatasetInfo(name, segmenter.size(), extractor.kind(), extractor.dimension(), fps, convention,
                folder.synthetic(), description);
        checkSameExtraction(dataset, info);
        DatasetWriter writer = DatasetWriter.open(dataset, info);
        Path log = dataset.resolve(BatchExtraction.EXTRACTION_CSV);
        if (!Files.exists(log)) {
            AtomicFiles.writeString(log, "id,file,frames,fps,width,height,segments\n");
        }
        PrintStream out = options.progress() != null ? options.progress() : new PrintStream(PrintStream.nullOutputStream());
        ExtractionJob job = new ExtractionJob(videos, dataset, byId, annotations, segmenter, trainTruth, writer,
                new Progress("extract", "videos", files.size(), out, Duration.ofSeconds(2)));
        for (String id : annotations.allIds()) {
            if (!byId.containsKey(id)) {
                job.warnings.add("annotated video '" + id + "' has no file in " + videos);
            }
        }
        return job;
    }

    /** The videos still to extract, id to file, in file-name order. */
    public Map<String, Path> pending() {
        return Collections.unmodifiableMap(pending);
    }

    /** The dataset directory being written. */
    public Path dataset() {
        return dataset;
    }

    /**
     * Records what became of a pending video: a {@link BatchExtraction.Written} one goes into the resume journal
     * and {@code extraction.csv} (with its split, label and ground truth from the folder's
     * annotations), a {@link BatchExtraction.Failure} into the result. Call in the order of {@link #pending()},
     * so the lists come out in file-name order whoever extracted the videos.
     */
    public synchronized void add(BatchExtraction.Outcome outcome) throws IOException {
        if (outcome instanceof BatchExtraction.Failure f) {
            failures.add(f);
        } else {
            record((BatchExtraction.Written) outcome);
        }
        progress.step(1, String.format(Locale.ROOT, "%d segments  %.1f segments/s", segments,
                segments / Math.max(1e-9, progress.elapsedSeconds())));
    }

    private void record(BatchExtraction.Written x) throws IOException {
        int frames = segmenter.framesCovered(x.info().frames());
        boolean known = annotations.knows(x.id());
        boolean test = annotations.splitOf(x.id()).orElse(Split.TRAIN) == Split.TEST;
        VideoLabel label = annotations.video(x.id()).map(Annotations.Row::label).orElse(VideoLabel.UNKNOWN);
        boolean[] truth = null;
        if (known && (test || trainTruth)) {
            truth = segmenter.alignGroundTruth(annotations.mask(x.id(), x.info().frames()));
        }
        int annotated = annotations.video(x.id()).map(Annotations.Row::frames).orElse(0);
        if (annotated > 0 && annotated != x.info().frames()) {
            warnings.add(x.id() + ": annotations say " + annotated + " frames, decoding gave " + x.info().frames()
                    + " (ground truth cut or padded to the decoded count)");
        }
        writer.record(x.id(), test ? Split.TEST : Split.TRAIN, frames, label, truth);
        VideoInfo i = x.info();
        Path file = byId.get(x.id());
        Files.writeString(log, String.format(Locale.ROOT, "%s,%s,%d,%s,%d,%d,%d%n", x.id(),
                file == null ? i.file().getFileName() : file.getFileName(),
                i.frames(), Double.toString(i.fps()), i.width(), i.height(), x.segments()),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        segments += x.segments();
        extracted++;
    }

    /** Writes the lists and {@code dataset.json} and says what the run did. */
    public synchronized BatchExtraction.Result finish() throws IOException {
        writer.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new BatchExtraction.Result(byId.size(), extracted, skipped, List.copyOf(failures), List.copyOf(warnings), segments,
                seconds, dataset);
    }

    @Override
    public String toString() {
        return "extraction of " + videos + " into " + dataset + " (" + pending.size() + " of " + byId.size() + " to do)";
    }

/** Refuses to resume a directory made with another extractor or segment size: its features would not mix. */
private static void checkSameExtraction(Path dataset, DatasetInfo info) throws IOException {
    if (!Files.exists(dataset.resolve(DatasetDirectory.DATASET_JSON))) {
        return;
    }
    DatasetInfo old = DatasetDirectory.readInfo(dataset);
    if (!old.featureKind().equals(info.featureKind()) || old.featureDim() != info.featureDim()
            || old.segmentSize() != info.segmentSize()) {
        throw new IOException(dataset + " holds features of " + old.featureKind() + " (d = " + old.featureDim() + ", p = "
                + old.segmentSize() + "), not of " + info.featureKind() + " (d = " + info.featureDim() + ", p = "
                + info.segmentSize() + "): extract into another directory");
    }
}

private static double firstFrameRate(List<Path> files) {
    for (Path f : files) {
        try (VideoReader r = VideoReader.open(f)) {
            return r.fps();
        } catch (IOException e) {
            // a bad file is reported when its turn comes
        }
    }
    return 0;
}
}
