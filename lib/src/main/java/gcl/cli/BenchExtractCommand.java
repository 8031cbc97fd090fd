package gcl.cli;

import gcl.Seeds;
import gcl.features.BatchExtraction;
import gcl.features.DefaultExtractor;
import gcl.features.ExtractionBenchmark;
import gcl.synth.SyntheticVideos;
import gcl.video.ReadOptions;
import gcl.video.Segmenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcl bench extract}: segments per second of the default extractor next to decoding alone. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Segments per second of the default feature extractor, next to decode-only speed on the same files.",
            "Without --videos it renders a few synthetic clips (160x120, 25 fps) into a temporary folder first."})
public final class BenchExtractCommand implements Callable<Integer> {
    @Option(names = "--videos", paramLabel = "DIR", description = "Folder of videos to measure on (default: 6 synthetic clips).")
    Path videos;

    @Option(names = "--dim", defaultValue = "2048", description = "Feature dimension d (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--threads", defaultValue = "1", description = "Videos in parallel (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the numbers as CSV.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path dir = videos;
        Path temp = null;
        if (dir == null) {
            temp = Files.createTempDirectory("gcl-bench-videos");
            SyntheticVideos.render(temp, new Seeds(1), SyntheticVideos.Config.defaults().withCount(6), null);
            dir = temp;
        }
        try {
            List<Path> files = BatchExtraction.videoFiles(dir);
            DefaultExtractor extractor = new DefaultExtractor(dim);
            List<ExtractionBenchmark.Row> rows = ExtractionBenchmark.run(files, extractor, new Segmenter(), ReadOptions.original(),
                    threads);
            System.out.println("bench extract: " + extractor + ", " + files.size() + " videos from " + dir + ", " + threads + " thread(s)");
            System.out.println(String.format(Locale.ROOT, "%-8s %10s %10s %10s %14s %12s", "stage", "frames", "segments", "seconds",
                    "segments/s", "frames/s"));
            for (ExtractionBenchmark.Row r : rows) {
                System.out.println(String.format(Locale.ROOT, "%-8s %10d %10d %10.2f %14.1f %12.1f", r.stage(), r.frames(), r.segments(),
                        r.seconds(), r.segmentsPerSecond(), r.framesPerSecond()));
            }
            if (out != null) {
                StringBuilder csv = new StringBuilder(ExtractionBenchmark.CSV_HEADER).append('\n');
                rows.forEach(r -> csv.append(r.csv()).append('\n'));
                gcl.AtomicFiles.writeString(out, csv);
            }
            return 0;
        } finally {
            if (temp != null) {
                try (var walk = Files.walk(temp)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
