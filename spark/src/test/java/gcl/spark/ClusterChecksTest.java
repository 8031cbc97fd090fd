package gcl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.cluster.ExecutorInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster checks on hand-made inputs: task slots, a master's workers against a request, the jars to ship. */
class ClusterChecksTest {
    @Test
    void taskSlotsAreEachExecutorsCoresOverTaskCpusSummed() {
        ExecutorWatch watch = new ExecutorWatch(new SparkConf().set("spark.master", "spark://m:7077").set("spark.task.cpus", "2"));
        assertEquals(0, watch.slots(), "no executor, no slot");
        watch.onExecutorAdded(added("1", "h1", 4));
        watch.onExecutorAdded(added("2", "h2", 3));
        watch.onExecutorAdded(added("3", "h2", 1));
        assertEquals(2 + 1 + 0, watch.slots(), "4/2 + 3/2 + 1/2, each rounded down");
        assertEquals("spark://m:7077, 3 executor(s) on 2 host(s), 8 core(s), spark.task.cpus=2: 3 task slot(s)", watch.describe());
        watch.onExecutorRemoved(new SparkListenerExecutorRemoved(0L, "1", "worker lost"));
        assertEquals(1, watch.slots());
    }

    private static SparkListenerExecutorAdded added(String id, String host, int cores) {
        return new SparkListenerExecutorAdded(0L, id, new ExecutorInfo(host, cores, scala.collection.immutable.Map$.MODULE$.empty()));
    }

    static final String MASTER_JSON = """
            {"url": "spark://m:7077", "status": "ALIVE",
             "workers": [
               {"host": "a", "state": "ALIVE", "cores": 8, "coresfree": 2, "memory": 16384, "memoryfree": 4096},
               {"host": "b", "state": "ALIVE", "cores": 4, "coresfree": 4, "memory": 30720, "memoryfree": 30720},
               {"host": "c", "state": "DEAD", "cores": 64, "coresfree": 64, "memory": 262144, "memoryfree": 262144}],
             "activeapps": [{"id": "app-1", "cores": 6}]}
            """;

    static SparkConf request(String... settings) {
        SparkConf c = new SparkConf().set("spark.master", "spark://m:7077");
        for (int i = 0; i < settings.length; i += 2) {
            c.set(settings[i], settings[i + 1]);
        }
        return c;
    }

    @Test
    void aRequestIsRefusedOnlyWhenNoAliveWorkerCouldEverMeetIt() throws Exception {
        StandaloneMaster m = StandaloneMaster.parse("http://m:8080", MASTER_JSON);
        assertEquals(Optional.empty(), m.unmet(request("spark.executor.memory", "12g", "spark.task.cpus", "2")),
                "a fits (16 GB, 8 cores) though only 4 GB are free now");
        assertEquals(Optional.empty(), m.unmet(request("spark.executor.memory", "30g")), "b has 30 GB");

        String memory = m.unmet(request("spark.executor.memory", "64g")).orElseThrow();
        assertTrue(memory.contains("spark.executor.memory=64g (65536 MB) is more than any worker gives executors (2 alive, the most: 30720 MB"),
                memory + " (the dead worker's 256 GB do not count)");
        String cores = m.unmet(request("spark.task.cpus", "16")).orElseThrow();
        assertTrue(cores.contains("one task needs 16 core(s) (spark.task.cpus) and no worker has that many (2 alive, the most: 8)"), cores);
        String both = m.unmet(request("spark.executor.memory", "20g", "spark.executor.cores", "6")).orElseThrow();
        assertTrue(both.contains("no worker has both 20480 MB (spark.executor.memory) and 6 core(s) (spark.executor.cores)"), both);
        String max = m.unmet(request("spark.task.cpus", "2", "spark.cores.max", "1")).orElseThrow();
        assertTrue(max.contains("spark.cores.max=1 is less than the 2 core(s) one task needs"), max);

        StandaloneMaster none = StandaloneMaster.parse("http://m:8080", "{\"workers\": []}");
        assertEquals(Optional.empty(), none.unmet(request("spark.executor.memory", "64g")), "no worker yet: one may still register");
    }

    @Test
    void whatTheMasterHasForAnApplicationWaitingForAnExecutor() throws Exception {
        StandaloneMaster m = StandaloneMaster.parse("http://m:8080", MASTER_JSON);
        assertEquals(6, m.granted("app-1"));
        assertTrue(m.free(request(), "app-1").contains("the master gave this application 6 core(s), but no executor of it reached the driver"));
        assertEquals(0, m.granted("app-2"));
        assertTrue(m.free(request("spark.executor.memory", "8g"), "app-2").contains(
                "2 alive worker(s) with 6 core(s) free in all and at most 30720 MB free on one; an executor needs 8192 MB and 1 core(s)"),
                m.free(request(), "app-2"));
        assertEquals(List.of("http://m:8080", "http://n:8080"), StandaloneMaster.uis(new SparkConf().set("spark.master", "spark://m:7077,n:7077")));
        assertEquals(List.of("http://ui:9090"), StandaloneMaster.uis(request(StandaloneMaster.UI_KEY, "http://ui:9090/")));
    }

    @Test
    void whatAnExecutorSeesOfTheSharedPaths(@TempDir Path dir) throws Exception {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        Path out = Files.createDirectories(dir.resolve("out"));
        SharedPaths fine = SharedPaths.none().read("--videos", videos).write("--out", out);
        assertEquals(List.of(), fine.report(false).problems());
        assertEquals(List.of("--out " + out + ": another folder than the driver's (the file the driver just wrote there is missing)"),
                fine.report(true).problems(), "a folder of the same name without the driver's marker is not the driver's");

        SharedPaths missing = SharedPaths.none().read("--videos", dir.resolve("nowhere")).write("--cache", dir.resolve("runs"));
        assertEquals(List.of("--videos " + dir.resolve("nowhere") + ": no such file or folder", "--cache " + dir.resolve("runs") + ": no such folder"),
                missing.report(false).problems());
        missing.requireHere(); // on the driver (no executor): nothing to check
    }

    @Test
    void theLaunchersJarsAreEachJarAndTheJarsOfEachFolder(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("dependency"));
        Files.write(lib.resolve("b.jar"), new byte[0]);
        Files.write(lib.resolve("a.jar"), new byte[0]);
        Files.write(lib.resolve("notes.txt"), new byte[0]);
        Path app = Files.write(dir.resolve("app.jar"), new byte[0]);
        assertEquals(List.of(app.toString(), lib.resolve("a.jar").toString(), lib.resolve("b.jar").toString()),
                ExecutorCode.jars(app + ":" + lib + "/*"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ExecutorCode.jars(dir.resolve("missing").toString()));
        assertTrue(e.getMessage().contains("missing does not exist"), e.getMessage());
    }

    @Test
    void aMasterThisSparkCannotRunOrACodelessClusterIsRefusedSayingHowToSubmit() {
        for (String master : List.of("yarn", "k8s://https://kube:6443")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ExecutorCode.provide(new SparkConf().set("spark.master", master)));
            assertTrue(e.getMessage().startsWith("--master " + master + ": this Spark has no cluster manager for it"), e.getMessage());
            assertTrue(e.getMessage().contains("spark-submit --master " + master + " --class gcl.spark.cli.Main"), e.getMessage());
        }
        // not started by environment/gcl-spark (no jars to ship) nor by spark-submit
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExecutorCode.provide(new SparkConf().set("spark.master", "spark://m:7077")));
        assertTrue(e.getMessage().contains("the executors would not have this program's classes; run it with environment/gcl-spark"),
                e.getMessage());
        SparkConf local = new SparkConf().set("spark.master", "local[2]");
        ExecutorCode.provide(local);
        assertEquals(Optional.empty(), Optional.ofNullable(local.get("spark.jars", null)), "local: the executors are this JVM");
    }
}
