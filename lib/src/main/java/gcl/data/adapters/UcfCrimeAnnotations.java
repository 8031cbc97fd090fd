package gcl.data.adapters;

import gcl.data.GroundTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads UCF-Crime's {@code Temporal_Anomaly_Annotation_for_Testing_Videos.txt}: one line per test
 * video, whitespace-separated: file name, class, start1, end1, start2, end2, with {@code -1 -1} for
 * an absent interval. For example
 * <pre>
 * Arson011_x264.mp4  Arson  150  420  680  1267
 * Normal_Videos_003_x264.mp4  Normal  -1  -1  -1  -1
 * </pre>
 *
 * <p>Each pair (s, e) gives frames s to e inclusive. We number them from 0, as RTFM's ground-truth
 * script does, so (s, e) becomes the half-open interval [s, e + 1); with {@code oneBased} (the
 * dataset's original MATLAB evaluation numbers frames from 1) it becomes [s − 1, e). The two
 * readings differ by one frame at each end.
 */
public final class UcfCrimeAnnotations {
    private UcfCrimeAnnotations() {
    }

    /**
     * One annotated video.
     *
     * @param video     the file name without extension, e.g. {@code Arson011_x264}
     * @param className the class, e.g. {@code Arson} or {@code Normal}
     * @param intervals its anomalous frames, 0-based half-open (empty for normal videos)
     */
    public record Annotation(String video, String className, List<GroundTruth.Interval> intervals) {
        public boolean normal() {
            return intervals.isEmpty();
        }
    }

    /** Reads the file (0-based reading). */
    public static Map<String, Annotation> read(Path file) throws IOException {
        return read(file, false);
    }

    /** Reads the file; annotations by video name without extension. */
    public static Map<String, Annotation> read(Path file, boolean oneBased) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + ": no such annotation file");
        }
        return parse(List.of(gcl.data.Csv.readText(file).split("\r?\n|\r")), file.toString(), oneBased);
    }

    /**
     * Parses annotation lines.
     *
     * @param source named in messages
     */
    public static Map<String, Annotation> parse(List<String> lines, String source, boolean oneBased) throws IOException {
        Map<String, Annotation> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length < 4 || f.length % 2 != 0) {
                throw new IOException(source + ": line " + (i + 1) + ": expected 'name class start end [start end]', found '" + line + "'");
            }
            List<GroundTruth.Interval> intervals = new ArrayList<>();
            for (int k = 2; k + 1 < f.length; k += 2) {
                int s;
                int e;
                try {
                    s = Integer.parseInt(f[k]);
                    e = Integer.parseInt(f[k + 1]);
                } catch (NumberFormatException ex) {
                    throw new IOException(source + ": line " + (i + 1) + ": frame numbers expected, found '" + f[k] + " " + f[k + 1] + "'");
                }
                if (s == -1 && e == -1) {
                    continue;
                }
                if (s < 0 || e < s || oneBased && s < 1) {
                    throw new IOException(source + ": line " + (i + 1) + ": bad interval " + s + " " + e);
                }
                intervals.add(oneBased ? new GroundTruth.Interval(s - 1, e) : new GroundTruth.Interval(s, e + 1));
            }
            String video = ImportRun.stem(f[0]);
            if (out.put(video, new Annotation(video, f[1], List.copyOf(intervals))) != null) {
                throw new IOException(source + ": line " + (i + 1) + ": video " + video + " annotated twice");
            }
        }
        return out;
    }
}
