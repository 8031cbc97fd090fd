package gcl.experiment;

import gcl.Log;
import gcl.Progress;
import gcl.data.Dataset;
import gcl.synth.PremiseKnobs;
import gcl.synth.SyntheticCache;
import gcl.train.GclConfig;
import gcl.train.Preset;
import gcl.train.ScoreSource;
import gcl.train.TrainingInterruptedException;
import gcl.train.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The map of GCL's premise: the paper's methods run on synthetic data whose properties are moved one
 * at a time ({@link PremiseKnobs}), each cell over several seeds, one table row per run with the
 * cell's <em>measured</em> properties ({@link DatasetProperties}), how hard its anomalies are
 * (AE_OCC's and AE_AllData's AUC on the same data and seed), and the run's AUC scored by G, by D and
 * by its own score, so that the map can be read again for any score.
 *
 * <pre>{@code
 * var plan = PremisePlan.read(Path.of("notebooks/results/premise-map-plan.json"));
 * Table sweeps = PremiseMap.of(plan).run(plan.sweeps(List.of(PremiseAxis.values())));
 * Table grid = PremiseMap.of(plan).run(plan.grid(PremiseAxis.SHARE, PremiseAxis.STRENGTH));
 * }</pre>
 *
 * Runs come from the shared {@link RunCache} when they were made before, and each cell's data from
 * the dataset cache ({@link SyntheticCache}), so a map is cheap to run again. A run that fails (a
 * diverged or degenerate run the trainer stops) is a row with its error and no AUC: where GCL fails
 * is part of the map. {@link PremiseEffects} reads the map.
 */
public final class PremiseMap {
    /** Columns of a map row that hold text; every other column but the seeds is a number. */
    static final List<String> TEXT_COLUMNS = List.of("study", "axis", "cell", "data", "method", "preset", "score",
            "centring", "error", "run");

    private final PremisePlan plan;
    private RunCache cache = RunCache.defaultCache();
    private boolean fresh;
    private boolean quiet;
    private UnaryOperator<GclConfig> settings = UnaryOperator.identity();
    private final Map<String, DatasetProperties> properties = new HashMap<>();

    private PremiseMap(PremisePlan plan) {
        this.plan = plan;
    }

    /** A map of a plan, with the default run cache. */
    public static PremiseMap of(PremisePlan plan) {
        return new PremiseMap(plan);
    }

    /** Use another run cache. */
    public PremiseMap cache(RunCache other) {
        this.cache = other;
        return this;
    }

    /** Train every run anew even when the cache has it. */
    public PremiseMap fresh(boolean value) {
        this.fresh = value;
        return this;
    }

    /** No progress lines. */
    public PremiseMap quiet(boolean value) {
        this.quiet = value;
        return this;
    }

    /**
     * Changes the profile's config of every run (e.g. other sizes, {@code gcl premise --set}); the
     * variant and seed are set after it.
     */
    public PremiseMap settings(UnaryOperator<GclConfig> change) {
        this.settings = change;
        return this;
    }

    /**
     * Runs every cell with every seed, preset and method of the plan and returns one row per run
     * (see the class comment). The autoencoders of a cell and seed run first, since every row of that
     * cell and seed records their AUC as the cell's hardness.
     */
    public Table run(List<PremisePlan.Cell> cells) {
        long total = (long) cells.size() * plan.seeds().size() * plan.presets().size() * plan.methods().size();
        Progress progress = quiet ? Progress.silent("premise map", "runs", total) : new Progress("premise map", "runs", total);
        Rows rows = new Rows();
        List<Variant> order = new ArrayList<>(plan.methods());
        order.sort((a, b) -> Boolean.compare(a.cooperative(), b.cooperative()));
        for (PremisePlan.Cell cell : cells) {
            for (long seed : plan.seeds()) {
                Dataset data = data(cell.knobs(), plan.dataSeedOf(seed));
                DatasetProperties props = properties.computeIfAbsent(data.fingerprint(), f -> DatasetProperties.of(data));
                Experiment experiment = Experiment.on(data).cache(cache).fresh(fresh).quiet(true);
                for (Preset preset : plan.presets()) {
                    Map<Variant, Run> made = new EnumMap<>(Variant.class);
                    Map<Variant, String> errors = new EnumMap<>(Variant.class);
                    for (Variant v : order) {
                        GclConfig config = settings.apply(GclConfig.forProfile(preset, plan.profile())).withVariant(v).withSeed(seed);
                        String what = cell.axisName() + " " + cell.name() + ", " + preset.id() + " " + v.paperName() + " seed " + seed;
                        try {
                            Run r = experiment.run(v.paperName(), config);
                            made.put(v, r);
                            progress.step(String.format(Locale.ROOT, "%s: AUC %.2f%s", what, r.aucPercent(), r.fromCache() ? " (cached)" : ""));
                        } catch (TrainingInterruptedException e) {
                            throw e;
                        } catch (RuntimeException e) {
                            if (Thread.currentThread().isInterrupted()) {
                                throw e;
                            }
                            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                            errors.put(v, message);
                            if (!quiet) {
                                Log.warn(what + ": " + message + " (recorded, going on)");
                            }
                            progress.step();
                        }
                    }
                    double occ = auc(made.get(Variant.AE_OCC));
                    double all = auc(made.get(Variant.AE_ALL_DATA));
                    for (Variant v : plan.methods()) {
                        rows.add(cell, seed, plan.dataSeedOf(seed), props, preset, v, made.get(v), errors.get(v), occ, all);
                    }
                }
            }
        }
        return rows.table();
    }

    private static double auc(Run r) {
        return r == null ? Double.NaN : Experiment.round(r.aucPercent());
    }

    private Dataset data(PremiseKnobs knobs, long dataSeed) {
        try {
            return SyntheticCache.cached(plan.profile(), knobs, dataSeed);
        } catch (IOException e) {
            throw new UncheckedIOException("premise map data " + knobs + " seed " + dataSeed + ": " + e.getMessage(), e);
        }
    }

    /** The map's rows, column by column. */
    private static final class Rows {
        private final Map<String, StringColumn> text = new LinkedHashMap<>();
        private final Map<String, DoubleColumn> numbers = new LinkedHashMap<>();
        private final IntColumn seedColumn = IntColumn.create("seed");
        private final IntColumn dataSeedColumn = IntColumn.create("data seed");
        private final List<String> order = new ArrayList<>();

        void add(PremisePlan.Cell cell, long seed, long dataSeed, DatasetProperties p, Preset preset, Variant method, Run run, String error,
                 double occ, double all) {
            put("study", cell.study());
            put("axis", cell.axisName());
            put("cell", cell.name());
            put("share", cell.knobs().trainAnomalousShare());
            put("strength", cell.knobs().eventStrength());
            put("videos", cell.knobs().trainVideos());
            put("scene", cell.knobs().sceneScale());
            order("data seed");
            dataSeedColumn.append((int) dataSeed);
            put("data", p.fingerprint());
            put("train videos", p.trainVideos());
            put("train segments", p.trainSegments());
            put("anomalous videos %", percent(p.anomalousTrainVideoShare()));
            put("anomalous segments %", percent(p.anomalousTrainSegmentShare()));
            put("scene share", round3(p.sceneShare()));
            put("TD median", round3(p.tdMedian()));
            put("TD tail", round3(p.tdTail()));
            put("TD AUC %", percent(p.tdAuc()));
            put("event contrast", round3(p.eventContrast()));
            put("AE_OCC %", occ);
            put("AE_AllData %", all);
            put("method", method.paperName());
            put("preset", preset.id());
            order("seed");
            seedColumn.append((int) seed);
            boolean ok = run != null;
            GclConfig config = ok ? run.gclConfig() : null; // the map's methods are all GCL's
            put("AUC %", ok ? Experiment.round(run.aucPercent()) : Double.NaN);
            put("score", ok ? scoreName(config.effectiveScoreBy()) : "");
            put("AUC_G %", ok ? Experiment.round(100 * run.metrics().aucGenerator()) : Double.NaN);
            put("AUC_D %", ok ? Experiment.round(100 * run.metrics().aucDiscriminator()) : Double.NaN);
            put("centring", ok ? config.videoCentring().id() : "");
            put("train s", ok ? Math.round(run.trainingSeconds() * 10) / 10.0 : Double.NaN);
            put("error", error == null ? "" : error);
            Map<String, Double> d = ok ? Symptoms.of(run.history()) : Map.of();
            for (String signal : Symptoms.SIGNALS.keySet()) {
                put(signal, Experiment.round(d.getOrDefault(signal, Double.NaN)));
            }
            put("run", ok ? run.dir().getFileName().toString() : "");
        }

        private void order(String name) {
            if (!order.contains(name)) {
                order.add(name);
            }
        }

        private void put(String name, String value) {
            order(name);
            text.computeIfAbsent(name, StringColumn::create).append(value);
        }

        private void put(String name, double value) {
            order(name);
            DoubleColumn c = numbers.computeIfAbsent(name, DoubleColumn::create);
            if (Double.isNaN(value)) {
                c.appendMissing();
            } else {
                c.append(value);
            }
        }

        Table table() {
            Table t = Table.create("premise map");
            for (String name : order) {
                t.addColumns(name.equals("seed") ? seedColumn : name.equals("data seed") ? dataSeedColumn
                        : text.containsKey(name) ? text.get(name) : numbers.get(name));
            }
            return t;
        }
    }

    private static double percent(double share) {
        return Double.isNaN(share) ? Double.NaN : Experiment.round(100 * share);
    }

    private static double round3(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
    }

    /** Writes a map as CSV with a header row (atomically). */
    public static void write(Table map, Path file) {
        Experiment.writeCsv(map, file);
    }

    /** Reads a map written by {@link #write} (e.g. by {@code gcl premise}), every column with its own type. */
    public static Table read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException(file + ": no such premise map"));
        }
        try {
            return Table.read().csv(CsvReadOptions.builder(file.toFile())
                    .missingValueIndicator("", "NaN")
                    .columnTypesPartial(name -> Optional.of(TEXT_COLUMNS.contains(name) ? ColumnType.STRING
                            : name.equals("seed") || name.equals("data seed") ? ColumnType.INTEGER : ColumnType.DOUBLE))
                    .build()).setName("premise map: " + file.getFileName());
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + ": not a premise map: " + e.getMessage(), e);
        }
    }

    /** The score column's short name: D, G or either. */
    private static String scoreName(ScoreSource s) {
        return switch (s) {
            case DISCRIMINATOR -> "D";
            case GENERATOR -> "G";
            case EITHER -> "either";
        };
    }
}
