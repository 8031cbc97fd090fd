package gcl.features;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import gcl.video.Segment;
import gcl.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The paper's extractor path: a user's own pretrained 3D CNN (the paper used a 3D ResNeXt
 * pretrained on Kinetics), run with Deeplearning4j, whose pooled activations are the features.
 *
 * <p><b>Models it loads.</b> A DL4J model zip written by {@code ModelSerializer}
 * ({@link MultiLayerNetwork} or {@link ComputationGraph}), or a Keras HDF5 file ({@code .h5},
 * sequential or functional) through DL4J's Keras import. ONNX files are not read by DL4J
 * 1.0.0-M2.1's model import: convert such a model to Keras first. The Keras path is exercised
 * only by DL4J's own import (no test here builds an {@code .h5} file without Python).
 *
 * <p><b>Clips.</b> Each segment becomes one clip of the shape the model expects
 * ({@link ClipShape}): its frames are sampled evenly down (or repeated up) to the model's clip
 * length, scaled to its height and width, turned to RGB unless told otherwise, normalised as
 * {@code (value − mean[c]) / std[c]} on the 0–255 scale, and laid out as NCDHW (DL4J's and
 * PyTorch's order, [1, C, D, H, W]) or NDHWC (Keras' channels-last, [1, D, H, W, C]).
 *
 * <p><b>Features.</b> The activations of one layer (by default the input of the final output
 * layer, i.e. the penultimate activations, as with ResNeXt's pooled features), averaged over
 * every axis but channels when they are still spatio-temporal.
 *
 * <p>Not safe to share between threads: calls are serialised on the network.
 */
public final class PretrainedExtractor implements FeatureExtractor {
    /** The axis order of a clip. */
    public enum Layout {
        /** [batch, channels, depth (frames), height, width]: DL4J's default and PyTorch's. */
        NCDHW,
        /** [batch, depth, height, width, channels]: Keras' channels-last. */
        NDHWC
    }

    /**
     * The clip a model expects.
     *
     * @param channels 3 for colour, 1 for grey
     * @param frames   clip length D (16 for the paper's networks)
     * @param height   H
     * @param width    W
     * @param layout   axis order
     */
    public record ClipShape(int channels, int frames, int height, int width, Layout layout) {
        public ClipShape {
            if (channels != 1 && channels != 3) {
                throw new IllegalArgumentException("clips have 1 or 3 channels, got " + channels);
            }
            if (frames < 1 || height < 1 || width < 1) {
                throw new IllegalArgumentException("clip shape must be positive, got " + frames + "x" + height + "x" + width);
            }
            Objects.requireNonNull(layout, "layout");
        }

        /** 3 × 16 × 112 × 112, NCDHW: the 3D ResNeXt-101 of Hara et al. that the paper used. */
        public static ClipShape resnext() {
            return new ClipShape(3, 16, 112, 112, Layout.NCDHW);
        }

        /** Parses {@code CxDxHxW[:ncdhw|:ndhwc]}, e.g. {@code 3x16x112x112:ncdhw}. */
        public static ClipShape parse(String text) {
            String[] layoutSplit = text.trim().split(":");
            String[] dims = layoutSplit[0].toLowerCase(Locale.ROOT).split("x");
            if (dims.length != 4) {
                throw new IllegalArgumentException("clip shape '" + text + "': expected CxDxHxW, e.g. 3x16x112x112:ncdhw");
            }
            Layout layout = layoutSplit.length > 1 ? Layout.valueOf(layoutSplit[1].toUpperCase(Locale.ROOT)) : Layout.NCDHW;
            return new ClipShape(Integer.parseInt(dims[0]), Integer.parseInt(dims[1]), Integer.parseInt(dims[2]),
                    Integer.parseInt(dims[3]), layout);
        }

        long[] arrayShape() {
            return layout == Layout.NCDHW
                    ? new long[] {1, channels, frames, height, width}
                    : new long[] {1, frames, height, width, channels};
        }
    }

    /**
     * How to feed and read the model.
     *
     * @param clip  the clip shape
     * @param layer the layer whose activations are the features: a layer (vertex) name, or for a
     *              MultiLayerNetwork its index; {@code null} for the input of the output layer
     * @param rgb   true to give the model RGB (most models), false for BGR
     * @param mean  per-channel mean subtracted on the 0–255 scale (length = channels)
     * @param std   per-channel divisor on the 0–255 scale (length = channels)
     */
    public record Options(ClipShape clip, String layer, boolean rgb, double[] mean, double[] std) {
        public Options {
            Objects.requireNonNull(clip, "clip");
            mean = mean.clone();
            std = std.clone();
            if (mean.length != clip.channels() || std.length != clip.channels()) {
                throw new IllegalArgumentException("mean and std need one value per channel (" + clip.channels() + ")");
            }
            for (double s : std) {
                if (!(s > 0)) {
                    throw new IllegalArgumentException("std must be positive, got " + Arrays.toString(std));
                }
            }
        }

        /** Pixels scaled to [0, 1] (mean 0, std 255), RGB, penultimate layer. */
        public static Options of(ClipShape clip) {
            double[] zero = new double[clip.channels()];
            double[] scale = new double[clip.channels()];
            Arrays.fill(scale, 255.0);
            return new Options(clip, null, true, zero, scale);
        }

        /** The same options reading another layer. */
        public Options withLayer(String newLayer) {
            return new Options(clip, newLayer, rgb, mean, std);
        }

        /** The same options with another normalisation. */
        public Options withNormalisation(double[] newMean, double[] newStd) {
            return new Options(clip, layer, rgb, newMean, newStd);
        }
    }

    /** A network seen as "input clip in, named activations out". */
    private interface Net {
        INDArray activations(INDArray clip);
    }

    private final Net net;
    private final Options options;
    private final String kind;
    private final int dimension;

    private PretrainedExtractor(Net net, Options options, String kind) {
        this.net = net;
        this.options = options;
        this.kind = kind;
        INDArray probe = pool(net.activations(Nd4j.zeros(options.clip().arrayShape())));
        this.dimension = (int) probe.length();
    }

    /**
     * Loads a model file: a DL4J zip ({@code ModelSerializer}) or a Keras {@code .h5}/{@code .hdf5}.
     *
     * @throws IOException naming the file when it is missing or no model DL4J can load
     */
    public static PretrainedExtractor load(Path modelFile, Options options) throws IOException {
        if (!Files.isRegularFile(modelFile)) {
            throw new IOException("cannot load model " + modelFile + ": no such file");
        }
        String name = modelFile.getFileName().toString().toLowerCase(Locale.ROOT);
        String kind = "pretrained:" + modelFile.getFileName() + (options.layer() == null ? "" : "@" + options.layer());
        Object model = name.endsWith(".h5") || name.endsWith(".hdf5") ? importKeras(modelFile) : restore(modelFile);
        return model instanceof MultiLayerNetwork network
                ? of(network, options, kind)
                : of((ComputationGraph) model, options, kind);
    }

    private static Object restore(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile());
        } catch (Exception e) {
            problems.add("not a MultiLayerNetwork (" + e.getMessage() + ")");
        }
        try {
            return ModelSerializer.restoreComputationGraph(file.toFile());
        } catch (Exception e) {
            problems.add("not a ComputationGraph (" + e.getMessage() + ")");
        }
        throw new IOException("cannot load model " + file + ": " + String.join("; ", problems));
    }

    private static Object importKeras(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        try {
            return KerasModelImport.importKerasSequentialModelAndWeights(file.toString(), false);
        } catch (Exception e) {
            problems.add("as a sequential model: " + e.getMessage());
        }
        try {
            return KerasModelImport.importKerasModelAndWeights(file.toString(), false);
        } catch (Exception e) {
            problems.add("as a functional model: " + e.getMessage());
        }
        throw new IOException("cannot import Keras model " + file + ": " + String.join("; ", problems));
    }

    /** Wraps a network held in memory. */
    public static PretrainedExtractor of(MultiLayerNetwork network, Options options, String kind) {
        int index = layerIndex(network, options.layer());
        return new PretrainedExtractor(clip -> {
            // feedForward's list holds the input, then every layer's output: layer i is entry i + 1
            List<INDArray> acts = network.feedForwardToLayer(index, clip, false);
            return acts.get(index + 1);
        }, options, kind);
    }

    private static int layerIndex(MultiLayerNetwork network, String layer) {
        int n = network.getLayers().length;
        if (layer == null) {
            boolean lastIsOutput = network.getLayers()[n - 1] instanceof org.deeplearning4j.nn.api.layers.IOutputLayer;
            return lastIsOutput && n > 1 ? n - 2 : n - 1;
        }
        if (layer.matches("\\d+")) {
            int i = Integer.parseInt(layer);
            if (i >= n) {
                throw new IllegalArgumentException("layer " + i + " does not exist: the network has " + n + " layers");
            }
            return i;
        }
        for (int i = 0; i < n; i++) {
            if (layer.equals(network.getLayerWiseConfigurations().getConf(i).getLayer().getLayerName())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no layer named '" + layer + "' in the network");
    }

    /** Wraps a computation graph held in memory. */
    public static PretrainedExtractor of(ComputationGraph graph, Options options, String kind) {
        String vertex = options.layer();
        if (vertex == null) {
            String out = graph.getConfiguration().getNetworkOutputs().get(0);
            var conf = graph.getConfiguration().getVertices().get(out);
            boolean isOutputLayer = conf instanceof LayerVertex lv
                    && lv.getLayerConf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
            vertex = isOutputLayer ? graph.getConfiguration().getVertexInputs().get(out).get(0) : out;
        }
        if (!graph.getConfiguration().getVertices().containsKey(vertex)
                && !graph.getConfiguration().getNetworkInputs().contains(vertex)) {
            throw new IllegalArgumentException("no vertex named '" + vertex + "' in the graph; vertices: "
                    + graph.getConfiguration().getVertices().keySet());
        }
        String chosen = vertex;
        return new PretrainedExtractor(clip -> {
            Map<String, INDArray> acts = graph.feedForward(clip, false);
            return acts.get(chosen);
        }, options, kind);
    }

    /** Wraps a network held in memory (kind {@code pretrained}). */
    public static PretrainedExtractor of(MultiLayerNetwork network, Options options) {
        return of(network, options, "pretrained");
    }

    /** Wraps a computation graph held in memory (kind {@code pretrained}). */
    public static PretrainedExtractor of(ComputationGraph graph, Options options) {
        return of(graph, options, "pretrained");
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String kind() {
        return kind;
    }

    /** The options in force. */
    public Options options() {
        return options;
    }

    @Override
    public float[] extract(Segment segment) {
        INDArray clip = clip(segment);
        INDArray features;
        synchronized (net) {
            features = pool(net.activations(clip));
        }
        return features.toFloatVector();
    }

    /** The clip fed to the model for a segment (shape {@link ClipShape#arrayShape()}). */
    @SuppressWarnings({"unchecked", "try"}) // a PointerScope frees the natives made in it, unreferenced by design; JavaCPP's constructor is not @SafeVarargs
    public INDArray clip(Segment segment) {
        ClipShape shape = options.clip();
        int d = shape.frames();
        int c = shape.channels();
        int h = shape.height();
        int w = shape.width();
        float[] data = new float[c * d * h * w];
        List<VideoFrame> frames = segment.frames();
        try (PointerScope scope = new PointerScope()) {
            for (int t = 0; t < d; t++) {
                VideoFrame frame = frames.get((int) ((long) t * frames.size() / d));
                Mat image = frame.toMat();
                Mat scaled = new Mat();
                resize(image, scaled, new Size(w, h), 0, 0, INTER_AREA);
                if (c == 1) {
                    Mat grey = new Mat();
                    cvtColor(scaled, grey, org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY);
                    scaled = grey;
                } else if (options.rgb()) {
                    Mat rgb = new Mat();
                    cvtColor(scaled, rgb, COLOR_BGR2RGB);
                    scaled = rgb;
                }
                try (UByteIndexer idx = scaled.createIndexer()) {
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            for (int ch = 0; ch < c; ch++) {
                                float v = (float) ((idx.get(y, x, ch) - options.mean()[ch]) / options.std()[ch]);
                                int at = shape.layout() == Layout.NCDHW
                                        ? (((ch * d + t) * h + y) * w + x)
                                        : (((t * h + y) * w + x) * c + ch);
                                data[at] = v;
                            }
                        }
                    }
                }
            }
        }
        return Nd4j.create(data, shape.arrayShape(), 'c');
    }

    /** Averages activations over time and space, keeping channels. */
    private INDArray pool(INDArray a) {
        return switch (a.rank()) {
            case 5 -> options.clip().layout() == Layout.NCDHW ? a.mean(2, 3, 4) : a.mean(1, 2, 3);
            case 4 -> a.mean(2, 3);
            case 3 -> a.mean(2);
            case 2 -> a;
            default -> throw new IllegalStateException("cannot pool activations of shape " + Arrays.toString(a.shape()));
        };
    }

    @Override
    public String toString() {
        return "PretrainedExtractor(" + kind + ", d=" + dimension + ", clip " + options.clip() + ")";
    }
}
