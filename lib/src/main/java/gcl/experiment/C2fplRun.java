package gcl.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gcl.AtomicFiles;
import gcl.Log;
import gcl.Version;
import gcl.c2fpl.AnomalyClassifier;
import gcl.c2fpl.C2fpl;
import gcl.c2fpl.C2fplConfig;
import gcl.c2fpl.C2fplModel;
import gcl.data.Dataset;
import gcl.eval.Evaluation;
import gcl.eval.FrameScores;
import gcl.eval.Metrics;
import gcl.train.ConfigFields;
import gcl.train.RunDirectory;
import gcl.train.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A C2FPL run ({@link C2fpl#train}) in a run folder of the same layout as GCL's ({@link RunDirectory}), so
 * that the run cache, {@link Experiment} and the runs tables treat it as any other run:
 * <pre>
 *   RUN/run.json                   config (its "method" is c2fpl), seed, data name and fingerprint, versions
 *   RUN/checkpoint/classifier.zip  the classifier Ã_θ (Deeplearning4j's model file, without updater state)
 *   RUN/history.csv                per epoch of the classifier: epoch, learning_rate, loss, seconds
 *   RUN/summary.csv                what training saw without ground truth ({@link C2fplModel#summary()})
 *   RUN/metrics.csv                frame AUC and AP of the classifier's probability on the test split
 *   RUN/finished.json              the {@link RunRecord}: the files of the run as it finished
 * </pre>
 * The metrics' {@code auc_g} and {@code auc_d} (GCL's two networks) are NaN. A run is written once, at
 * its end: there is no checkpoint to resume, and an interrupted run is trained again from the start
 * (C2FPL's pseudo-labels take seconds, its classifier minutes at most at the paper's sizes). Its state
 * is read as GCL's is ({@link gcl.train.RunState}): only a finished run whose files match its record
 * is read back.
 */
final class C2fplRun {
    static final String CLASSIFIER = RunDirectory.CHECKPOINT + "/classifier.zip";
    static final String SUMMARY = "summary.csv";
    /** What {@code metrics.csv} names as the score: the classifier's probability. */
    static final String SCORE = "classifier";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private C2fplRun() {
    }

    /**
     * Trains C2FPL on a dataset's training split and evaluates it on its test split (when that has
     * ground truth); with a folder, keeps the run there.
     */
    static Run train(String name, Dataset data, C2fplConfig config, Path dir, boolean quiet) {
        long start = System.nanoTime();
        RunDirectory run = dir == null ? null : new RunDirectory(dir);
        if (run != null) {
            try {
                writeManifest(run, config, data);
            } catch (IOException e) {
                throw new UncheckedIOException(dir + ": cannot write the run manifest: " + e.getMessage(), e);
            }
        }
        if (!quiet) {
            Log.info(name + ": C2FPL pseudo-labels, then the classifier (" + config.epochs() + " epochs)");
        }
        C2fplModel model = C2fpl.train(data.train(), config);
        Metrics metrics = Evaluation.hasGroundTruth(data.test()) ? metrics(model, data) : null;
        if (run != null) {
            try {
                model.classifier().save(run.root().resolve(CLASSIFIER));
                AtomicFiles.write(run.historyFile(), tmp -> model.history().write().csv(tmp.toFile()));
                AtomicFiles.write(run.root().resolve(SUMMARY), tmp -> model.summary().write().csv(tmp.toFile()));
                if (metrics != null) {
                    run.writeMetrics(metrics.table());
                }
                RunRecord.write(run, config.epochs());
            } catch (IOException e) {
                throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
            }
        }
        return new Run(name, config, metrics, model.history(), dir, false, (System.nanoTime() - start) / 1e9, null, model);
    }

    private static Metrics metrics(C2fplModel model, Dataset data) {
        FrameScores.FrameLevel frames = model.frames(data.test(), data.info().segmentSize());
        return new Metrics(frames.auc(), frames.averagePrecision(), Double.NaN, Double.NaN, SCORE, frames.videoIds().size(),
                frames.frames(), frames.anomalousFrames());
    }

    private static void writeManifest(RunDirectory run, C2fplConfig config, Dataset data) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.set("config", JSON.readTree(config.toJson()));
        o.put("seed", config.seed());
        ObjectNode d = o.putObject("data");
        d.put("name", data.info().name());
        d.put("fingerprint", data.fingerprint());
        data.info().withFeatureDim(data.train().dim()).meaning().writeTo(d);
        Map<String, String> versions = new LinkedHashMap<>(Version.all());
        versions.put("gcl_c2fpl_code", Version.c2fplCode());
        o.set("versions", JSON.valueToTree(versions));
        o.put("created", Instant.now().toString());
        AtomicFiles.writeString(run.manifestFile(), JSON.writeValueAsString(o));
    }

    /** Whether a run folder holds a C2FPL run (its manifest's config names the method); false without a manifest. */
    static boolean holds(Path dir) {
        Path file = new RunDirectory(dir).manifestFile();
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return C2fplConfig.METHOD.equals(JSON.readTree(file.toFile()).path("config").path(ConfigFields.METHOD).asText());
        } catch (IOException e) {
            return false; // not a C2FPL manifest: the GCL reader names what is wrong with it
        }
    }

    /**
     * A C2FPL run read back from its folder (the classifier stays on disk: {@link Run#classifier()}); the
     * caller has checked that it finished ({@link gcl.train.RunState}).
     */
    static Run read(String name, Path dir) {
        long start = System.nanoTime();
        RunDirectory run = new RunDirectory(dir);
        if (!Files.isRegularFile(run.metricsFile())) {
            throw new IllegalStateException(run.metricsFile() + " is missing, so the run cannot be read back");
        }
        try {
            JsonNode manifest = JSON.readTree(run.manifestFile().toFile());
            C2fplConfig config = C2fplConfig.fromJsonTree(manifest.path("config"), run.manifestFile().toString());
            Metrics metrics = Metrics.fromTable(run.readMetrics(), run.metricsFile().toString());
            return new Run(name, config, metrics, run.readHistory(), dir, true, (System.nanoTime() - start) / 1e9, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(run.manifestFile() + ": " + e.getMessage(), e);
        }
    }

    /** The classifier of a C2FPL run folder. */
    static AnomalyClassifier classifier(Path dir) {
        try {
            return AnomalyClassifier.load(dir.resolve(CLASSIFIER));
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(CLASSIFIER) + ": " + e.getMessage(), e);
        }
    }

    /** What training saw without ground truth ({@link C2fplModel#summary()}), as the run folder keeps it. */
    static Table summary(Path dir) {
        Path file = dir.resolve(SUMMARY);
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException(file + ": no C2FPL training summary"));
        }
        return Table.read().csv(file.toFile());
    }
}
