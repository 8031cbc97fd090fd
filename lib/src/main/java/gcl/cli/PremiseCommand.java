package gcl.cli;

import gcl.Folders;
import gcl.TableText;
import gcl.experiment.PremiseAxis;
import gcl.experiment.PremiseEffects;
import gcl.experiment.PremiseMap;
import gcl.experiment.PremisePlan;
import gcl.experiment.RunCache;
import gcl.train.GclConfig;
import gcl.train.Preset;
import gcl.train.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code gcl premise}: the premise map, sweeps along axes or a grid of two, one CSV row per run. */
@Command(name = "premise", mixinStandardHelpOptions = true,
        description = {"Map GCL's premise on synthetic data: vary one property of the data at a time (share of anomalous",
            "training videos, event strength, training videos, scene offsets), run AE_AllData, AE_OCC, GCL w/o NL, GCL_B and",
            "GCL_PT over seeds in each cell, and write one row per run with the cell's measured properties (anomalous share",
            "of training segments, AE_OCC's and AE_AllData's AUC as hardness, training segments, scene share) and AUC, AUC_G",
            "and AUC_D. Axes, levels, seeds and methods come from the plan (notebooks/results/premise-map-plan.json);",
            "the options below override them. Synthetic teaching proxy: the results are not the paper's."})
public final class PremiseCommand implements Callable<Integer> {
    @Option(names = "--plan", description = "The plan file (default: notebooks/results/premise-map-plan.json in the project folder).")
    Path plan;

    @Option(names = "--axes", split = ";", paramLabel = "AXIS[=LEVELS]",
            description = "Axes to run, separated by ';': share, strength, videos, scene, each with its plan's levels or with its own, "
                    + "e.g. --axes 'share=0.1,0.5;strength' (default: every axis of the plan).")
    List<String> axes = List.of();

    @Option(names = "--grid", description = "Cross exactly two axes over their grid levels instead of sweeping each one at a time.")
    boolean grid;

    @Option(names = "--seeds", description = "Seeds, e.g. 1-5 (default: the plan's).")
    String seeds;

    @Option(names = "--presets", split = ",", description = "robust and/or paper (default: the plan's).")
    List<String> presets = List.of();

    @Option(names = "--methods", split = ",", paramLabel = "METHOD", description = "Methods, e.g. AE_AllData,GCL_PT (default: the plan's).")
    List<String> methods = List.of();

    @Option(names = "--data-seed", description = "paired (run seed s on data seed s) or a fixed data seed (default: the plan's).")
    String dataSeed;

    @Mixin
    FieldOverrides fields;

    @Option(names = "--cache", description = "Run cache folder (default: the one shared with the notebooks).")
    Path cache;

    @Option(names = "--fresh", description = "Train every run anew, even when the cache holds it.")
    boolean fresh;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Option(names = "--out", required = true, description = "CSV file for the per-run rows.")
    Path out;

    @Override
    public Integer call() {
        PremisePlan p = plan();
        List<PremiseAxis> chosen = new ArrayList<>();
        for (String a : axes) {
            if (a.isBlank()) {
                continue;
            }
            int eq = a.indexOf('=');
            PremiseAxis axis = parseAxis(eq < 0 ? a : a.substring(0, eq));
            if (chosen.contains(axis)) {
                throw usage("--axes: axis " + axis.id() + " is given twice");
            }
            chosen.add(axis);
            if (eq >= 0) {
                try {
                    p = p.withLevels(axis, axis.parseLevels(a.substring(eq + 1)));
                } catch (IllegalArgumentException e) {
                    throw usage("--axes: " + e.getMessage());
                }
            } else if (!p.levels().containsKey(axis)) {
                throw usage("--axes: axis " + axis.id() + " has no levels in the plan: give them, e.g. " + axis.id() + "=0.5,1,2");
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(p.levels().keySet());
        }
        if (grid && chosen.size() != 2) {
            throw usage("--grid crosses exactly two axes; --axes names " + chosen.size() + " ("
                    + String.join(", ", chosen.stream().map(PremiseAxis::id).toList()) + ")");
        }
        List<PremisePlan.Cell> cells = grid ? p.grid(chosen.get(0), chosen.get(1)) : p.sweeps(chosen);
        System.out.println("premise map: " + cells.size() + " cells x " + p.seeds().size() + " seeds x " + p.presets().size()
                + " presets x " + p.methods().size() + " methods (" + p.profile().id() + " profile) — synthetic teaching proxy: results are not the paper's");
        fields.apply(GclConfig.defaults()); // a bad --set fails here, before any run
        PremiseMap map = PremiseMap.of(p).fresh(fresh).quiet(quiet).settings(fields::apply);
        if (cache != null) {
            map.cache(new RunCache(cache));
        }
        Table rows = map.run(cells);
        PremiseMap.write(rows, out);
        for (Preset preset : p.presets()) {
            for (String axis : new LinkedHashSet<>(rows.stringColumn("axis").asList())) {
                System.out.println();
                System.out.print(TableText.text(PremiseEffects.summary(rows, grid ? "grid" : "sweep", axis, preset.id(), "AUC %"), 200));
            }
            if (!grid && chosen.size() > 1) {
                System.out.println();
                System.out.print(TableText.text(PremiseEffects.gridRule(rows, preset.id()), 200));
            }
        }
        long failed = rows.stringColumn("error").asList().stream().filter(e -> e != null && !e.isBlank()).count();
        System.out.println("wrote " + out + " (" + rows.rowCount() + " rows" + (failed > 0 ? ", " + failed + " runs failed: see the error column" : "") + ")");
        return 0;
    }

    private PremisePlan plan() {
        Path file = plan != null ? plan : Folders.projectFile("notebooks/results/premise-map-plan.json").orElseThrow(() -> usage(
                "no plan: give --plan FILE (the project's is notebooks/results/premise-map-plan.json; no project folder found)"));
        PremisePlan p = PremisePlan.read(file);
        try {
            if (seeds != null) {
                p = p.withSeeds(ExperimentOptions.seeds(seeds));
            }
            if (!presets.isEmpty()) {
                p = p.withPresets(presets.stream().map(Preset::parse).toList());
            }
            if (!methods.isEmpty()) {
                p = p.withMethods(methods.stream().map(Variant::parse).toList());
            }
            if (dataSeed != null) {
                p = p.withDataSeed(PremisePlan.parseDataSeed(dataSeed));
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return p;
    }

    private static PremiseAxis parseAxis(String text) {
        try {
            return PremiseAxis.parse(text);
        } catch (IllegalArgumentException e) {
            throw usage("--axes: " + e.getMessage());
        }
    }

    /** A usage problem: one line "gcl premise: ..." and exit code 1, as every command reports bad option values. */
    private static IllegalArgumentException usage(String message) {
        return new IllegalArgumentException(message);
    }
}
