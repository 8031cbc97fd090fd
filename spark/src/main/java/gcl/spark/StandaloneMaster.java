package gcl.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.SparkConf;

/**
 * What a Spark standalone master offers, read from its web UI's JSON ({@code http://HOST:8080/json/}):
 * the workers, their cores and the memory they give executors. Used to refuse at once a request no
 * worker can ever meet (the master would keep the application waiting, silently), and to say what
 * the workers have free when a job has no executor.
 *
 * <p>A standalone master places an executor on a worker with at least {@code spark.executor.memory}
 * of its executor memory free and at least {@code spark.executor.cores} free cores (1 when unset:
 * the executor then takes every free core of the worker); a task needs {@code spark.task.cpus} of
 * its executor's cores.
 */
public final class StandaloneMaster {
    /** The Spark setting that names the master's web UI, when it is not at port 8080 of the master's host. */
    public static final String UI_KEY = "spark.gcl.masterUi";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A worker as the master lists it (memory in MB: what it gives executors). */
    public record Worker(String host, String state, int cores, int coresFree, int memoryMb, int memoryFreeMb) {
        boolean alive() {
            return "ALIVE".equals(state);
        }
    }

    private final String ui;
    private final List<Worker> workers;
    private final Map<String, Integer> granted;

    private StandaloneMaster(String ui, List<Worker> workers, Map<String, Integer> granted) {
        this.ui = ui;
        this.workers = workers;
        this.granted = granted;
    }

    /**
     * The master's state, read from its web UI ({@value #UI_KEY}, else port 8080 of each host the
     * {@code spark://} URL names), or empty when no UI answers within a few seconds.
     */
    public static Optional<StandaloneMaster> read(SparkConf conf) {
        for (String ui : uis(conf)) {
            try {
                return Optional.of(parse(ui, fetch(ui)));
            } catch (IOException | RuntimeException e) {
                // next candidate
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The web UI addresses to try for a master URL. */
    static List<String> uis(SparkConf conf) {
        List<String> uis = new ArrayList<>();
        if (conf.contains(UI_KEY)) {
            uis.add(conf.get(UI_KEY).replaceAll("/+$", ""));
            return uis;
        }
        String master = conf.get("spark.master", "");
        if (!master.startsWith("spark://")) {
            return uis;
        }
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = colon > 0 ? hostPort.substring(0, colon) : hostPort;
            uis.add("http://" + host + ":8080");
        }
        return uis;
    }

    private static String fetch(String ui) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(ui + "/json/")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(ui + "/json/: HTTP " + r.statusCode());
        }
        return r.body();
    }

    /** The state from the master's JSON ({@code /json/}). */
    static StandaloneMaster parse(String ui, String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<Worker> ws = new ArrayList<>();
        for (JsonNode w : root.path("workers")) {
            ws.add(new Worker(w.path("host").asText(), w.path("state").asText(), w.path("cores").asInt(), w.path("coresfree").asInt(),
                    w.path("memory").asInt(), w.path("memoryfree").asInt()));
        }
        if (!root.has("workers")) {
            throw new IOException(ui + "/json/ does not list workers");
        }
        Map<String, Integer> granted = new HashMap<>();
        for (JsonNode a : root.path("activeapps")) {
            granted.put(a.path("id").asText(), a.path("cores").asInt());
        }
        return new StandaloneMaster(ui, ws, granted);
    }

    /** The web UI it was read from. */
    public String ui() {
        return ui;
    }

    /** The workers the master lists, alive or not. */
    public List<Worker> workers() {
        return workers;
    }

    /** Memory an executor asks for, MB ({@code spark.executor.memory}, default 1g). */
    static long memoryMb(SparkConf conf) {
        return conf.getSizeAsMb("spark.executor.memory", "1g");
    }

    /** Cores an executor must have to run one task: {@code spark.executor.cores} when set, and at least {@code spark.task.cpus}. */
    static int coresNeeded(SparkConf conf) {
        int taskCpus = conf.getInt("spark.task.cpus", 1);
        return Math.max(taskCpus, conf.getInt("spark.executor.cores", 1));
    }

    /**
     * Why no worker of this master can ever run a task of an application with these settings
     * (comparing with each alive worker's whole memory and cores, not what is free now), or empty
     * when one can, or when no worker is alive yet (one may still register).
     */
    public Optional<String> unmet(SparkConf conf) {
        List<Worker> alive = workers.stream().filter(Worker::alive).toList();
        long memory = memoryMb(conf);
        int cores = coresNeeded(conf);
        List<String> why = new ArrayList<>();
        int coresMax = conf.getInt("spark.cores.max", Integer.MAX_VALUE);
        if (coresMax < cores) {
            why.add(String.format(Locale.ROOT, "spark.cores.max=%d is less than the %d core(s) one task needs", coresMax, cores));
        }
        if (!alive.isEmpty() && alive.stream().noneMatch(w -> w.memoryMb() >= memory && w.cores() >= cores)) {
            int mostMemory = alive.stream().mapToInt(Worker::memoryMb).max().orElse(0);
            int mostCores = alive.stream().mapToInt(Worker::cores).max().orElse(0);
            if (mostMemory < memory) {
                why.add(String.format(Locale.ROOT, "spark.executor.memory=%s (%d MB) is more than any worker gives executors (%d alive, "
                        + "the most: %d MB; the worker's SPARK_WORKER_MEMORY or --memory)", conf.get("spark.executor.memory", "1g"),
                        memory, alive.size(), mostMemory));
            }
            if (mostCores < cores) {
                why.add(String.format(Locale.ROOT, "one task needs %d core(s) (%s) and no worker has that many (%d alive, the most: %d)",
                        cores, coresSetting(conf), alive.size(), mostCores));
            }
            if (mostMemory >= memory && mostCores >= cores) {
                why.add(String.format(Locale.ROOT, "no worker has both %d MB (spark.executor.memory) and %d core(s) (%s)",
                        memory, cores, coresSetting(conf)));
            }
        }
        if (why.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("no worker of " + conf.get("spark.master") + " can run a task of this application, which would wait for ever: "
                + String.join("; ", why) + ". Ask for less (--conf) or start larger workers (README, 'On a cluster')");
    }

    private static String coresSetting(SparkConf conf) {
        return conf.contains("spark.executor.cores") && conf.getInt("spark.executor.cores", 1) >= conf.getInt("spark.task.cpus", 1)
                ? "spark.executor.cores" : "spark.task.cpus";
    }

    /** The cores the master has given an application (its executors, started or starting); 0 for one it does not run. */
    public int granted(String applicationId) {
        return granted.getOrDefault(applicationId, 0);
    }

    /**
     * What the master has for an application that waits for an executor, one phrase: the cores it
     * granted the application (executors started but not registered), or what the workers have free.
     */
    public String free(SparkConf conf, String applicationId) {
        int cores = granted.getOrDefault(applicationId, 0);
        if (cores > 0) {
            return String.format(Locale.ROOT, "the master gave this application %d core(s), but no executor of it reached the driver: "
                    + "they are still starting, or failing (their stderr is in the workers' work/%s/ folders)", cores, applicationId);
        }
        List<Worker> alive = workers.stream().filter(Worker::alive).toList();
        if (alive.isEmpty()) {
            return "the master at " + ui + " lists no alive worker";
        }
        int free = alive.stream().mapToInt(Worker::coresFree).sum();
        int memory = alive.stream().mapToInt(Worker::memoryFreeMb).max().orElse(0);
        return String.format(Locale.ROOT, "the master lists %d alive worker(s) with %d core(s) free in all and at most %d MB free on one; "
                + "an executor needs %d MB and %d core(s)", alive.size(), free, memory, memoryMb(conf), coresNeeded(conf));
    }
}
