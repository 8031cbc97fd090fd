package gcl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Seeds;
import gcl.experiment.Experiment;
import gcl.synth.SyntheticVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * gcl-spark on a real Spark standalone cluster: a master and a worker on 127.0.0.1, started from
 * Spark's own jars ({@link LoopbackCluster}), and the commands run as a user runs them, each in its
 * own process: {@code environment/gcl-spark --master spark://...} (the launcher ships its jars to
 * the executors) and Spark's {@code SparkSubmit} (the class {@code spark-submit} runs) with the
 * module's jar and its dependencies as {@code --jars}. Their outputs are compared with the plain
 * commands' ({@code gcl extract}, {@code gcl ablate} with one ND4J thread, run here): the same files,
 * byte for byte, and the same rows. Also: a worker lost with no other (the job ends, what finished
 * is kept, the rerun resumes), a worker lost and replaced mid-job (the job finishes, the same
 * results), paths the executors cannot see (refused before any work), a request no worker can meet
 * (refused at once), and the task slots printed.
 *
 * <p>An integration test (Maven's failsafe, after {@code package}): it runs the module's jar and the
 * class path {@code package} lays out in {@code spark/target}. The JVMs it starts run with
 * {@link LoopbackCluster#QUICK_JVM} (less CPU for short-lived JVMs, the same results).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    static final int DIM = 64;
    /** The grid: two methods, two seeds (4 runs), quick profile. */
    static final List<String> GRID = List.of("--profile", "quick", "--methods", "ae-alldata,gcl-b", "--quiet");
    static final List<String> SEEDS = List.of("--seeds", "1,2");

    @TempDir
    static Path shared;

    static Path root;
    static LoopbackCluster cluster;
    static Path videos;
    static Path plainDataset;
    static int plainExtractExit;
    static Path data;
    static Path plainRuns;
    static Path plainCsv;

    @BeforeAll
    static void clusterAndThePlainCommandsResults() throws Exception {
        root = Path.of(System.getProperty("gcl.root", "..")).toAbsolutePath().normalize();
        cluster = LoopbackCluster.start(root, shared.resolve("cluster")); // starts while the plain commands run here

        videos = shared.resolve("videos");
        SyntheticVideos.render(videos, new Seeds(7), SyntheticVideos.Config.defaults().withCount(3).withLength(2, 3).withThreads(1), null);
        Files.write(videos.resolve("broken.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 1, 2, 3});
        plainDataset = shared.resolve("plain-dataset");
        plainExtractExit = gcl.cli.Main.run("extract", "--videos", videos.toString(), "--out", plainDataset.toString(),
                "--dim", String.valueOf(DIM), "--threads", "1");
        assertEquals(1, plainExtractExit, "gcl extract names the broken file and exits 1");

        data = shared.resolve("data");
        assertEquals(0, gcl.cli.Main.run("synth", "features", "--out", data.toString(), "--seed", "0", "--profile", "quick"));
        plainRuns = shared.resolve("plain-runs");
        plainCsv = shared.resolve("plain.csv");
        assertEquals(0, gcl.cli.Main.run(Launched.args("ablate", "--data", data, GRID, SEEDS, "--cache", plainRuns, "--out", plainCsv)
                .toArray(String[]::new)));
        cluster.awaitWorker();
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aRequestNoWorkerCanMeetIsRefusedAtOnceSayingWhy() throws Exception {
        Launched x = launcher("too-big", "ablate", "--data", data, GRID, "--seeds", "1", "--cache", shared.resolve("never-runs"),
                "--out", shared.resolve("never.csv"), "--master", cluster.url(), "--master-ui", cluster.ui(),
                "--conf", "spark.executor.memory=64g", "--conf", "spark.task.cpus=4");
        assertEquals(1, x.exitCode(), x.output());
        String out = x.output();
        assertTrue(out.contains("spark.executor.memory=64g (65536 MB) is more than any worker gives executors (1 alive, the most: 2048 MB"), out);
        assertTrue(out.contains("one task needs 4 core(s) (spark.task.cpus) and no worker has that many (1 alive, the most: 2)"), out);
        assertFalse(Files.exists(shared.resolve("never-runs")), "nothing made");
    }

    @Test
    @Order(2)
    void theLauncherShipsItsJarsToTheExecutorsAndExtractsWhatThePlainCommandExtracts() throws Exception {
        Path dataset = shared.resolve("launcher-dataset");
        Launched x = launcher("launcher-extract", "extract", "--videos", videos, "--out", dataset, "--dim", DIM,
                "--master", cluster.url(), "--master-ui", cluster.ui());
        assertEquals(plainExtractExit, x.exitCode(), x.output());
        assertTrue(x.output().contains("spark: " + cluster.url() + ", 1 executor(s) on 1 host(s), 2 core(s), spark.task.cpus=1: 2 task slot(s)"),
                x.output());
        SameFiles.assertSame(plainDataset, dataset);
        // the launcher's ablate: aLostWorker... below, which compares its rows and runs with the plain command's
    }

    @Test
    @Order(3)
    void sparkSubmitOfTheModuleJarWritesWhatThePlainCommandsWriteWithTheRealSlotCount() throws Exception {
        Path dataset = shared.resolve("submit-dataset");
        // two cores per task: the worker's 2 cores make one task slot
        Launched x = sparkSubmit("submit-extract", List.of("--conf", "spark.task.cpus=2"),
                "extract", "--videos", videos, "--out", dataset, "--dim", DIM);
        assertEquals(plainExtractExit, x.exitCode(), x.output());
        assertTrue(x.output().contains("1 executor(s) on 1 host(s), 2 core(s), spark.task.cpus=2: 1 task slot(s)"), x.output());
        SameFiles.assertSame(plainDataset, dataset);

        Path runs = shared.resolve("submit-runs");
        Path csv = shared.resolve("submit.csv");
        Launched g = sparkSubmit("submit-ablate", List.of(), "ablate", "--data", data, GRID, "--seeds", "1", "--cache", runs, "--out", csv);
        assertEquals(0, g.exitCode(), g.output());
        List<String> plainSeed1 = rows(plainCsv, "cached");
        assertEquals(rows(plainCsv).get(0), rows(csv).get(0), "the same columns");
        int seed = List.of(plainSeed1.get(0).split(",", -1)).indexOf("seed");
        plainSeed1 = plainSeed1.stream().filter(r -> r.split(",", -1)[seed].matches("seed|1")).toList();
        assertEquals(plainSeed1, rows(csv, "cached"));
    }

    @Test
    @Order(4)
    void pathsTheExecutorsDoNotSeeAreRefusedBeforeAnyWorkNamingPathAndHost() throws Exception {
        // /proc/self/cwd is the folder each process runs in: the driver's (here) holds the videos; an
        // executor's is its folder under the worker's work/, where there are none: the same path, not
        // the same files, as with a folder that is not on a shared file system
        Launched x = launcher("unseen-extract", "extract", "--videos", "/proc/self/cwd/videos", "--out", "/proc/self/cwd/unseen-dataset",
                "--dim", DIM, "--master", cluster.url(), "--master-ui", cluster.ui());
        assertEquals(1, x.exitCode(), x.output());
        String out = x.output();
        assertTrue(out.contains("--videos /proc/self/cwd/videos: no such file or folder on executor "), out);
        assertTrue(out.contains("--out /proc/self/cwd/unseen-dataset: no such folder on executor "), out);
        assertTrue(out.contains("(host " + LoopbackCluster.HOST + ")"), out);
        assertFalse(Files.exists(shared.resolve("unseen-dataset")), "the folder made for the check is removed again; nothing written");

        Launched g = launcher("unseen-cache", "ablate", "--data", data, GRID, "--seeds", "1", "--cache", "/proc/self/cwd/unseen-runs",
                "--out", shared.resolve("unseen.csv"), "--master", cluster.url(), "--master-ui", cluster.ui());
        assertEquals(1, g.exitCode(), g.output());
        assertTrue(g.output().contains("--cache /proc/self/cwd/unseen-runs: no such folder on executor "), g.output());
        assertFalse(Files.exists(shared.resolve("unseen-runs")), "no run trained");
        assertFalse(Files.exists(shared.resolve("unseen.csv")));
    }

    @Test
    @Order(5)
    void theLaunchersAblateEndsWhenItsWorkerIsLostAndResumesThroughAReplacedOneWithThePlainCommandsRuns() throws Exception {
        Path runs = shared.resolve("lost-runs");
        Path csv = shared.resolve("lost.csv");
        List<Object> command = List.of("ablate", "--data", data, GRID, SEEDS, "--cache", runs, "--out", csv,
                "--master", cluster.url(), "--master-ui", cluster.ui());

        // 1. the worker is lost after the first run is done, and none comes back
        Launched a = launcher("lost-worker", command, "--executor-wait", "10s");
        awaitRuns(runs, 1, a);
        cluster.killWorker();
        assertEquals(1, a.exitCode(), a.output());
        String out = a.output();
        assertTrue(out.contains("was lost") && out.contains("no task slot for 10s on " + cluster.url())
                && out.contains("the same command run again resumes from it"), out);
        int kept = finishedRuns(runs).size();
        assertTrue(kept >= 1 && kept < 4, "the finished runs are kept: " + kept);
        assertFalse(Files.exists(csv));

        // 2. the rerun on a new worker resumes; that worker is lost mid-job too, and replaced; in the end,
        //    the rows and the run cache of the plain command
        cluster.startWorker();
        cluster.awaitWorker();
        Launched b = launcher("replaced-worker", command);
        awaitRuns(runs, kept + 1, b);
        cluster.killWorker();
        Thread.sleep(3000);
        cluster.startWorker();
        assertEquals(0, b.exitCode(), b.output());
        assertTrue(b.output().contains("was lost") && b.output().contains("added"), b.output());
        assertEquals(rows(plainCsv, "cached"), rows(csv, "cached"), "the plain command's rows");
        // read back: the runs the first attempt kept, and any run the lost worker finished before its task could report
        long readBack = Experiment.readCsv(csv).booleanColumn("cached").asList().stream().filter(c -> c).count();
        assertTrue(readBack >= kept && readBack < 4, "the runs kept by the first attempt are read back: " + readBack + " of 4, " + kept + " kept");
        SameFiles.assertSame(plainRuns, runs, DistributedGridTest::withoutTimings);
        cluster.awaitWorker();
    }

    // --- helpers ---

    /** environment/gcl-spark, as a user runs it (without its build step: the jars are this build's). */
    static Launched launcher(String name, Object... args) throws IOException {
        List<String> cmd = Launched.args(root.resolve("environment/gcl-spark"), List.of(args));
        return Launched.start(cmd, shared, Map.of("GCL_NO_SETUP", "1", "SPARK_LOCAL_IP", LoopbackCluster.HOST, "OMP_NUM_THREADS", "1",
                "GCL_CACHE", shared.resolve("gcl-cache").toString(),
                "GCL_JAVA_OPTS", "-Xmx1g -Djava.awt.headless=true " + String.join(" ", LoopbackCluster.QUICK_JVM)),
                shared.resolve(name + ".log"));
    }

    /**
     * Spark's SparkSubmit on Spark's jars alone, as a distribution's {@code spark-submit} runs it: the
     * module's jar as the application, lib and its dependencies as {@code --jars}.
     */
    static Launched sparkSubmit(String name, List<String> sparkArgs, Object... args) throws IOException {
        Path target = root.resolve("spark/target");
        Path app;
        String jars;
        try (Stream<Path> s = Files.list(target)) {
            app = s.filter(p -> p.getFileName().toString().matches("gcl-spark-.*\\.jar") && !p.toString().endsWith("-cluster.jar"))
                    .findFirst().orElseThrow();
        }
        try (Stream<Path> s = Files.list(target.resolve("dependency"))) {
            jars = s.map(Path::toString).filter(p -> p.endsWith(".jar")).sorted().collect(Collectors.joining(","));
        }
        List<String> cmd = Launched.args(LoopbackCluster.javaBin(), "@" + root.resolve("spark/jvm.options"), "-Xmx1g", LoopbackCluster.QUICK_JVM,
                "-cp", cluster.sparkHome().resolve("jars") + "/*", "org.apache.spark.deploy.SparkSubmit",
                "--master", cluster.url(), "--class", "gcl.spark.cli.Main", "--jars", jars, "--conf", "spark.gcl.masterUi=" + cluster.ui(),
                sparkArgs, app, List.of(args));
        return Launched.start(cmd, shared, Map.of("SPARK_HOME", cluster.sparkHome().toString(), "SPARK_SCALA_VERSION", "2.13",
                "SPARK_LOCAL_IP", LoopbackCluster.HOST, "OMP_NUM_THREADS", "1"), shared.resolve(name + ".log"));
    }

    /** The finished runs in a cache (a run folder is moved in whole when its run is done). */
    static List<Path> finishedRuns(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    /** Waits until a cache holds this many finished runs, while the command still runs. */
    static void awaitRuns(Path cache, int n, Launched command) throws Exception {
        while (finishedRuns(cache).size() < n) {
            if (!command.running()) {
                throw new AssertionError("the command ended before " + n + " run(s) were done:\n" + command.output());
            }
            Thread.sleep(100);
        }
        assertTrue(command.running(), "the job is still running when the worker is lost:\n" + command.output());
    }

    /** The lines of a runs CSV (header first) without the columns that say how long something took, nor these. */
    static List<String> rows(Path csv, String... without) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> drop = new ArrayList<>(DistributedGridTest.TIMING);
        drop.addAll(List.of(without));
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1); // no cell of these tables holds a comma
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                if (!drop.contains(header.get(i))) {
                    kept.add(cells[i]);
                }
            }
            out.add(String.join(",", kept));
        }
        return out;
    }
}
