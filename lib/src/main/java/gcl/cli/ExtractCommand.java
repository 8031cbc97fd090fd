package gcl.cli;

import gcl.features.BatchExtraction;
import gcl.features.DefaultExtractor;
import gcl.features.FeatureExtractor;
import gcl.features.PretrainedExtractor;
import gcl.video.ReadOptions;
import gcl.video.Segmenter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--extractor", defaultValue = "default", paramLabel = "default|FILE",
            description = "'default' for the weight-free OpenCV extractor, or a model file: DL4J zip or Keras .h5 (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--threads", description = "Videos extracted in parallel (default: one per core).")
    Integer threads;

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
        FeatureExtractor e = extractor(extractor, dim, clip, layer, mean, std, bgr);
        ReadOptions read = ReadOptions.original().withFps(fps);
        if (size != null) {
            String[] wh = size.toLowerCase(Locale.ROOT).split("x");
            read = read.withSize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        }
        Segmenter segmenter = new Segmenter(segment, Segmenter.LastSegment.valueOf(last.toUpperCase(Locale.ROOT)));
        BatchExtraction.Options options = BatchExtraction.Options.defaults().withRead(read).withSegmenter(segmenter).withName(name);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        System.out.println("extract: " + e + ", " + segmenter + ", " + options.threads() + " thread(s)");
        BatchExtraction.Result result = BatchExtraction.run(videos, out, e, options);
        System.out.println(result.summary());
        if (!result.ok()) {
            System.err.println("gcl extract: " + result.failures().size() + " video(s) failed: "
                    + String.join(", ", result.failures().stream().map(f -> f.file().getFileName().toString()).toList()));
            return 1;
        }
        return 0;
    }

    /** The extractor named on the command line (also what the spark module builds on each executor). */
    public static FeatureExtractor extractor(String which, int dim, String clip, String layer, double[] mean, double[] std,
                                      boolean bgr) throws java.io.IOException {
        if ("default".equalsIgnoreCase(which)) {
            return new DefaultExtractor(dim);
        }
        PretrainedExtractor.ClipShape shape = PretrainedExtractor.ClipShape.parse(clip);
        PretrainedExtractor.Options o = PretrainedExtractor.Options.of(shape).withLayer(layer);
        if (mean != null || std != null) {
            double[] m = mean != null ? mean : new double[shape.channels()];
            double[] s = std;
            if (s == null) {
                s = new double[shape.channels()];
                Arrays.fill(s, 255.0);
            }
            o = o.withNormalisation(m, s);
        }
        if (bgr) {
            o = new PretrainedExtractor.Options(o.clip(), o.layer(), false, o.mean(), o.std());
        }
        return PretrainedExtractor.load(Path.of(which), o);
    }
}
