package gcl.spark;

import gcl.cli.ExtractorOptions;
import gcl.features.BatchExtraction;
import gcl.features.FeatureExtractor;
import gcl.video.ReadOptions;
import gcl.video.Segmenter;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How to extract, as plain values that travel to the executors: the options of {@code gcl extract}
 * ({@link ExtractorOptions}). Each executor builds the extractor from them once ({@link #extractor})
 * with the same code as {@code gcl extract} ({@link ExtractorOptions#extractor(String, int, String,
 * String, double[], double[], boolean)}); a model file must be readable at the same path on every node.
 *
 * @param which     {@code default} or a model file (DL4J zip, Keras .h5)
 * @param dim       d of the default extractor
 * @param clip      clip shape a model file expects
 * @param layer     a model file's feature layer, or null
 * @param mean      per-channel mean for a model file, or null
 * @param std       per-channel divisor for a model file, or null
 * @param bgr       feed a model file BGR
 * @param fps       resample to this frame rate (0: keep)
 * @param width     resize width (0: keep)
 * @param height    resize height (0: keep)
 * @param segment   frames per segment p
 * @param last      the last partial segment: pad or drop
 * @param name      the dataset's name, or null
 */
public record ExtractionSpec(String which, int dim, String clip, String layer, List<Double> mean, List<Double> std,
                             boolean bgr, double fps, int width, int height, int segment, Segmenter.LastSegment last,
                             String name) implements Serializable {
    /** Extractors built in this JVM, by spec: one per executor, shared by its tasks (or serialised, as in gcl extract). */
    private static final Map<ExtractionSpec, FeatureExtractor> BUILT = new ConcurrentHashMap<>();

    /** The default extractor of dimension d, p = 16 padded, frames as they are. */
    public static ExtractionSpec defaults(int dim) {
        return new ExtractionSpec("default", dim, "3x16x112x112:ncdhw", null, null, null, false, 0, 0, 0,
                Segmenter.PAPER_SEGMENT_SIZE, Segmenter.LastSegment.PAD, null);
    }

    /** The extractor, built once per JVM. */
    public FeatureExtractor extractor() throws IOException {
        FeatureExtractor e = BUILT.get(this);
        if (e == null) {
            synchronized (BUILT) {
                e = BUILT.get(this);
                if (e == null) {
                    e = ExtractorOptions.extractor(which, dim, clip, layer, array(mean), array(std), bgr);
                    BUILT.put(this, e);
                }
            }
        }
        return e;
    }

    /** Frame rate and size, segmenter and name as {@link BatchExtraction.Options} (one thread, no progress). */
    public BatchExtraction.Options options() {
        ReadOptions read = ReadOptions.original().withFps(fps);
        if (width > 0 && height > 0) {
            read = read.withSize(width, height);
        }
        return new BatchExtraction.Options(read, new Segmenter(segment, last), 1, name, null);
    }

    private static double[] array(List<Double> values) {
        return values == null ? null : values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
