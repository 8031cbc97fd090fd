package gcl.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gcl.experiment.Experiment;
import gcl.spark.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** {@code gcl-spark ablate --methods c2fpl}: C2FPL's runs as Spark tasks, the rows of {@code gcl ablate}. */
class C2fplAblateTest {
    @BeforeEach
    @AfterEach
    void noSharedContext() {
        LocalSpark.stop(); // each command starts and stops its own
    }

    @Test
    void ablateWithC2fplWritesTheRowsOfGclAblate(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        assertEquals(0, gcl.cli.Main.run("synth", "features", "--out", data.toString(), "--seed", "0", "--profile", "quick"));
        List<String> common = List.of("--data", data.toString(), "--profile", "quick", "--methods", "ae-alldata,c2fpl",
                "--seeds", "1,2", "--set", "c2fpl.hidden=[16]", "--set", "c2fpl.epochs=2", "--set", "c2fpl.batchSize=64", "--quiet");
        String[] plain = concat(List.of("ablate", "--cache", dir.resolve("plain-runs").toString(), "--out",
                dir.resolve("plain.csv").toString()), common);
        String[] spark = concat(List.of("ablate", "--cache", dir.resolve("spark-runs").toString(), "--out",
                dir.resolve("spark.csv").toString(), "--master", "local[2]"), common);
        assertEquals(0, gcl.cli.Main.run(plain));
        assertEquals(0, Main.run(spark));
        Table rows = Experiment.readCsv(dir.resolve("spark.csv"));
        assertEquals(List.of("AE_AllData", "AE_AllData", "C2FPL", "C2FPL"), rows.stringColumn("method").asList());
        assertEquals(withoutTimings(dir.resolve("plain.csv")), withoutTimings(dir.resolve("spark.csv")));
    }

    private static String[] concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }

    /** The CSV without the timing columns (seconds, train s). */
    private static String withoutTimings(Path csv) {
        return Experiment.readCsv(csv).removeColumns("seconds", "train s").write().toString("csv");
    }
}
