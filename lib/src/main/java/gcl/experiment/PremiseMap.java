package gcl.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gcl.Log;
import gcl.Profile;
import gcl.Progress;
import gcl.data.Dataset;
import gcl.synth.PremiseKnobs;
import gcl.synth.SyntheticCache;
import gcl.synth.SyntheticFeatures;
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
import java.util.Arrays;
import java.util.Collections;
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
 * var plan = PremiseMap.Plan.read(Path.of("notebooks/results/premise-map-plan.json"));
 * Table sweeps = PremiseMap.of(plan).run(plan.sweeps(List.of(PremiseMap.Axis.values())));
 * Table grid = PremiseMap.of(plan).run(plan.grid(PremiseMap.Axis.SHARE, PremiseMap.Axis.STRENGTH));
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

    /** An axis of the map: one knob, and the measured property that stands for it in charts and tables. */
    public enum Axis {
        /** The share of training videos with an event, measured as the anomalous share of training segments. */
        SHARE("share", "anomalous segments %", "anomalous training segments % (training ground truth)"),
        /** Every event's strength, measured as how hard the anomalies are: AE_OCC's frame AUC. */
        STRENGTH("strength", "AE_OCC %", "AE_OCC's frame AUC % on the same data (how hard the anomalies are)"),
        /** Training videos, measured as training segments. */
        VIDEOS("videos", "train segments", "training segments"),
        /** The scene and camera offsets, measured as the scene share of the training features' variance. */
        SCENE("scene", "scene share", "scene share of variance (training split, no labels)");

        private final String id;
        private final String measured;
        private final String label;

        Axis(String id, String measured, String label) {
            this.id = id;
            this.measured = measured;
            this.label = label;
        }

        /** The name in plans, on the command line and in the map's {@code axis} column. */
        public String id() {
            return id;
        }

        /** The map's column that measures this axis. */
        public String measuredColumn() {
            return measured;
        }

        /** The measured property in words, for a chart's axis. */
        public String label() {
            return label;
        }

        /** The knobs with this axis at {@code level}; a level the knob cannot take is refused with a message naming the axis. */
        public PremiseKnobs set(PremiseKnobs knobs, double level) {
            check(level);
            return switch (this) {
                case SHARE -> knobs.withTrainAnomalousShare(level);
                case STRENGTH -> knobs.withEventStrength(level);
                case VIDEOS -> knobs.withTrainVideos((int) level);
                case SCENE -> knobs.withSceneScale(level);
            };
        }

        /** This axis' level in a set of knobs. */
        public double of(PremiseKnobs knobs) {
            return switch (this) {
                case SHARE -> knobs.trainAnomalousShare();
                case STRENGTH -> knobs.eventStrength();
                case VIDEOS -> knobs.trainVideos();
                case SCENE -> knobs.sceneScale();
            };
        }

        /** Refuses a level outside the knob's range, naming the axis and the range. */
        public void check(double level) {
            boolean ok = switch (this) {
                case SHARE -> level >= 0 && level <= 1;
                case STRENGTH, SCENE -> level >= 0 && Double.isFinite(level);
                case VIDEOS -> level >= 2 && level == Math.rint(level) && level <= 100_000;
            };
            if (!ok) {
                throw new IllegalArgumentException("axis " + id + ": level " + PremiseEffects.number(level) + " is out of range ("
                        + range() + ")");
            }
        }

        private String range() {
            return switch (this) {
                case SHARE -> "a share of training videos in [0, 1]";
                case STRENGTH -> "a factor ≥ 0 on every event's strength";
                case VIDEOS -> "a whole number of training videos, at least 2";
                case SCENE -> "a factor ≥ 0 on the scene and camera offsets";
            };
        }

        /** Parses an axis name ({@code share}, {@code strength}, {@code videos}, {@code scene}; any case). */
        public static Axis parse(String text) {
            for (Axis a : values()) {
                if (a.id.equalsIgnoreCase(text.trim())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown axis '" + text + "': use share, strength, videos or scene");
        }
    }

    /**
     * One cell of the map: its data's knobs, the study it belongs to ({@code sweep} or {@code grid})
     * and the axes it varies along ({@code share}, or {@code share x strength} in a grid).
     */
    public record Cell(String study, List<Axis> axes, PremiseKnobs knobs) {
        public Cell {
            axes = List.copyOf(axes);
        }

        /** The axes as the map's {@code axis} column writes them, e.g. {@code share x strength}. */
        public String axisName() {
            return String.join(" x ", axes.stream().map(Axis::id).toList());
        }

        /** The cell as the map's {@code cell} column writes it, e.g. {@code share=0.25, strength=2}. */
        public String name() {
            return String.join(", ", axes.stream().map(a -> a.id() + "=" + PremiseEffects.number(a.of(knobs))).toList());
        }
    }

    /**
     * What a map runs: profile, presets, methods, seeds, the data seed ({@code null}: paired, run seed
     * s on data seed s) and each axis' levels for sweeps and for grids.
     */
    public record Plan(Profile profile, List<Preset> presets, List<Variant> methods, List<Long> seeds, Long dataSeed,
                       Map<Axis, double[]> levels, Map<Axis, double[]> gridLevels) {
        public Plan {
            presets = List.copyOf(presets);
            methods = List.copyOf(methods);
            seeds = List.copyOf(seeds);
            if (presets.isEmpty() || methods.isEmpty() || seeds.isEmpty()) {
                throw new IllegalArgumentException("a premise map needs at least one preset, method and seed");
            }
            levels = copy(levels);
            gridLevels = copy(gridLevels);
        }

        private static Map<Axis, double[]> copy(Map<Axis, double[]> m) {
            Map<Axis, double[]> out = new EnumMap<>(Axis.class);
            m.forEach((a, v) -> {
                if (v.length == 0) {
                    throw new IllegalArgumentException("axis " + a.id() + " has no levels");
                }
                for (double x : v) {
                    a.check(x);
                }
                out.put(a, v.clone());
            });
            return Collections.unmodifiableMap(out);
        }

        /**
         * Reads a plan file ({@code notebooks/results/premise-map-plan.json}): profile, presets,
         * methods, seeds, dataSeed ({@code "paired"} or a number) and each axis' levels and gridLevels.
         */
        public static Plan read(Path file) {
            try {
                JsonNode root = new ObjectMapper().readTree(Files.readString(file));
                Profile profile = Profile.parse(text(root, "profile", file));
                List<Preset> presets = new ArrayList<>();
                root.path("presets").forEach(p -> presets.add(Preset.parse(p.asText())));
                List<Variant> methods = new ArrayList<>();
                root.path("methods").forEach(m -> methods.add(Variant.parse(m.asText())));
                List<Long> seeds = PaperTrials.parseSeeds(text(root, "seeds", file));
                String dataSeed = root.path("dataSeed").asText("paired");
                Map<Axis, double[]> levels = new EnumMap<>(Axis.class);
                Map<Axis, double[]> grid = new EnumMap<>(Axis.class);
                var axes = root.path("axes").fields();
                while (axes.hasNext()) {
                    var e = axes.next();
                    Axis a = Axis.parse(e.getKey());
                    levels.put(a, numbers(e.getValue().path("levels")));
                    if (e.getValue().has("gridLevels")) {
                        grid.put(a, numbers(e.getValue().path("gridLevels")));
                    }
                }
                return new Plan(profile, presets, methods, seeds, parseDataSeed(dataSeed), levels, grid);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read the premise map plan: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ": not a premise map plan: " + e.getMessage(), e);
            }
        }

        private static String text(JsonNode root, String field, Path file) {
            if (!root.hasNonNull(field)) {
                throw new IllegalArgumentException("no \"" + field + "\"");
            }
            return root.get(field).asText();
        }

        private static double[] numbers(JsonNode array) {
            List<Double> v = new ArrayList<>();
            array.forEach(n -> v.add(n.asDouble()));
            return v.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** {@code paired} (null) or a fixed data seed. */
        public static Long parseDataSeed(String text) {
            if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("paired")) {
                return null;
            }
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("data seed '" + text + "': use paired or a number");
            }
        }

        /** The knobs of the default cell: the profile's own data. */
        public PremiseKnobs defaults() {
            return PremiseKnobs.of(SyntheticFeatures.Config.of(profile));
        }

        /** The data seed of a run seed. */
        public long dataSeedOf(long seed) {
            return dataSeed == null ? seed : dataSeed;
        }

        /** One-at-a-time sweeps along the axes, in order, the others at their defaults. */
        public List<Cell> sweeps(List<Axis> axes) {
            List<Cell> cells = new ArrayList<>();
            for (Axis a : axes) {
                double[] v = levels.get(a);
                if (v == null) {
                    throw new IllegalArgumentException("axis " + a.id() + " has no levels in this plan");
                }
                for (double level : v) {
                    cells.add(new Cell("sweep", List.of(a), a.set(defaults(), level)));
                }
            }
            return cells;
        }

        /** The grid of two axes over their grid levels (their sweep levels where a plan gives none), the others at their defaults. */
        public List<Cell> grid(Axis first, Axis second) {
            if (first == second) {
                throw new IllegalArgumentException("a grid needs two different axes, got " + first.id() + " twice");
            }
            List<Cell> cells = new ArrayList<>();
            for (double x : gridLevels(first)) {
                for (double y : gridLevels(second)) {
                    cells.add(new Cell("grid", List.of(first, second), second.set(first.set(defaults(), x), y)));
                }
            }
            return cells;
        }

        private double[] gridLevels(Axis a) {
            double[] v = gridLevels.getOrDefault(a, levels.get(a));
            if (v == null) {
                throw new IllegalArgumentException("axis " + a.id() + " has no levels in this plan");
            }
            return v;
        }

        /** The same plan with other seeds. */
        public Plan withSeeds(List<Long> s) {
            return new Plan(profile, presets, methods, s, dataSeed, levels, gridLevels);
        }

        /** The same plan with other presets. */
        public Plan withPresets(List<Preset> p) {
            return new Plan(profile, p, methods, seeds, dataSeed, levels, gridLevels);
        }

        /** The same plan with other methods. */
        public Plan withMethods(List<Variant> m) {
            return new Plan(profile, presets, m, seeds, dataSeed, levels, gridLevels);
        }

        /** The same plan with another data seed ({@code null}: paired). */
        public Plan withDataSeed(Long s) {
            return new Plan(profile, presets, methods, seeds, s, levels, gridLevels);
        }

        /** The same plan with an axis' levels replaced (sweeps and grids alike). */
        public Plan withLevels(Axis axis, double[] v) {
            Map<Axis, double[]> l = new EnumMap<>(levels);
            Map<Axis, double[]> g = new EnumMap<>(gridLevels);
            l.put(axis, v);
            g.put(axis, v);
            return new Plan(profile, presets, methods, seeds, dataSeed, l, g);
        }
    }

    private final Plan plan;
    private RunCache cache = RunCache.defaultCache();
    private boolean fresh;
    private boolean quiet;
    private UnaryOperator<GclConfig> settings = UnaryOperator.identity();
    private final Map<String, DatasetProperties> properties = new HashMap<>();

    private PremiseMap(Plan plan) {
        this.plan = plan;
    }

    /** A map of a plan, with the default run cache. */
    public static PremiseMap of(Plan plan) {
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
    public Table run(List<Cell> cells) {
        long total = (long) cells.size() * plan.seeds().size() * plan.presets().size() * plan.methods().size();
        Progress progress = quiet ? Progress.silent("premise map", "runs", total) : new Progress("premise map", "runs", total);
        Rows rows = new Rows();
        List<Variant> order = new ArrayList<>(plan.methods());
        order.sort((a, b) -> Boolean.compare(a.cooperative(), b.cooperative()));
        for (Cell cell : cells) {
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

        void add(Cell cell, long seed, long dataSeed, DatasetProperties p, Preset preset, Variant method, Run run, String error,
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
            put("AUC %", ok ? Experiment.round(run.aucPercent()) : Double.NaN);
            put("score", ok ? (run.config().effectiveScoreBy() == ScoreSource.DISCRIMINATOR ? "D" : "G") : "");
            put("AUC_G %", ok ? Experiment.round(100 * run.metrics().aucGenerator()) : Double.NaN);
            put("AUC_D %", ok ? Experiment.round(100 * run.metrics().aucDiscriminator()) : Double.NaN);
            put("centring", ok ? run.config().videoCentring().id() : "");
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

    /** The levels of an axis written as {@code 0.1,0.25,0.5}. */
    public static double[] parseLevels(Axis axis, String text) {
        try {
            double[] v = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToDouble(Double::parseDouble).toArray();
            if (v.length == 0) {
                throw new IllegalArgumentException("axis " + axis.id() + ": no levels in '" + text + "'");
            }
            for (double x : v) {
                axis.check(x);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("axis " + axis.id() + ": '" + text + "' is not a list of numbers (e.g. 0.1,0.5,0.9)");
        }
    }
}
