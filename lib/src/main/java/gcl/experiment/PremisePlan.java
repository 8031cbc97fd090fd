package gcl.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gcl.Profile;
import gcl.synth.PremiseKnobs;
import gcl.synth.SyntheticFeatures;
import gcl.train.Preset;
import gcl.train.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a map runs: profile, presets, methods, seeds, the data seed ({@code null}: paired, run seed
 * s on data seed s) and each axis' levels for sweeps and for grids.
 */
public record PremisePlan(Profile profile, List<Preset> presets, List<Variant> methods, List<Long> seeds, Long dataSeed,
                   Map<PremiseAxis, double[]> levels, Map<PremiseAxis, double[]> gridLevels) {
    /**
     * One cell of the map: its data's knobs, the study it belongs to ({@code sweep} or {@code grid})
     * and the axes it varies along ({@code share}, or {@code share x strength} in a grid).
     */
    public record Cell(String study, List<PremiseAxis> axes, PremiseKnobs knobs) {
        public Cell {
            axes = List.copyOf(axes);
        }

        /** The axes as the map's {@code axis} column writes them, e.g. {@code share x strength}. */
        public String axisName() {
            return String.join(" x ", axes.stream().map(PremiseAxis::id).toList());
        }

        /** The cell as the map's {@code cell} column writes it, e.g. {@code share=0.25, strength=2}. */
        public String name() {
            return String.join(", ", axes.stream().map(a -> a.id() + "=" + PremiseEffects.number(a.of(knobs))).toList());
        }
    }

    public PremisePlan {
        presets = List.copyOf(presets);
        methods = List.copyOf(methods);
        seeds = List.copyOf(seeds);
        if (presets.isEmpty() || methods.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("a premise map needs at least one preset, method and seed");
        }
        levels = copy(levels);
        gridLevels = copy(gridLevels);
    }

    private static Map<PremiseAxis, double[]> copy(Map<PremiseAxis, double[]> m) {
        Map<PremiseAxis, double[]> out = new EnumMap<>(PremiseAxis.class);
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
    public static PremisePlan read(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(file));
            Profile profile = Profile.parse(text(root, "profile", file));
            List<Preset> presets = new ArrayList<>();
            root.path("presets").forEach(p -> presets.add(Preset.parse(p.asText())));
            List<Variant> methods = new ArrayList<>();
            root.path("methods").forEach(m -> methods.add(Variant.parse(m.asText())));
            List<Long> seeds = PaperTrials.parseSeeds(text(root, "seeds", file));
            String dataSeed = root.path("dataSeed").asText("paired");
            Map<PremiseAxis, double[]> levels = new EnumMap<>(PremiseAxis.class);
            Map<PremiseAxis, double[]> grid = new EnumMap<>(PremiseAxis.class);
            var axes = root.path("axes").fields();
            while (axes.hasNext()) {
                var e = axes.next();
                PremiseAxis a = PremiseAxis.parse(e.getKey());
                levels.put(a, numbers(e.getValue().path("levels")));
                if (e.getValue().has("gridLevels")) {
                    grid.put(a, numbers(e.getValue().path("gridLevels")));
                }
            }
            return new PremisePlan(profile, presets, methods, seeds, parseDataSeed(dataSeed), levels, grid);
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
    public List<Cell> sweeps(List<PremiseAxis> axes) {
        List<Cell> cells = new ArrayList<>();
        for (PremiseAxis a : axes) {
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
    public List<Cell> grid(PremiseAxis first, PremiseAxis second) {
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

    private double[] gridLevels(PremiseAxis a) {
        double[] v = gridLevels.getOrDefault(a, levels.get(a));
        if (v == null) {
            throw new IllegalArgumentException("axis " + a.id() + " has no levels in this plan");
        }
        return v;
    }

    /** The same plan with other seeds. */
    public PremisePlan withSeeds(List<Long> s) {
        return new PremisePlan(profile, presets, methods, s, dataSeed, levels, gridLevels);
    }

    /** The same plan with other presets. */
    public PremisePlan withPresets(List<Preset> p) {
        return new PremisePlan(profile, p, methods, seeds, dataSeed, levels, gridLevels);
    }

    /** The same plan with other methods. */
    public PremisePlan withMethods(List<Variant> m) {
        return new PremisePlan(profile, presets, m, seeds, dataSeed, levels, gridLevels);
    }

    /** The same plan with another data seed ({@code null}: paired). */
    public PremisePlan withDataSeed(Long s) {
        return new PremisePlan(profile, presets, methods, seeds, s, levels, gridLevels);
    }

    /** The same plan with an axis' levels replaced (sweeps and grids alike). */
    public PremisePlan withLevels(PremiseAxis axis, double[] v) {
        Map<PremiseAxis, double[]> l = new EnumMap<>(levels);
        Map<PremiseAxis, double[]> g = new EnumMap<>(gridLevels);
        l.put(axis, v);
        g.put(axis, v);
        return new PremisePlan(profile, presets, methods, seeds, dataSeed, l, g);
    }
}

