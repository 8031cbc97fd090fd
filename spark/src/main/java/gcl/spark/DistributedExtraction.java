package gcl.spark;

import gcl.Log;
import gcl.data.DatasetDirectory;
import gcl.features.BatchExtraction;
import gcl.features.ExtractionJob;
import gcl.video.VideoInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code gcl extract} on a Spark cluster: one task per video.
 *
 * <ol>
 *   <li>The driver plans the extraction exactly as {@code gcl extract} does
 *       ({@link ExtractionJob#open}: the folder's videos and annotations, the dataset's
 *       metadata; videos an earlier run finished are skipped through the same resume journal).</li>
 *   <li>Each task extracts one video and writes its {@code features/<id>.npy} into the dataset
 *       directory ({@link BatchExtraction#extractAndWrite}: the same bytes, written whole).</li>
 *   <li>The driver records each outcome in file-name order as the tasks finish
 *       ({@link ExtractionJob#add}: journal, {@code extraction.csv}, failures), and at the
 *       end writes the split lists, {@code videos.csv}, {@code ground_truth.csv} and
 *       {@code dataset.json} ({@link ExtractionJob#finish}).</li>
 * </ol>
 * A video that cannot be read is a failure, named in the result, not a failed task. A task that
 * fails (a lost executor) is retried by Spark: it first removes what a killed attempt may have
 * left (the feature file's temporary), and the driver records a video once, whichever attempt
 * reported it.
 *
 * <p>Paths: the videos and the dataset directory must be at the same path on the driver and on
 * every executor (a local folder in local mode; a shared file system on a cluster). On a cluster a
 * probe checks this before anything is written ({@link SharedPaths}).
 */
public final class DistributedExtraction {
    private DistributedExtraction() {
    }

    /** One video, one task. */
    record VideoTask(String id, String file) implements Serializable {
    }

    /** What a task reports about its video: {@link BatchExtraction.Outcome} as plain values. */
    record Reported(String id, String file, String failure, int frames, double fps, int width, int height,
                    int segments, double sourceFps) implements Serializable {
        static Reported of(BatchExtraction.Outcome outcome, String id, String file) {
            if (outcome instanceof BatchExtraction.Failure f) {
                return new Reported(id, file, f.message(), 0, 0, 0, 0, 0, 0);
            }
            BatchExtraction.Written w = (BatchExtraction.Written) outcome;
            VideoInfo i = w.info();
            return new Reported(id, file, null, i.frames(), i.fps(), i.width(), i.height(), w.segments(), i.sourceFps());
        }

        BatchExtraction.Outcome outcome() {
            Path path = Path.of(file);
            return failure != null ? new BatchExtraction.Failure(path, failure)
                    : new BatchExtraction.Written(id, new VideoInfo(path, frames, fps, width, height, sourceFps), segments);
        }
    }

    /**
     * Extracts every video of a folder into a dataset directory (made, or resumed) on Spark.
     *
     * @param progress where progress lines go (null: the library's log)
     * @param probe    called in each task ({@link TaskProbe#NONE} but in tests)
     * @return what {@code gcl extract} reports: videos extracted, skipped, failed, segments
     * @throws IOException when the folder or the dataset cannot be read or written
     */
    public static BatchExtraction.Result run(JavaSparkContext sc, Path videos, Path dataset, ExtractionSpec spec,
                                             PrintStream progress, TaskProbe probe) throws Exception {
        Path dir = dataset.toAbsolutePath();
        SharedPaths shared = SharedPaths.none().read("--videos", videos).write("--out", dir);
        if (!"default".equalsIgnoreCase(spec.which())) {
            shared = shared.read("--extractor", Path.of(spec.which()));
        }
        shared.checkOnExecutors(sc);
        SharedPaths seen = shared;
        ExtractionJob job = ExtractionJob.open(videos.toAbsolutePath(), dir, spec.extractor(),
                spec.options().withProgress(progress != null ? progress : Log.stream()));
        List<VideoTask> tasks = new ArrayList<>();
        for (Map.Entry<String, Path> e : job.pending().entrySet()) {
            tasks.add(new VideoTask(e.getKey(), e.getValue().toAbsolutePath().toString()));
        }
        String out = dir.toString();
        Reported[] arrived = new Reported[tasks.size()];
        int[] next = {0};
        OneTaskEach.run(sc, "gcl extract: " + tasks.size() + " videos into " + out, tasks,
                task -> {
                    seen.requireHere();
                    return extract(task, Path.of(out), spec, probe);
                },
                (index, reported) -> {
                    arrived[index] = reported;
                    while (next[0] < arrived.length && arrived[next[0]] != null) {
                        job.add(arrived[next[0]].outcome());
                        arrived[next[0]++] = null;
                    }
                });
        return job.finish();
    }

    /** The task: one video extracted and its feature file written whole. */
    static Reported extract(VideoTask task, Path dataset, ExtractionSpec spec, TaskProbe probe) throws IOException {
        removeLeftovers(dataset, task.id());
        BatchExtraction.Outcome outcome = BatchExtraction.extractAndWrite(task.id(), Path.of(task.file()), dataset,
                spec.extractor(), spec.options());
        if (outcome instanceof BatchExtraction.Written) {
            probe.reached(TaskProbe.Step.FEATURES_WRITTEN, task.id());
        }
        return Reported.of(outcome, task.id(), task.file());
    }

    /** Temporaries of this video's feature file that a killed attempt left behind ({@code .<id>.npy*.tmp}). */
    static void removeLeftovers(Path dataset, String id) throws IOException {
        Path features = dataset.resolve(DatasetDirectory.FEATURES);
        if (!Files.isDirectory(features)) {
            return;
        }
        String prefix = "." + id + ".npy";
        try (DirectoryStream<Path> tmp = Files.newDirectoryStream(features,
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".tmp"))) {
            for (Path p : tmp) {
                Files.deleteIfExists(p);
            }
        }
    }
}
