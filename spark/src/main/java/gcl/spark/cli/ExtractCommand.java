package gcl.spark.cli;

import gcl.features.BatchExtraction;
import gcl.spark.DistributedExtraction;
import gcl.spark.ExtractionSpec;
import gcl.spark.TaskProbe;
import gcl.video.Segmenter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gcl-spark extract}: {@code gcl extract} with one Spark task per video. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract one feature vector per 16-frame segment of every video in a folder into a dataset directory,",
            "one Spark task per video: the same files as 'gcl extract' (byte for byte). Resumes (videos already extracted",
            "are skipped); a video that cannot be read is named and skipped, and the exit code is 1. The folders must be",
            "at the same path on every node (a shared file system on a cluster)."})
public final class ExtractCommand implements Callable<Integer> {
    @Mixin
    SparkOptions spark;

    @Option(names = "--videos", required = true, paramLabel = "DIR", description = "Folder of video files (avi, mp4, mkv, ...), optionally with videos.csv, ground_truth.csv and splits/.")
    String videos;

    @Option(names = "--out", required = true, paramLabel = "DATASET_DIR", description = "Dataset directory to write (or resume).")
    String out;

    @Option(names = "--extractor", defaultValue = "default", paramLabel = "default|FILE",
            description = "'default' for the weight-free OpenCV extractor, or a model file: DL4J zip or Keras .h5, at the same path on every node (default: ${DEFAULT-VALUE}).")
    String extractor;

    @Option(names = "--dim", defaultValue = "2048", description = "Feature dimension d of the default extractor (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--clip", defaultValue = "3x16x112x112:ncdhw", paramLabel = "CxDxHxW[:ncdhw|:ndhwc]",
            description = "Clip shape a model file expects (default: ${DEFAULT-VALUE}).")
    String clip;

    @Option(names = "--layer", description = "Model layer whose pooled activations are the features (default: the input of the output layer).")
    String layer;

    @Option(names = "--mean", split = ",", description = "Per-channel mean on the 0-255 scale for a model file (default: 0).")
    double[] mean;

    @Option(names = "--std", split = ",", description = "Per-channel divisor on the 0-255 scale for a model file (default: 255).")
    double[] std;

    @Option(names = "--bgr", description = "Feed a model file BGR instead of RGB.")
    boolean bgr;

    @Option(names = "--fps", defaultValue = "0", description = "Resample every video to this frame rate (default: keep each file's).")
    double fps;

    @Option(names = "--size", paramLabel = "WxH", description = "Resize frames while decoding (default: keep).")
    String size;

    @Option(names = "--segment", defaultValue = "16", description = "Frames per segment p (default: ${DEFAULT-VALUE}).")
    int segment;

    @Option(names = "--last", defaultValue = "pad", description = "Last partial segment: pad (repeat its last frame) or drop (default: ${DEFAULT-VALUE}).")
    String last;

    @Option(names = "--name", description = "Dataset name in dataset.json (default: from the videos' annotations or the folder).")
    String name;

    @Override
    public Integer call() throws Exception {
        ExtractionSpec spec = spec();
        Path videoDir = Paths.local(videos, "--videos");
        Path dataset = Paths.local(out, "--out");
        System.out.println("extract: " + spec.extractor() + ", " + spec.options().segmenter() + ", on Spark");
        BatchExtraction.Result result;
        try (JavaSparkContext sc = spark.start("gcl extract")) {
            System.out.println("spark: " + sc.master() + ", " + sc.defaultParallelism() + " task slot(s)");
            result = DistributedExtraction.run(sc, videoDir, dataset, spec, null, TaskProbe.NONE);
        }
        System.out.println(result.summary());
        if (!result.ok()) {
            System.err.println("gcl-spark extract: " + result.failures().size() + " video(s) failed: "
                    + String.join(", ", result.failures().stream().map(f -> f.file().getFileName().toString()).toList()));
            return 1;
        }
        return 0;
    }

    ExtractionSpec spec() {
        int w = 0;
        int h = 0;
        if (size != null) {
            String[] wh = size.toLowerCase(Locale.ROOT).split("x");
            try {
                w = Integer.parseInt(wh[0]);
                h = Integer.parseInt(wh[1]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--size takes WxH, e.g. 320x240, got '" + size + "'");
            }
        }
        Segmenter.LastSegment lastSegment;
        try {
            lastSegment = Segmenter.LastSegment.valueOf(last.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--last takes pad or drop, got '" + last + "'");
        }
        return new ExtractionSpec(extractor, dim, clip, layer, list(mean), list(std), bgr, fps, w, h, segment, lastSegment, name);
    }

    private static List<Double> list(double[] values) {
        return values == null ? null : Arrays.stream(values).boxed().toList();
    }
}
