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

    @Option(names = "--size", defaultValue = "160x120", paramLabel = "WxH", description = "Frame size, even numbers (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--segments", defaultValue = "16-24", paramLabel = "MIN-MAX",
            description = "Clip length range in 16-frame segments (default: ${DEFAULT-VALUE}).")
    String segments;

    @Option(names = "--fps", defaultValue = "25", description = "Frames per second (default: ${DEFAULT-VALUE}).")
    double fps;

    @Override
    public Integer call() throws Exception {
        SyntheticVideos.Config d = SyntheticVideos.Config.defaults();
        String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
        String[] range = segments.split("-");
        if (wh.length != 2 || range.length != 2) {
            throw new IllegalArgumentException("--size is WxH (e.g. 160x120) and --segments MIN-MAX (e.g. 16-24)");
        }
        SyntheticVideos.Config config = new SyntheticVideos.Config(count, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), fps,
                Integer.parseInt(range[0]), Integer.parseInt(range[1]), d.cameras(), d.testShare(), d.anomalousShare(), d.threads());
        if (threads != null) {
            config = config.withThreads(threads);
        }
        SyntheticVideos.Summary summary = SyntheticVideos.render(out, new Seeds(seed), config, System.out);
        System.out.println(summary);
        return 0;
    }
}
