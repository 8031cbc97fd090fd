package gcl.nb;

import gcl.Profile;
import gcl.c2fpl.C2fplConfig;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.experiment.Experiment;
import gcl.synth.SyntheticFeatures;
import gcl.train.GclConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What every lesson starts from: the profile it runs in, its data, its base config and experiment,
 * how many seeds it averages, and the dataset and profiles at a glance. This is where the lessons
 * read {@code GCL_PROFILE} ({@link #profile()}); the library below is handed the profile or the
 * settings that follow from it. Method code lives in the stage packages; this class only assembles.
 */
public final class Course {
    private Course() {
    }

    /** The profile the lessons run in: {@code GCL_PROFILE} (quick when unset). */
    public static Profile profile() {
        return Profile.current();
    }

    /**
     * The lesson's dataset: the dataset directory {@code realData} when it is not null, else the
     * embedded synthetic features of the current profile (seed 0), generated on first use and cached.
     */
    public static Dataset data(Path realData) {
        try {
            return realData == null ? SyntheticFeatures.cached(profile(), 0) : DatasetDirectory.load(realData);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The base config of the lessons: the paper's settings in the full profile, smaller ones in quick. */
    public static GclConfig config() {
        return GclConfig.forProfile(profile());
    }

    /** C2FPL's config of the lessons (lesson 08): its paper's settings, with smaller batches in quick ({@link C2fplConfig#forProfile}). */
    public static C2fplConfig c2fplConfig() {
        return C2fplConfig.forProfile(profile());
    }

    /**
     * The lessons' experiment on a dataset: the shared run cache, one line per run, and progress
     * within each run too in the full profile, where a run takes long.
     */
    public static Experiment experiment(Dataset data) {
        return Experiment.on(data).epochProgress(profile() == Profile.FULL);
    }

    /** How many seeds a lesson averages over: 10 in full (the paper's Fig. 10), {@code quick} in quick. */
    public static int seeds(int quick) {
        return profile() == Profile.FULL ? 10 : quick;
    }

    /**
     * How many seeds a curve over training or over a setting is averaged over (Fig. 5, Fig. 9): 3 in
     * both profiles — a band from three runs, where ten would make lesson 04 a day longer in full.
     */
    public static int curveSeeds() {
        return 3;
    }

    /** How many test segments the t-SNE of lesson 04 embeds: 2000 in full, 300 in quick. */
    public static int tsnePoints() {
        return profile() == Profile.FULL ? 2000 : 300;
    }

    /** The first run named {@code name} in a list of runs (e.g. the first seed of a trial). */
    public static gcl.experiment.Run first(List<gcl.experiment.Run> runs, String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run named '" + name + "' among "
                        + runs.stream().map(gcl.experiment.Run::name).distinct().toList()));
    }

    /**
     * The quick and full profiles next to the paper's settings (section 4, "Implementation
     * Details"), with the reason for each difference: network sizes, d, batch, epochs, learning rate,
     * momentum, seeds, and the iterations one run gets on {@code data} in the current profile.
     */
    public static Table profileVsPaper(Dataset data) {
        GclConfig paper = GclConfig.paper();
        GclConfig quick = GclConfig.forProfile(Profile.QUICK);
        GclConfig full = GclConfig.forProfile(Profile.FULL);
        GclConfig here = config();
        long iterations = (long) Math.ceil(data.train().size() / (double) here.batchSize()) * here.epochs();
        StringColumn setting = StringColumn.create("setting");
        StringColumn p = StringColumn.create("paper (UCF-Crime)");
        StringColumn q = StringColumn.create("quick profile");
        StringColumn f = StringColumn.create("full profile");
        StringColumn why = StringColumn.create("why quick differs");
        profileRow(setting, p, q, f, why, "feature size d", "2048 (ResNeXt)", "64 (synthetic-quick)", "2048 (synthetic-full, or real features)",
                "seconds per run on a CPU; the method's rules do not depend on d");
        profileRow(setting, p, q, f, why, "G: FC[d, …, d]", layers(paper.generatorHidden()), layers(quick.generatorHidden()),
                layers(full.generatorHidden()), "layers scaled to d = 64: a 1,024-unit layer on 64 inputs would only add time");
        profileRow(setting, p, q, f, why, "D: FC[d, …, 1]", layers(paper.discriminatorHidden()), layers(quick.discriminatorHidden()),
                layers(full.discriminatorHidden()), "scaled with G");
        profileRow(setting, p, q, f, why, "batch size", String.valueOf(paper.batchSize()), String.valueOf(quick.batchSize()),
                String.valueOf(full.batchSize()), "the quick set has a few thousand segments: 8,192 would be one batch per epoch");
        profileRow(setting, p, q, f, why, "epochs", String.valueOf(paper.epochs()), String.valueOf(quick.epochs()),
                String.valueOf(full.epochs()), "time; pre-training " + quick.pretrainEpochs() + " epochs (the paper does not say)");
        profileRow(setting, p, q, f, why, "learning rate (RMSprop)", String.valueOf(paper.learningRate()), String.valueOf(quick.learningRate()),
                String.valueOf(full.learningRate()), String.format(Locale.ROOT,
                        "the paper's rate is set for ≈ 1,340 iterations (730k segments / 8,192 × 15); a run here gets %,d", iterations));
        profileRow(setting, p, q, f, why, "momentum", String.valueOf(paper.momentum()), String.valueOf(quick.momentum()),
                String.valueOf(full.momentum()), "same");
        profileRow(setting, p, q, f, why, "seeds per result", "10 (Fig. 10)", "3–5", "10", "time; every mean comes with its std");
        return Table.create("The profiles next to the paper's settings (this lesson runs " + profile().id() + ")", setting, p, q, f, why);
    }

    private static String layers(List<Integer> hidden) {
        return hidden.toString();
    }

    private static void profileRow(StringColumn setting, StringColumn p, StringColumn q, StringColumn f, StringColumn why,
                                   String name, String paper, String quick, String full, String reason) {
        setting.append(name);
        p.append(paper);
        q.append(quick);
        f.append(full);
        why.append(reason);
    }

    /**
     * A dataset at a glance: name, kind, videos and segments per split, d, p, the properties of GCL's
     * premise (scene share, temporal differences, anomalous shares: {@link gcl.experiment.DatasetProperties},
     * each marked with the labels it needs), fingerprint ({@link DatasetDescription}).
     */
    public static Table describe(Dataset data) {
        return DatasetDescription.of(data);
    }
}
