package gcl.cli;

import gcl.Seeds;
import gcl.synth.SyntheticVideos;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        FrameSize wh = FrameSize.parse("--size", size, "160x120");
        if (!wh.even()) {
            throw new IllegalArgumentException("--size " + wh + ": MPEG-4 needs an even width and height, e.g. 160x120");
        }
        int[] range = segmentRange(segments);
        SyntheticVideos.Config config = new SyntheticVideos.Config(count, wh.width(), wh.height(), fps, range[0], range[1],
                d.cameras(), d.testShare(), d.anomalousShare(), d.threads());
        if (threads != null) {
            config = config.withThreads(threads);
        }
        SyntheticVideos.Summary summary = SyntheticVideos.render(out, new Seeds(seed), config, System.out);
        System.out.println(summary);
        return 0;
    }

    /** {@code --segments MIN-MAX}: two whole numbers, 1 &le; MIN &le; MAX. */
    static int[] segmentRange(String text) {
        Matcher m = Pattern.compile("\\s*(\\d{1,6})\\s*-\\s*(\\d{1,6})\\s*").matcher(text);
        if (m.matches()) {
            int min = Integer.parseInt(m.group(1));
            int max = Integer.parseInt(m.group(2));
            if (min >= 1 && max >= min) {
                return new int[] {min, max};
            }
        }
        throw new IllegalArgumentException("--segments takes MIN-MAX, clip lengths in 16-frame segments with 1 <= MIN <= MAX,"
                + " e.g. 16-24; got '" + text + "'");
    }
}
