package gcl.cli;

import gcl.features.DefaultExtractor;
import gcl.features.FeatureExtractor;
import gcl.features.PretrainedExtractor;
import gcl.video.ReadOptions;
import gcl.video.Segmenter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options of {@code gcl extract} that say how to extract: the extractor, how videos are decoded and
 * cut into segments, and the dataset's name. A picocli mixin, public so that the spark module's
 * {@code extract} takes the same options; each command adds where to read and write.
 */
public final class ExtractorOptions {
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

    /** The extractor that {@code --extractor} names, built with the other model options. */
    public FeatureExtractor extractor() throws IOException {
        if ("default".equalsIgnoreCase(extractor) && dim < DefaultExtractor.CHANNELS) {
            throw new IllegalArgumentException("--dim takes the default extractor's feature size, at least "
                    + DefaultExtractor.CHANNELS + " (2048 by default), got " + dim);
        }
        return extractor(extractor, dim, clip, layer, mean, std, bgr);
    }

    /** {@code --fps} and {@code --size}: how videos are decoded. */
    public ReadOptions read() {
        if (!(fps >= 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("--fps takes a frame rate above 0 (or 0 to keep each file's), got " + fps);
        }
        ReadOptions read = ReadOptions.original().withFps(fps);
        if (size == null) {
            return read;
        }
        FrameSize wh = FrameSize.parse("--size", size, "320x240");
        return read.withSize(wh.width(), wh.height());
    }

    /** {@code --segment} and {@code --last}: how frames are cut into segments. */
    public Segmenter segmenter() {
        Segmenter.LastSegment lastSegment;
        try {
            lastSegment = Segmenter.LastSegment.valueOf(last.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--last takes pad or drop, got '" + last + "'");
        }
        if (segment < 1) {
            throw new IllegalArgumentException("--segment takes the frames per segment p, at least 1 (16 in the paper), got " + segment);
        }
        return new Segmenter(segment, lastSegment);
    }

    /** {@code --extractor}: {@code default} or a model file. */
    public String which() {
        return extractor;
    }

    /** {@code --dim}: d of the default extractor. */
    public int dim() {
        return dim;
    }

    /** {@code --clip}: the clip shape a model file expects. */
    public String clip() {
        return clip;
    }

    /** {@code --layer}, or null. */
    public String layer() {
        return layer;
    }

    /** {@code --mean}, or null. */
    public double[] mean() {
        return mean == null ? null : mean.clone();
    }

    /** {@code --std}, or null. */
    public double[] std() {
        return std == null ? null : std.clone();
    }

    /** Whether {@code --bgr} was given. */
    public boolean bgr() {
        return bgr;
    }

    /** {@code --name}, or null. */
    public String name() {
        return name;
    }

    /** The extractor these options name, from plain values (also what the spark module builds on each executor). */
    public static FeatureExtractor extractor(String which, int dim, String clip, String layer, double[] mean, double[] std,
                                             boolean bgr) throws IOException {
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
