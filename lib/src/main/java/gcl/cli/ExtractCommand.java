package gcl.cli;

import gcl.Outputs;
import gcl.data.adapters.VideoAnnotations;
import gcl.features.BatchExtraction;
import gcl.features.FeatureExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gcl extract}: features of a folder of videos, written as a dataset directory. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract one feature vector per 16-frame segment of every video in a folder, and write a dataset directory.",
            "Resumes (videos already extracted are skipped); a video that cannot be read is named and skipped, and the exit code is 1."})
public final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--videos", required = true, paramLabel = "DIR", description = "Folder of video files (avi, mp4, mkv, ...), optionally with videos.csv, ground_truth.csv and splits/.")
    Path videos;

    @Option(names = "--out", required = true, paramLabel = "DATASET_DIR", description = "Dataset directory to write (or resume).")
    Path out;

    @Mixin
    ExtractorOptions extraction;

    @Option(names = "--threads", description = "Videos extracted in parallel (default: one per core).")
    Integer threads;

    @Option(names = "--annotations", paramLabel = "FILE",
            description = "Temporal annotations in UCF-Crime's format (name.mp4 Class start end [start end]; -1 -1 for none): labels and test ground truth, instead of the folder's own files.")
    Path annotations;

    @Option(names = "--train-list", paramLabel = "FILE", description = "RTFM-style list of training videos (one video or feature path per line; ids with or without extension).")
    Path trainList;

    @Option(names = "--test-list", paramLabel = "FILE", description = "RTFM-style list of test videos (default with --annotations: the annotated videos).")
    Path testList;

    @Option(names = "--one-based", description = "Read --annotations frame numbers as 1-based (default: 0-based, as RTFM).")
    boolean oneBased;

    @Override
    public Integer call() throws Exception {
        Outputs.checkFolder("--out", out);
        Outputs.refuseOverlap("--out", out, Outputs.inputs("--videos", videos, "--annotations", annotations,
                "--train-list", trainList, "--test-list", testList));
        if (trainList != null && testList != null && Files.isSameFile(trainList, testList)) {
            throw new IllegalArgumentException("--train-list " + trainList + " and --test-list " + testList + " are the same file:"
                    + " every video would be in both splits; give each split its own list");
        }
        FeatureExtractor e = extraction.extractor();
        BatchExtraction.Options options = BatchExtraction.Options.defaults().withRead(extraction.read())
                .withSegmenter(extraction.segmenter()).withName(extraction.name());
        if (threads != null) {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads takes 1 or more, got " + threads);
            }
            options = options.withThreads(threads);
        }
        if (annotations != null || trainList != null || testList != null) {
            options = options.withAnnotations(VideoAnnotations.read(annotations, trainList, testList, oneBased));
        } else if (oneBased) {
            throw new IllegalArgumentException("--one-based reads the frame numbers of --annotations FILE; give the file too");
        }
        System.out.println("extract: " + e + ", " + options.segmenter() + ", " + options.threads() + " thread(s)");
        return report(BatchExtraction.run(videos, out, e, options), "gcl extract");
    }

    /**
     * Prints an extraction's summary and returns the exit code: 0, or 1 with the failed videos named
     * on stderr after {@code command} (also what {@code gcl-spark extract} reports).
     */
    public static int report(BatchExtraction.Result result, String command) {
        System.out.println(result.summary());
        if (!result.ok()) {
            System.err.println(command + ": " + result.failures().size() + " video(s) failed: "
                    + String.join(", ", result.failures().stream().map(f -> f.file().getFileName().toString()).toList()));
            return 1;
        }
        return 0;
    }
}
