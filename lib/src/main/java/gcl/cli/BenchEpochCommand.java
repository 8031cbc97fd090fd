package gcl.cli;

import gcl.AtomicFiles;
import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.data.VideoLabel;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.GclTrainer;
import gcl.train.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcl bench epoch}: seconds per cooperative epoch at the paper's network sizes. */
@Command(name = "epoch", mixinStandardHelpOptions = true,
        description = {"Time one epoch of the cooperative loop (GCL_B: on every batch G labels,",
            "D steps, D labels, G steps) at the paper's sizes: G FC[d,1024,512,256,512,1024,d],",
            "D FC[d,512,32,1], batch 8192, on random features. An untimed warm-up epoch",
            "runs first."})
public final class BenchEpochCommand implements Callable<Integer> {
    @Option(names = "--dim", defaultValue = "2048", description = "Feature dimension d (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--segments", defaultValue = "40000", description = "Training segments (default: ${DEFAULT-VALUE}).")
    int segments;

    @Option(names = "--batch", defaultValue = "8192", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--epochs", defaultValue = "1", description = "Timed epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--no-warmup", description = "Skip the untimed warm-up epoch.")
    boolean noWarmup;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the numbers as CSV (environment/bench reads it).")
    Path out;

    /** CSV columns of {@code --out}. */
    static final String CSV_HEADER = "segments,dim,batch,iterations,threads,gflop_per_iteration,seconds_per_iteration_best,seconds_per_iteration_mean";

    @Override
    public Integer call() throws IOException {
        INDArray x = Nd4j.create(DataType.FLOAT, segments, dim);
        Nd4j.rand(x, 1L);
        int perVideo = 500;
        List<Video> videos = new ArrayList<>();
        for (int row = 0, i = 0; row < segments; row += perVideo, i++) {
            int t = Math.min(perVideo, segments - row);
            videos.add(new Video("v" + i, row, t, t * 16, VideoLabel.UNKNOWN, null));
        }
        FeatureSet set = new FeatureSet(x, videos);
        GclTrainer trainer = new GclTrainer(GclConfig.defaults().withVariant(Variant.GCL_B).with("batchSize", batch).withEpochs(1), set);
        GclConfig config = trainer.config();
        int batches = (segments + batch - 1) / batch;
        System.out.println(String.format(Locale.ROOT, "bench epoch: %d segments, d = %d, batch %d (%d batches), G %s, D %s, %d ND4J threads",
                segments, dim, batch, batches, config.generatorHidden(), config.discriminatorHidden(),
                Nd4j.getEnvironment().maxThreads()));
        double gflop = usefulGflop(dim, config.generatorHidden(), config.discriminatorHidden(), batch);
        double total = 0;
        double best = Double.POSITIVE_INFINITY;
        try (GclModel model = trainer.newModel()) {
            if (!noWarmup) {
                double w = timeEpoch(config, set, model, 0);
                System.out.println(String.format(Locale.ROOT, "warm-up epoch: %.1f s", w));
            }
            for (int e = 1; e <= epochs; e++) {
                double s = timeEpoch(config, set, model, e);
                total += s;
                best = Math.min(best, s / batches);
                System.out.println(String.format(Locale.ROOT, "epoch %d: %.1f s  (%.2f s per iteration, %.0f segments/s, %.0f useful GFLOP/s)",
                        e, s, s / batches, segments / s, gflop * batches / s));
            }
        } finally {
            x.close();
        }
        double mean = total / epochs / batches;
        System.out.println(String.format(Locale.ROOT, "mean: %.1f s per cooperative epoch, %.2f s per iteration (best %.2f); "
                + "%.0f GFLOP per iteration as the paper's loop needs it", total / epochs, mean, best, gflop));
        if (out != null) {
            String row = String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%.3f,%.4f,%.4f", segments, dim, batch, epochs * batches,
                    Nd4j.getEnvironment().maxThreads(), gflop, best, mean);
            AtomicFiles.writeString(out, CSV_HEADER + "\n" + row + "\n");

        }
        return 0;
    }

    /**
     * The floating-point work of one cooperative iteration as the loop is written (G forward for the
     * labels, D forward and backward, D forward for the labels, G forward and backward), in GFLOP:
     * 2·b·n_in·n_out per matrix product, no input gradient for the first layers. About 379 at the
     * paper's sizes; the library skips one of G's forward passes, so its achieved rate can exceed the BLAS's.
     */
    static double usefulGflop(int d, List<Integer> gHidden, List<Integer> dHidden, int batch) {
        double flops = 0;
        for (List<Integer> sizes : List.of(sizes(d, gHidden, d), sizes(d, dHidden, 1))) {
            for (int l = 0; l + 1 < sizes.size(); l++) {
                double mn = (double) sizes.get(l) * sizes.get(l + 1);
                flops += 3 * mn + (l > 0 ? mn : 0);   // two forwards, dW, and δW^T past the first layer
            }
        }
        return 2.0 * batch * flops / 1e9;
    }

    private static List<Integer> sizes(int in, List<Integer> hidden, int out) {
        List<Integer> s = new ArrayList<>();
        s.add(in);
        s.addAll(hidden);
        s.add(out);
        return s;
    }

    private static double timeEpoch(GclConfig config, FeatureSet set, GclModel model, int epoch) {
        Random rng = new Random(epoch);
        long start = System.nanoTime();
        for (int[] b : set.shuffledBatches(config.batchSize(), rng)) {
            try (INDArray batch = set.rows(b)) {
                model.iterate(batch, rng);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
