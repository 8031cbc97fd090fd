package gcl.eval;

import gcl.data.Dataset;
import gcl.data.FeatureSet;
import gcl.data.Video;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.GclTrainer;
import gcl.train.RunDirectory;
import gcl.train.RunManifest;
import gcl.train.ScoreSource;
import gcl.train.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Whole runs, as the CLI, the notebooks and the experiment layer start them: train a config on a
 * dataset's training split (test AUC per epoch in the history when the test split has ground
 * truth), evaluate the model after the last epoch, and keep everything in a run directory.
 */
public final class Runs {
    private Runs() {
    }

    /**
     * Trains and evaluates.
     *
     * @param runDir where to keep config, checkpoints, history and metrics; null keeps nothing on disk
     * @param quiet  no progress lines
     */
    public static RunResult train(Dataset data, GclConfig config, Path runDir, boolean quiet) {
        GclTrainer trainer = trainer(data, config, quiet);
        RunDirectory dir = null;
        if (runDir != null) {
            dir = new RunDirectory(runDir);
            try {
                if (dir.hasCheckpoint()) {
                    throw new IllegalArgumentException(runDir + " already holds a run: resume it or choose another folder");
                }
                dir.writeManifest(RunManifest.now(config, data.info().name(), data.fingerprint()));
            } catch (IOException e) {
                throw new UncheckedIOException(runDir + ": cannot write the run manifest: " + e.getMessage(), e);
            }
            trainer.checkpointsIn(dir);
        }
        return finish(data, trainer.train(data.train()), dir);
    }

    /** Continues an interrupted run (same data required: the fingerprints must match). */
    public static RunResult resume(Path runDir, Dataset data, boolean quiet) {
        RunDirectory dir = new RunDirectory(runDir);
        try {
            RunManifest manifest = dir.readManifest();
            if (!manifest.dataFingerprint().equals(data.fingerprint())) {
                throw new IllegalArgumentException(runDir + ": the run was trained on data " + manifest.dataFingerprint()
                        + " but this dataset is " + data.fingerprint());
            }
            GclTrainer trainer = trainer(data, manifest.config(), quiet).checkpointsIn(dir);
            return finish(data, trainer.resume(data.train()), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The model saved in a run directory (after its last completed epoch). */
    public static GclModel load(Path runDir) {
        try {
            return new RunDirectory(runDir).loadModel();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static GclTrainer trainer(Dataset data, GclConfig config, boolean quiet) {
        GclTrainer trainer = new GclTrainer(config);
        if (quiet) {
            trainer.quiet();
        }
        if (Evaluation.hasGroundTruth(data.test())) {
            trainer.listener(Evaluation.testAuc(data.test(), data.info().segmentSize()));
        }
        return trainer;
    }

    private static RunResult finish(Dataset data, TrainingResult result, RunDirectory dir) {
        Metrics metrics = null;
        if (Evaluation.hasGroundTruth(data.test())) {
            metrics = Evaluation.evaluate(result.model(), data.test(), data.info().segmentSize());
            if (dir != null) {
                try {
                    metrics.writeCsv(dir.metricsFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(dir.metricsFile() + ": " + e.getMessage(), e);
                }
            }
        }
        return new RunResult(result, metrics, dir == null ? null : dir.root());
    }

    /**
     * Per-segment scores of a set: video, segment, first_frame, score (the model's configured
     * source), score_g, score_d (NaN for AE variants), label (frame ground truth of the segment's
     * first frame: 1/0, -1 when unknown).
     */
    public static Table segmentScores(GclModel model, FeatureSet set, int segmentSize) {
        float[] g = model.scores(set, ScoreSource.GENERATOR);
        float[] d = model.hasDiscriminator() ? model.scores(set, ScoreSource.DISCRIMINATOR) : null;
        boolean byD = model.config().effectiveScoreBy() == ScoreSource.DISCRIMINATOR;
        StringColumn video = StringColumn.create("video");
        IntColumn segment = IntColumn.create("segment");
        IntColumn firstFrame = IntColumn.create("first_frame");
        DoubleColumn score = DoubleColumn.create("score");
        DoubleColumn scoreG = DoubleColumn.create("score_g");
        DoubleColumn scoreD = DoubleColumn.create("score_d");
        IntColumn label = IntColumn.create("label");
        for (Video v : set.videos()) {
            for (int j = 0; j < v.segments(); j++) {
                int row = v.firstRow() + j;
                video.append(v.id());
                segment.append(j);
                firstFrame.append(j * segmentSize);
                scoreG.append(g[row]);
                scoreD.append(d == null ? Double.NaN : d[row]);
                score.append(byD ? d[row] : g[row]);
                int f = j * segmentSize;
                label.append(v.hasGroundTruth() && f < v.frames() ? (v.groundTruth()[f] ? 1 : 0) : -1);
            }
        }
        return Table.create("segment scores", video, segment, firstFrame, score, scoreG, scoreD, label);
    }
}
