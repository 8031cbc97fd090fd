package gcl.data.adapters;

import gcl.Progress;
import gcl.data.CropPolicy;
import gcl.data.Crops;
import gcl.data.Csv;
import gcl.data.DatasetInfo;
import gcl.data.DatasetWriter;
import gcl.data.GroundTruth;
import gcl.data.GroundTruthConvention;
import gcl.data.MaskPadding;
import gcl.data.Npy;
import gcl.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes imported videos into a dataset directory, one at a time, resumable, and one bad video
 * never losing the others: its problem is recorded and the import goes on.
 *
 * <p>Frame counts follow the convention: {@code segments} gives every video T·p frames (the
 * published convention; ground truth clipped, or padded as {@link DatasetInfo#maskPadding} says
 * for masks and with normal frames for intervals), {@code frames} uses
 * the real count (from the mask, or a frames CSV).
 */
public final class ImportRun {
    private ImportRun() {
    }

    /**
     * What an import did.
     *
     * @param written  videos written in this run
     * @param skipped  videos already in the directory (an earlier, interrupted run)
     * @param failures one line per video that could not be imported, naming its file
     */
    public record Result(int written, int skipped, List<String> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }

        @Override
        public String toString() {
            return written + " videos written, " + skipped + " already there, " + failures.size() + " failed";
        }
    }

    /**
     * Imports the sources into {@code out}, then writes the lists and metadata.
     *
     * @param progress where progress goes; null for a line every few seconds on standard output
     */
    public static Result write(Path out, DatasetInfo info, List<VideoSource> sources, CropPolicy crops, Progress progress)
            throws IOException {
        if (progress == null) {
            progress = new Progress("import " + info.name(), "videos", sources.size());
        }
        DatasetWriter w = DatasetWriter.open(out, info);
        int written = 0;
        int skipped = 0;
        List<String> failures = new ArrayList<>();
        boolean segments = info.groundTruthConvention() == GroundTruthConvention.SEGMENTS;
        MaskPadding padding = info.maskPadding() == null ? MaskPadding.NORMAL : info.maskPadding();
        for (VideoSource s : sources) {
            if (w.contains(s.id()) || w.contains(Crops.cropId(s.id(), 0))) {
                skipped++;
                progress.step("skipped " + s.id());
                continue;
            }
            try {
                List<INDArray> mats = Crops.apply(s.features().read(), crops, s.origin());
                for (int c = 0; c < mats.size(); c++) {
                    INDArray m = mats.get(c);
                    int t = m.rows();
                    int frames;
                    if (segments) {
                        frames = GroundTruth.framesOfSegments(t, info.segmentSize());
                    } else if (s.realFrames() != null) {
                        frames = s.realFrames();
                    } else if (s.mask() != null) {
                        frames = s.mask().length;
                    } else {
                        throw new IOException(s.origin() + ": the 'frames' convention needs the real frame count of video "
                                + s.id() + " (give a frames CSV)");
                    }
                    boolean[] gt = null;
                    if (s.split() == Split.TEST) {
                        gt = s.mask() != null ? GroundTruth.fit(s.mask(), frames, padding)
                                : GroundTruth.mask(s.intervals() == null ? List.of() : s.intervals(), frames);
                    }
                    String id = mats.size() == 1 ? s.id() : Crops.cropId(s.id(), c);
                    w.writeVideo(id, s.split(), m, frames, s.label(), gt);
                }
                written++;
                progress.step(s.id());
            } catch (IOException | RuntimeException e) {
                failures.add(e.getMessage() == null ? s.origin() + ": " + e : e.getMessage());
                progress.step("FAILED " + s.id());
            }
        }
        w.finish();
        return new Result(written, skipped, failures);
    }

    /**
     * An entry of a published train or test list and the feature file it names.
     *
     * @param split    the list it is in
     * @param position its place in that list (0 = first)
     * @param id       the video id made from it
     * @param file     its feature file
     */
    public record Listed(Split split, int position, String id, Path file) {
    }

    /**
     * The entries of the training list, then of the test list (blank lines and # comments skipped),
     * each with its id and its feature file ({@link #resolve}).
     */
    public static List<Listed> listed(Path trainList, Path testList, Map<String, Path> index,
                                      Function<String, String> idOf) throws IOException {
        List<Listed> out = new ArrayList<>();
        for (Split split : Split.values()) {
            Path list = split == Split.TRAIN ? trainList : testList;
            List<String> entries = Csv.readList(list);
            for (int i = 0; i < entries.size(); i++) {
                String id = idOf.apply(entries.get(i));
                out.add(new Listed(split, i, id, resolve(entries.get(i), id, list, index)));
            }
        }
        return out;
    }

    /** The file name of a list entry without directories and extension. */
    public static String stem(String entry) {
        String name = entry.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A generic id: the stem without a feature-kind suffix such as {@code _i3d}, {@code _rgb} or {@code _c3d}. */
    public static String genericId(String entry) {
        return stem(entry).replaceFirst("(?i)_(i3d|rgb|flow|c3d|resnext|resnext3d|features?|feat)$", "");
    }

    /**
     * Every {@code .npy} file under {@code dir} (recursively) by id.
     *
     * @throws IOException when two files give the same id (naming both)
     */
    public static Map<String, Path> index(Path dir, Function<String, String> idOf) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such features directory");
        }
        Map<String, Path> byId = new LinkedHashMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".npy") && Files.isRegularFile(f)).sorted().toList()) {
                Path before = byId.put(idOf.apply(p.getFileName().toString()), p);
                if (before != null) {
                    throw new IOException(dir + ": two feature files for video " + idOf.apply(p.getFileName().toString())
                            + ": " + before + " and " + p);
                }
            }
        }
        return byId;
    }

    /**
     * Where a list entry's features are: the entry itself (absolute, or relative to the list's
     * folder) when it is a {@code .npy} file that exists, else the file with its id in the index.
     */
    public static Path resolve(String entry, String id, Path list, Map<String, Path> index) throws IOException {
        if (entry.endsWith(".npy")) {
            Path p = Path.of(entry);
            if (Files.exists(p)) {
                return p;
            }
            Path rel = list.toAbsolutePath().getParent().resolve(entry);
            if (Files.exists(rel)) {
                return rel;
            }
        }
        Path p = index.get(id);
        if (p == null) {
            throw new IOException(list + ": no feature file for video " + id + " (entry '" + entry + "')");
        }
        return p;
    }

    /** A reader for a whole feature file. */
    public static VideoSource.Reader file(Path p) {
        return () -> Npy.read(p);
    }

    /** Reads an {@code id,frames} CSV of real frame counts (none when {@code csv} is null). */
    public static Map<String, Integer> readFrames(Path csv) throws IOException {
        Map<String, Integer> frames = new LinkedHashMap<>();
        if (csv != null) {
            for (Csv.Row r : Csv.read(csv, List.of("id", "frames"), 2)) {
                frames.put(r.text(0), r.integer(1, "frames"));
            }
        }
        return frames;
    }

    /**
     * Cuts a concatenated frame-level ground truth (as RTFM's {@code gt-ucf.npy} and {@code gt-sh.npy}:
     * the test videos' masks of T·p frames each, in list order, joined) into per-video masks.
     *
     * @param segmentsOf the segment count T of the i-th test video
     */
    public static List<boolean[]> splitConcatenated(boolean[] all, int videos, IntFunction<Integer> segmentsOf,
                                                    int segmentSize, Path file) throws IOException {
        List<boolean[]> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < videos; i++) {
            int n = segmentsOf.apply(i) * segmentSize;
            if (at + n > all.length) {
                throw new IOException(file + ": has " + all.length + " frames, but the test videos' T x " + segmentSize
                        + " frames need more (ran out at video " + (i + 1) + " of " + videos + ")");
            }
            out.add(Arrays.copyOfRange(all, at, at + n));
            at += n;
        }
        if (at != all.length) {
            throw new IOException(file + ": has " + all.length + " frames, but the test videos' T x " + segmentSize
                    + " frames add up to " + at);
        }
        return out;
    }
}
