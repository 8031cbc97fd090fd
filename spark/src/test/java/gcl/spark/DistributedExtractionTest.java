package gcl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.Seeds;
import gcl.data.DatasetDirectory;
import gcl.features.BatchExtraction;
import gcl.features.DefaultExtractor;
import gcl.synth.SyntheticVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gcl-spark extract against gcl extract on a few rendered clips and a broken file, in local[2]. */
class DistributedExtractionTest {
    static final int DIM = 64;

    @TempDir
    static Path shared;

    static Path videos;
    static Path plain;
    static BatchExtraction.Result plainResult;

    @BeforeAll
    static void renderAndExtractOnOneMachine() throws IOException {
        videos = shared.resolve("videos");
        SyntheticVideos.render(videos, new Seeds(7), SyntheticVideos.Config.defaults().withCount(5).withLength(2, 4).withThreads(1), null);
        Files.write(videos.resolve("broken.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 1, 2, 3});
        plain = shared.resolve("plain");
        plainResult = BatchExtraction.run(videos, plain, new DefaultExtractor(DIM),
                BatchExtraction.Options.defaults().withThreads(2).withProgress(null));
        assertEquals(5, plainResult.extracted(), plainResult.summary());
        assertEquals(1, plainResult.failures().size());
    }

    @Test
    void writesTheSameFilesAsGclExtractByteForByte(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("spark");
        BatchExtraction.Result r = DistributedExtraction.run(LocalSpark.get(), videos, out, ExtractionSpec.defaults(DIM), null,
                TaskProbe.NONE);
        assertEquals(5, r.extracted());
        assertEquals(plainResult.segments(), r.segments());
        assertEquals(List.of("broken.mp4"), r.failures().stream().map(f -> f.file().getFileName().toString()).toList(),
                "the unreadable video is named, the others extracted");
        SameFiles.assertSame(plain, out);
        assertEquals(DatasetDirectory.load(plain).fingerprint(), DatasetDirectory.load(out).fingerprint());
    }

    /** Fails the first attempt of one video's task after its feature file is written: the worst place to lose a task. */
    record FailFirstAttempt(String id) implements TaskProbe {
        static final AtomicInteger FAILED = new AtomicInteger();

        @Override
        public void reached(Step step, String videoId) {
            if (step == Step.FEATURES_WRITTEN && videoId.equals(id) && TaskContext.get().attemptNumber() == 0) {
                FAILED.incrementAndGet();
                throw new IllegalStateException("executor lost (test)");
            }
        }
    }

    @Test
    void aKilledTaskIsRetriedWithoutDuplicateOrPartialOutput(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("spark");
        String victim = BatchExtraction.videoFiles(videos).stream().map(BatchExtraction::idOf).filter(id -> !id.equals("broken"))
                .skip(1).findFirst().orElseThrow();
        // what an attempt killed while writing leaves: the temporary of its feature file
        Path features = Files.createDirectories(out.resolve("features"));
        Files.write(features.resolve("." + victim + ".npy123456789.tmp"), new byte[] {'h', 'a', 'l', 'f'});
        int before = FailFirstAttempt.FAILED.get();

        BatchExtraction.Result r = DistributedExtraction.run(LocalSpark.get(), videos, out, ExtractionSpec.defaults(DIM), null,
                new FailFirstAttempt(victim));

        assertEquals(before + 1, FailFirstAttempt.FAILED.get(), "the first attempt failed");
        assertEquals(5, r.extracted(), "and the retry extracted it: " + r.summary());
        try (Stream<Path> left = Files.list(features)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
                    "no temporaries left");
        }
        List<String> log = Files.readAllLines(out.resolve(BatchExtraction.EXTRACTION_CSV));
        assertEquals(1, log.stream().filter(l -> l.startsWith(victim + ",")).count(), "recorded once: " + log);
        SameFiles.assertSame(plain, out);
    }

    @Test
    void aResumeExtractsOnlyWhatIsMissingAsGclExtractDoes(@TempDir Path dir) throws Exception {
        String first = BatchExtraction.videoFiles(videos).stream().map(BatchExtraction::idOf).filter(id -> !id.equals("broken"))
                .findFirst().orElseThrow();
        Path one = Path.of("features").resolve(first + ".npy");
        Path byPlain = dir.resolve("plain");
        Path bySpark = dir.resolve("spark");
        DistributedExtraction.run(LocalSpark.get(), videos, bySpark, ExtractionSpec.defaults(DIM), null, TaskProbe.NONE);
        copy(plain, byPlain);
        Files.delete(byPlain.resolve(one));
        Files.delete(bySpark.resolve(one));

        BatchExtraction.Result p = BatchExtraction.run(videos, byPlain, new DefaultExtractor(DIM),
                BatchExtraction.Options.defaults().withThreads(2).withProgress(null));
        BatchExtraction.Result s = DistributedExtraction.run(LocalSpark.get(), videos, bySpark, ExtractionSpec.defaults(DIM), null,
                TaskProbe.NONE);
        assertEquals(4, s.skipped(), s.summary());
        assertEquals(1, s.extracted(), s.summary());
        assertFalse(s.ok(), "the broken file is still named");
        assertEquals(p.skipped(), s.skipped());
        assertTrue(Files.exists(bySpark.resolve(one)));
        SameFiles.assertSame(byPlain, bySpark);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
