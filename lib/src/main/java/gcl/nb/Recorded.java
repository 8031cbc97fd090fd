package gcl.nb;

import gcl.Folders;
import gcl.experiment.Experiment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The results recorded once and committed with the lessons in {@code notebooks/results/} (in the
 * project folder, {@link Folders#projectHome()}): runs that take hours on a CPU, such as Table 2 in
 * the full profile. {@code notebooks/results/README.md} says how each file was made.
 */
public final class Recorded {
    private Recorded() {
    }

    /**
     * A runs table recorded earlier and committed with the lessons in {@code notebooks/results/}
     * (in the project folder, {@link Folders#projectHome()}): results that take hours on a CPU, such
     * as Table 2 in the full profile. {@code notebooks/results/README.md} says how each file was made.
     */
    public static Table table(String file) {
        return Experiment.readCsv(folder().resolve(file)).setName("recorded: " + file);
    }

    /** Whether {@code notebooks/results/} holds this file. */
    public static boolean exists(String file) {
        return Files.isRegularFile(folder().resolve(file));
    }

    static Path folder() {
        return Folders.projectFile("notebooks/results/README.md").map(Path::getParent)
                .orElseThrow(() -> new UncheckedIOException(new IOException("no notebooks/results folder in the project folder "
                        + Folders.projectHome().map(Path::toString).orElse("(none: set GCL_HOME, or run inside the clone)"))));
    }

    /**
     * A recorded Table 2 ({@code notebooks/results/table2-<data>.csv}, e.g. {@code synthetic-full})
     * as one row per method and one column per preset (mean ± std over its seeds), next to the
     * paper's UCF-Crime figure; only the named methods when any are given.
     */
    public static Table table2(String data, String... methods) {
        Table runs = table("table2-" + data + ".csv");
        if (methods.length > 0) {
            runs = runs.where(runs.stringColumn("method").isIn(methods));
        }
        return gcl.experiment.Summaries.byPreset(runs, data + " (recorded)");
    }

    /**
     * The paper's claims checked on a recorded Table 2 ({@code notebooks/results/table2-<data>.csv})
     * under each of its presets, as markdown ({@link gcl.experiment.Claims#markdownByPreset}): the
     * computed reading of the recorded tables.
     */
    public static String reading(String data, List<gcl.experiment.Claims.Claim> claims) {
        return gcl.experiment.Claims.markdownByPreset(data + " (recorded)", table("table2-" + data + ".csv"), claims);
    }
}
