package gcl.cli;

import gcl.TableText;
import gcl.experiment.Experiment;
import gcl.experiment.Summaries;
import gcl.experiment.Symptoms;
import gcl.experiment.Trial;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What {@code ablate} and {@code seeds} share: run the trials, write the rows, print the summary. When
 * some runs fail, the others still go on and are written, and the command ends with one line naming
 * each failed (method, seed) and exit code 1.
 */
final class ExperimentCommands {
    private ExperimentCommands() {
    }

    static int runAndReport(Experiment experiment, List<Trial> trials, List<Long> seeds, Path out) {
        System.out.println("data: " + experiment.data().info().name() + " (" + experiment.data().fingerprint() + ")"
                + (experiment.data().info().synthetic() ? " — synthetic teaching proxy: results are not the paper's" : ""));
        Table runs;
        Experiment.RunsFailed failed = null;
        try {
            runs = experiment.runAll(trials, seeds);
        } catch (Experiment.RunsFailed e) {
            if (e.finished().isEmpty()) {
                throw e;
            }
            // write and summarise the runs that finished, then name the failed ones (exit code 1)
            failed = e;
            runs = Experiment.table(e.finished());
        }
        Experiment.writeCsv(runs, out);
        Table summary = Summaries.summary(runs);
        System.out.println();
        System.out.print(TableText.text(Summaries.compare(summary, experiment.data().info().name()), 100));
        System.out.println("wrote " + out + " (" + runs.rowCount() + " runs; run directories in " + experiment.cache().root() + ")");
        Symptoms.warnings(runs).forEach(w -> System.out.println("warning: " + w));
        if (failed != null) {
            throw failed;
        }
        return 0;
    }
}
