package gcl.cli;

import gcl.AtomicFiles;
import gcl.Seeds;
import gcl.features.BatchExtraction;
import gcl.features.DefaultExtractor;
import gcl.features.ExtractionBenchmark;
import gcl.synth.SyntheticVideos;
import gcl.video.ReadOptions;
import gcl.video.Segmenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcl bench extract}: segments per second of the default extractor next to decoding alone. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Segments per second of the default feature extractor, next to decode-only speed on the same files,",
            "and the one as a share of the other. The two stages take turns for --rounds rounds; each one's best counts.",
            "Without --videos it renders 12 synthetic clips (--size, 25 fps) into a temporary folder first."})
public final class BenchExtractCommand implements Callable<Integer> {
    /** Synthetic clips rendered when no --videos are given: about 250 segments, a few seconds per stage. */
    static final int CLIPS = 12;

    @Option(names = "--videos", paramLabel = "DIR", description = "Folder of videos to measure on (default: 12 synthetic clips).")
    Path videos;

    @Option(names = "--size", defaultValue = "160x120", paramLabel = "WxH",
            description = "Frame size of the synthetic clips (default: ${DEFAULT-VALUE}, the lessons'; UCF-Crime's is 320x240).")
    String size;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of decode-only and extraction in turn (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--dim", defaultValue = "2048", description = "Feature dimension d (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--threads", defaultValue = "1", description = "Videos in parallel (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the numbers as CSV.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
        }
        Path dir = videos;
        Path temp = null;
        if (dir == null) {
            FrameSize wh = FrameSize.parse("--size", size, "320x240");
            if (!wh.even()) {
                throw new IllegalArgumentException("--size " + wh + ": MPEG-4 needs an even width and height, e.g. 320x240");
            }
            SyntheticVideos.Config d = SyntheticVideos.Config.defaults();
            temp = Files.createTempDirectory("gcl-bench-videos");
            SyntheticVideos.render(temp, new Seeds(1), new SyntheticVideos.Config(CLIPS, wh.width(), wh.height(), d.fps(),
                    d.minSegments(), d.maxSegments(), d.cameras(), d.testShare(), d.anomalousShare(), d.threads()), null);
            dir = temp;
        }
        try {
            List<Path> files = BatchExtraction.videoFiles(dir);
            DefaultExtractor extractor = new DefaultExtractor(dim);
            List<ExtractionBenchmark.Row> rows = ExtractionBenchmark.run(files, extractor, new Segmenter(), ReadOptions.original(),
                    threads, rounds);
            System.out.println("bench extract: " + extractor + ", " + files.size() + " videos from " + dir + ", " + threads + " thread(s)");
            System.out.println(String.format(Locale.ROOT, "%-8s %6s %10s %10s %10s %14s %12s", "stage", "round", "frames", "segments",
                    "seconds", "segments/s", "frames/s"));
            for (ExtractionBenchmark.Row r : rows) {
                System.out.println(String.format(Locale.ROOT, "%-8s %6d %10d %10d %10.2f %14.1f %12.1f", r.stage(), r.round(), r.frames(),
                        r.segments(), r.seconds(), r.segmentsPerSecond(), r.framesPerSecond()));
            }
            ExtractionBenchmark.Row decode = ExtractionBenchmark.best(rows, "decode");
            ExtractionBenchmark.Row extract = ExtractionBenchmark.best(rows, "extract");
            System.out.println(String.format(Locale.ROOT, "best of %d round(s): decode only %.1f segments/s, extraction %.1f segments/s"
                    + " = %.0f %% of decode-only", rounds, decode.segmentsPerSecond(), extract.segmentsPerSecond(),
                    100 * extract.segmentsPerSecond() / decode.segmentsPerSecond()));
            if (out != null) {
                StringBuilder csv = new StringBuilder(ExtractionBenchmark.CSV_HEADER).append('\n');
                rows.forEach(r -> csv.append(r.csv()).append('\n'));
                AtomicFiles.writeString(out, csv);
            }
            return 0;
        } finally {
            if (temp != null) {
                try (var walk = Files.walk(temp)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
