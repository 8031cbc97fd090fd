package gcl.cli;

import gcl.Seeds;
import gcl.synth.SyntheticVideos;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcl synth videos}: the embedded synthetic surveillance videos, as real video files. */
@Command(name = "videos", mixinStandardHelpOptions = true,
        description = {"Render synthetic surveillance clips (fixed cameras, people walking, cars; rare running, falls, fights,",
            "cars on footpaths, fire) as MPEG-4 .avi files with frame ground truth, labels and splits. Then: gcl extract --videos DIR."})
public final class SynthVideosCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the videos and their annotations.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--count", defaultValue = "" + SyntheticVideos.DEFAULT_COUNT, description = "Number of videos (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--threads", description = "Videos rendered in parallel (default: one per core).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        SyntheticVideos.Config config = SyntheticVideos.Config.defaults().withCount(count);
        if (threads != null) {
            config = config.withThreads(threads);
        }
        SyntheticVideos.Summary summary = SyntheticVideos.render(out, new Seeds(seed), config, System.out);
        System.out.println(summary);
        return 0;
    }
}
