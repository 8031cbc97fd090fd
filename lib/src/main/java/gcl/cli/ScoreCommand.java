package gcl.cli;

import gcl.AtomicFiles;
import gcl.Outputs;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.data.FeatureSet;
import gcl.eval.Evaluation;
import gcl.eval.Metrics;
import gcl.train.GclModel;
import gcl.train.RunDirectory;
import gcl.train.RunState;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code gcl score}: anomaly scores of a saved run on a dataset. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score a dataset's segments with the model of a finished run.",
            "The run's last checkpoint scores the segments; the data must mean what the run's did",
            "(same extractor, d, p, frame rate and size). Writes one CSV row per segment: video, segment,",
            "first_frame, score (the run's score source), score_g (G's reconstruction",
            "error), score_d (D's probability), rank_g and rank_d (each network's rank among",
            "the run's reference segments, the two halves of the 'either' score, which is",
            "their maximum; empty without a calibration), label (ground truth of the segment's",
            "first frame, -1 when unknown). Prints the frame-level metrics when the",
            "split has ground truth."})
public final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--run", paramLabel = "RUN_DIR", required = true, description = "A run directory made by 'gcl train'.")
    Path run;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "Dataset directory to score.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "CSV file for the segment scores.")
    Path out;

    @Option(names = "--split", defaultValue = "test", description = "test or train (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--crop-scores", defaultValue = "each",
            description = "Metrics of 10-crop features imported with --crops each: each (every crop counts as a video; default) or average (the field's test protocol: score each crop, average the crops' scores per segment).")
    String cropScores;

    @Override
    public Integer call() throws Exception {
        boolean averageCrops = switch (cropScores.trim().toLowerCase(Locale.ROOT)) {
            case "each" -> false;
            case "average" -> true;
            default -> throw new IllegalArgumentException("--crop-scores takes each or average, got '" + cropScores + "'");
        };
        Outputs.checkFile("--out", out);
        Outputs.refuseOverlap("--out", out, Outputs.inputs("--run", run, "--data", data));
        Outputs.refuseInsideManaged("--out", out);
        RunState.of(run).requireFinished("finish it with gcl train --resume --out " + run
                + " --data DIR (DIR: the dataset it trains on), then score it");
        RunDirectory.Manifest manifest = new RunDirectory(run).readManifest();
        Dataset ds = DatasetDirectory.load(data);
        if (manifest.dataMeaning() != null) {
            List<String> differences = ds.info().meaning().featureDifferences(manifest.dataMeaning(), "--data", "the run's data");
            if (!differences.isEmpty()) {
                throw new IllegalArgumentException(run + " was trained on features that mean something else than those of " + data
                        + ": " + String.join("; ", differences) + ". Score data made the way the run's data was");
            }
        }
        FeatureSet set = switch (split.toLowerCase(Locale.ROOT)) {
            case "test" -> ds.test();
            case "train" -> ds.train();
            default -> throw new IllegalArgumentException("--split must be test or train, got '" + split + "'");
        };
        GclModel model = new RunDirectory(run).loadModel();
        if (model.dim() != set.dim()) {
            throw new IllegalArgumentException(run + " was trained on d = " + model.dim() + " features, but " + data
                    + " has d = " + set.dim());
        }
        int p = ds.info().segmentSize();
        Table scores = Evaluation.segmentScores(model, set, p);
        AtomicFiles.write(out, tmp -> scores.write().csv(tmp.toFile()));
        System.out.println("wrote " + set.size() + " segment scores of " + set.videos().size() + " videos to " + out);
        if (Evaluation.hasGroundTruth(set)) {
            Metrics m = Evaluation.evaluate(model, set, p, averageCrops);
            System.out.println(m);
        }
        return 0;
    }
}
