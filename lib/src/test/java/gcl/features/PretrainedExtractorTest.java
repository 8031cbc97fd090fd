package gcl.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.video.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.Subsampling3DLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class PretrainedExtractorTest {
    @TempDir
    Path dir;

    /** A tiny 3D CNN: conv 3x3x3 (4 maps) → max pool 2x2x2 → dense 8 → softmax 2, on 3 × 8 × 16 × 16 clips. */
    static MultiLayerNetwork tiny3dCnn() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7)
                .list()
                .layer(new Convolution3D.Builder().kernelSize(3, 3, 3).nOut(4).activation(Activation.RELU)
                        .dataFormat(Convolution3D.DataFormat.NCDHW).build())
                .layer(new Subsampling3DLayer.Builder(Subsampling3DLayer.PoolingType.MAX, new int[] {2, 2, 2}, new int[] {2, 2, 2}).build())
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.RELU).name("embedding").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, 8, 16, 16, 3))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void savedAndReloadedModelGivesItsPenultimateActivations() throws IOException {
        MultiLayerNetwork net = tiny3dCnn();
        Path file = dir.resolve("tiny3d.zip");
        ModelSerializer.writeModel(net, file.toFile(), false);

        PretrainedExtractor.Options options = PretrainedExtractor.Options.of(
                new PretrainedExtractor.ClipShape(3, 8, 16, 16, PretrainedExtractor.Layout.NCDHW));
        PretrainedExtractor loaded = PretrainedExtractor.load(file, options);
        assertEquals(8, loaded.dimension(), "the dense layer before the output layer");
        assertEquals("pretrained:tiny3d.zip", loaded.kind());

        Segment segment = DefaultExtractorTest.segment(2, true);
        INDArray clip = loaded.clip(segment);
        assertArrayEquals(new long[] {1, 3, 8, 16, 16}, clip.shape());
        float[] features = loaded.extract(segment);
        assertEquals(8, features.length);
        // the same numbers as the network in memory computes on the same clip
        float[] direct = net.feedForward(clip, false).get(3).toFloatVector();
        assertArrayEquals(direct, features, 1e-6f);
        assertArrayEquals(features, loaded.extract(segment), "deterministic");
        // pixels in [0, 1]
        assertTrue(clip.maxNumber().doubleValue() <= 1.0 && clip.minNumber().doubleValue() >= 0.0);
    }

    @Test
    void anInnerLayerIsPooledOverTimeAndSpace() throws IOException {
        Path file = dir.resolve("tiny3d.zip");
        ModelSerializer.writeModel(tiny3dCnn(), file.toFile(), false);
        var clip = new PretrainedExtractor.ClipShape(3, 8, 16, 16, PretrainedExtractor.Layout.NCDHW);
        PretrainedExtractor conv = PretrainedExtractor.load(file, PretrainedExtractor.Options.of(clip).withLayer("0"));
        assertEquals(4, conv.dimension(), "4 feature maps averaged over D, H, W");
        PretrainedExtractor named = PretrainedExtractor.load(file, PretrainedExtractor.Options.of(clip).withLayer("embedding"));
        assertEquals(8, named.dimension());
        assertThrows(IllegalArgumentException.class,
                () -> PretrainedExtractor.load(file, PretrainedExtractor.Options.of(clip).withLayer("nope")));
    }

    @Test
    void aFileThatIsNoModelIsNamed() throws IOException {
        Path bad = Files.writeString(dir.resolve("model.zip"), "not a model");
        var options = PretrainedExtractor.Options.of(PretrainedExtractor.ClipShape.resnext());
        IOException e = assertThrows(IOException.class, () -> PretrainedExtractor.load(bad, options));
        assertTrue(e.getMessage().contains("model.zip"), e.getMessage());
    }

    @Test
    void clipShapeParses() {
        var shape = PretrainedExtractor.ClipShape.parse("3x16x112x112:ndhwc");
        assertEquals(new PretrainedExtractor.ClipShape(3, 16, 112, 112, PretrainedExtractor.Layout.NDHWC), shape);
        assertEquals(PretrainedExtractor.Layout.NCDHW, PretrainedExtractor.ClipShape.parse("1x8x32x32").layout());
    }
}
