package gcl.spark;

import gcl.Progress;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.experiment.Experiment;
import gcl.experiment.Run;
import gcl.experiment.RunCache;
import gcl.experiment.Trial;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import tech.tablesaw.api.Table;

/**
 * The paper's experiment grids (Table 2, Fig. 5, Fig. 10) on a Spark cluster: one task per
 * (method, seed) run. Each task runs {@link Experiment#run} on the dataset into the run cache, as
 * {@code gcl ablate} does for one cell: a run the cache holds is read back, an interrupted one is
 * resumed from its checkpoint, a new one is trained in a temporary folder and moved into place
 * when finished. The driver then reads every run back from the cache and makes the same table
 * ({@link Experiment#table}) as {@code gcl ablate} and {@code gcl seeds}: one row per (method,
 * seed), trials in order and seeds inside. (The tasks are submitted last trial first: the paper's
 * lists end with their longest runs.)
 *
 * <p>The dataset and the run cache must be at the same path on the driver and on every executor
 * (local folders in local mode; a shared file system on a cluster), so that the notebooks read the
 * runs as if they had been made on this machine; on a cluster a probe checks this before any run
 * starts ({@link SharedPaths}). Each executor loads the dataset once and its tasks
 * share it; each task's ND4J uses {@code spark.task.cpus} threads.
 */
public final class DistributedGrid {
    /** Datasets loaded in this JVM, by directory: one per executor, shared by its tasks. */
    private static final Map<String, Dataset> LOADED = new ConcurrentHashMap<>();

    private DistributedGrid() {
    }

    /** One (method, seed) run, one task: the trial's name and full config (seed included; GCL's or C2FPL's) as JSON. */
    record Cell(String name, String config, long seed) implements Serializable {
        String label() {
            return name + " seed " + seed;
        }
    }

    /** What a task reports: the run's cache key, whether it was cached, how long it took, its AUC %. */
    record Done(String key, boolean cached, double seconds, double auc) implements Serializable {
    }

    /**
     * Runs every trial with every seed and returns the runs table of {@link Experiment#table}.
     *
     * @param dataDir the dataset directory (every executor reads it)
     * @param data    the same dataset, loaded by the driver (for local executors, which share it)
     * @param cache   the run cache (every executor writes it)
     * @param fresh   train every run anew even when the cache holds it
     * @param quiet   no progress lines
     * @param probe   called in each task ({@link TaskProbe#NONE} but in tests)
     */
    public static Table run(JavaSparkContext sc, Path dataDir, Dataset data, RunCache cache, List<Trial> trials,
                            List<Long> seeds, boolean fresh, boolean quiet, TaskProbe probe) throws Exception {
        String dataPath = dataDir.toAbsolutePath().toString();
        LOADED.putIfAbsent(dataPath, data);
        String cachePath = cache.root().toAbsolutePath().toString();
        SharedPaths shared = SharedPaths.none().read("--data", dataDir).write("--cache", cache.root());
        shared.checkOnExecutors(sc);
        // submitted last trial first: the paper's lists end with the longest runs (GCL_PT, GCL_OCC),
        // and starting them first keeps a few long runs from finishing alone at the end
        List<Cell> cells = new ArrayList<>();
        for (int i = trials.size() - 1; i >= 0; i--) {
            for (long seed : seeds) {
                Trial t = trials.get(i).withSeed(seed);
                cells.add(new Cell(t.name(), t.config().toJson(), seed));
            }
        }
        Progress progress = quiet ? Progress.silent("experiment", "runs", cells.size())
                : new Progress("experiment", "runs", cells.size());
        Done[] done = new Done[cells.size()];
        OneTaskEach.run(sc, "gcl experiment: " + cells.size() + " runs on " + data.info().name(), cells,
                cell -> {
                    shared.requireHere();
                    return train(cell, dataPath, cachePath, fresh, probe);
                },
                (index, d) -> {
                    done[index] = d;
                    progress.step(String.format(Locale.ROOT, "%s: AUC %.2f%s", cells.get(index).label(), d.auc(),
                            d.cached() ? " (cached)" : ""));
                });
        // the rows in the order of gcl ablate: trials in order, seeds inside
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            for (int s = 0; s < seeds.size(); s++) {
                int cell = (trials.size() - 1 - i) * seeds.size() + s;
                runs.add(Run.read(cells.get(cell).name(), cache.dir(done[cell].key()))
                        .reportedAs(done[cell].cached(), done[cell].seconds()));
            }
        }
        return Experiment.table(runs);
    }

    /** The task: one run, from the cache or trained into it. */
    static Done train(Cell cell, String dataDir, String cacheDir, boolean fresh, TaskProbe probe) throws IOException {
        Dataset data = load(dataDir);
        probe.reached(TaskProbe.Step.RUN_STARTING, cell.label());
        Run run = Experiment.on(data).cache(new RunCache(Path.of(cacheDir))).fresh(fresh).quiet(true)
                .run(cell.name(), Trial.readConfig(cell.config()));
        return new Done(run.dir().getFileName().toString(), run.fromCache(), run.seconds(), run.aucPercent());
    }

    private static Dataset load(String dir) throws IOException {
        Dataset d = LOADED.get(dir);
        if (d == null) {
            synchronized (LOADED) {
                d = LOADED.get(dir);
                if (d == null) {
                    d = DatasetDirectory.load(Path.of(dir));
                    LOADED.put(dir, d);
                }
            }
        }
        return d;
    }
}
