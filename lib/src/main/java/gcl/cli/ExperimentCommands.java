package gcl.cli;

import gcl.Tables;
import gcl.experiment.Experiment;
import gcl.experiment.Summaries;
import gcl.experiment.Trial;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;

/** What {@code ablate} and {@code seeds} share: run the trials, write the rows, print the summary. */
final class ExperimentCommands {
    private ExperimentCommands() {
    }

    static int runAndReport(Experiment experiment, List<Trial> trials, List<Long> seeds, Path out) {
        System.out.println("data: " + experiment.data().info().name() + " (" + experiment.data().fingerprint() + ")"
                + (experiment.data().info().synthetic() ? " — synthetic teaching proxy: results are not the paper's" : ""));
        Table runs = experiment.runAll(trials, seeds);
        Experiment.writeCsv(runs, out);
        Table summary = Summaries.summary(runs);
        System.out.println();
        System.out.print(Tables.text(Summaries.compare(summary, experiment.data().info().name()), 100));
        System.out.println("wrote " + out + " (" + runs.rowCount() + " runs; run directories in " + experiment.cache().root() + ")");
        return 0;
    }
}
