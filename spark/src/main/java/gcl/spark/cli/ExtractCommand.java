package gcl.spark.cli;

import gcl.cli.ExtractorOptions;
import gcl.features.BatchExtraction;
import gcl.spark.DistributedExtraction;
import gcl.spark.ExtractionSpec;
import gcl.spark.GclSpark;
import gcl.spark.TaskProbe;
import gcl.video.ReadOptions;
import gcl.video.Segmenter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gcl-spark extract}: {@code gcl extract} with one Spark task per video. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract one feature vector per 16-frame segment of every video in a folder into a dataset directory,",
            "one Spark task per video: the same files as 'gcl extract' (byte for byte). Resumes (videos already extracted",
            "are skipped); a video that cannot be read is named and skipped, and the exit code is 1. The folders, and a model",
            "file named by --extractor, must be at the same path on every node (a shared file system on a cluster)."})
public final class ExtractCommand implements Callable<Integer> {
    @Mixin
    SparkOptions spark;

    @Option(names = "--videos", required = true, paramLabel = "DIR", description = "Folder of video files (avi, mp4, mkv, ...), optionally with videos.csv, ground_truth.csv and splits/.")
    String videos;

    @Option(names = "--out", required = true, paramLabel = "DATASET_DIR", description = "Dataset directory to write (or resume).")
    String out;

    @Mixin
    ExtractorOptions extraction;

    @Override
    public Integer call() throws Exception {
        ExtractionSpec spec = spec();
        Path videoDir = Locations.local(videos, "--videos");
        Path dataset = Locations.local(out, "--out");
        System.out.println("extract: " + spec.extractor() + ", " + spec.options().segmenter() + ", on Spark");
        BatchExtraction.Result result;
        try (JavaSparkContext sc = spark.start("gcl extract")) {
            System.out.println("spark: " + GclSpark.awaitExecutors(sc));
            result = DistributedExtraction.run(sc, videoDir, dataset, spec, null, TaskProbe.NONE);
        }
        return gcl.cli.ExtractCommand.report(result, "gcl-spark extract");
    }

    ExtractionSpec spec() {
        ReadOptions read = extraction.read();
        Segmenter segmenter = extraction.segmenter();
        // a model file by its absolute path: the executors do not run in this folder
        String which = "default".equalsIgnoreCase(extraction.which()) ? extraction.which()
                : Locations.local(extraction.which(), "--extractor").toAbsolutePath().toString();
        return new ExtractionSpec(which, extraction.dim(), extraction.clip(), extraction.layer(), list(extraction.mean()),
                list(extraction.std()), extraction.bgr(), read.fps(), read.width(), read.height(), segmenter.size(),
                segmenter.lastSegment(), extraction.name());
    }

    private static List<Double> list(double[] values) {
        return values == null ? null : Arrays.stream(values).boxed().toList();
    }
}
