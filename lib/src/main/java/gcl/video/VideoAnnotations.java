package gcl.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about a folder of video files, in the same files as a dataset directory, but
 * beside the videos instead of beside features:
 * <pre>
 * VIDEOS/
 *   *.avi, *.mp4, ...     the videos; a video's id is its file name without the extension
 *   videos.csv            id,frames,label        (label normal|anomalous|unknown)
 *   ground_truth.csv      id,start,end           (anomalous frames [start, end), 0-based)
 *   splits/train.txt      ids, one per line
 *   splits/test.txt       ids, one per line
 *   videos.json           optional: {"name", "synthetic", "description", "frameRate"}
 * </pre>
 * All files are optional: a plain folder of footage has none, and then every video is an
 * unlabelled training video. {@code gcl synth videos} writes all of them; {@code gcl extract}
 * carries them into the dataset directory, with frame counts from decoding.
 *
 * @param entries     one per annotated video, in file order
 * @param name        dataset name, or null
 * @param synthetic   whether the videos are rendered teaching material
 * @param description a sentence for people, or ""
 */
public record VideoAnnotations(Map<String, Entry> entries, String name, boolean synthetic, String description) {
    /** Anomalous frames [start, end), 0-based. */
    public record Interval(int start, int end) {
        public Interval {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad frame interval [" + start + ", " + end + ")");
            }
        }
    }

    /**
     * One video.
     *
     * @param id        file name without extension
     * @param split     {@code train} or {@code test} ({@code train} when not listed)
     * @param frames    frame count as annotated (0 when unknown)
     * @param label     {@code normal}, {@code anomalous} or {@code unknown}
     * @param intervals anomalous frame intervals; empty when none are known or none anomalous
     */
    public record Entry(String id, String split, int frames, String label, List<Interval> intervals) {
        public Entry {
            intervals = List.copyOf(intervals);
        }

        /** Frame mask of a video of {@code n} frames: true inside the anomalous intervals (clipped to n). */
        public boolean[] groundTruth(int n) {
            boolean[] mask = new boolean[n];
            for (Interval iv : intervals) {
                for (int f = iv.start(); f < Math.min(iv.end(), n); f++) {
                    mask[f] = true;
                }
            }
            return mask;
        }
    }

    public VideoAnnotations {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        description = description == null ? "" : description;
    }

    /** No annotations at all. */
    public static VideoAnnotations none() {
        return new VideoAnnotations(Map.of(), null, false, "");
    }

    /** The entry of a video, if annotated. */
    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Whether any file of annotations was found. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Reads the annotations beside a folder of videos (none when the files are absent).
     *
     * @throws IOException naming the file and line when one is malformed
     */
    public static VideoAnnotations read(Path dir) throws IOException {
        Map<String, String> split = new LinkedHashMap<>();
        for (String s : List.of("train", "test")) {
            Path list = dir.resolve("splits").resolve(s + ".txt");
            if (Files.exists(list)) {
                for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        split.put(line.strip(), s);
                    }
                }
            }
        }
        Map<String, int[]> frames = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Path videosCsv = dir.resolve("videos.csv");
        if (Files.exists(videosCsv)) {
            List<String> lines = Files.readAllLines(videosCsv, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] f = lines.get(i).split(",", -1);
                if (f.length < 2) {
                    throw new IOException(videosCsv + " line " + (i + 1) + ": expected id,frames,label, got '" + lines.get(i) + "'");
                }
                try {
                    frames.put(f[0].strip(), new int[] {Integer.parseInt(f[1].strip())});
                } catch (NumberFormatException e) {
                    throw new IOException(videosCsv + " line " + (i + 1) + ": frames '" + f[1] + "' is not a number");
                }
                labels.put(f[0].strip(), f.length > 2 && !f[2].isBlank() ? f[2].strip().toLowerCase(Locale.ROOT) : "unknown");
            }
        }
        Map<String, List<Interval>> truth = new LinkedHashMap<>();
        Path gtCsv = dir.resolve("ground_truth.csv");
        if (Files.exists(gtCsv)) {
            List<String> lines = Files.readAllLines(gtCsv, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] f = lines.get(i).split(",", -1);
                try {
                    truth.computeIfAbsent(f[0].strip(), k -> new ArrayList<>())
                            .add(new Interval(Integer.parseInt(f[1].strip()), Integer.parseInt(f[2].strip())));
                } catch (RuntimeException e) {
                    throw new IOException(gtCsv + " line " + (i + 1) + ": expected id,start,end with start <= end, got '"
                            + lines.get(i) + "'");
                }
            }
        }
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        ids.addAll(labels.keySet());
        ids.addAll(split.keySet());
        ids.addAll(truth.keySet());
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String id : ids) {
            entries.put(id, new Entry(id, split.getOrDefault(id, "train"), frames.getOrDefault(id, new int[] {0})[0],
                    labels.getOrDefault(id, "unknown"), truth.getOrDefault(id, List.of())));
        }
        String name = null;
        boolean synthetic = false;
        String description = "";
        Path meta = dir.resolve("videos.json");
        if (Files.exists(meta)) {
            JsonNode o;
            try {
                o = new ObjectMapper().readTree(meta.toFile());
            } catch (IOException e) {
                throw new IOException(meta + ": not valid JSON (" + e.getMessage() + ")", e);
            }
            name = o.path("name").isTextual() ? o.path("name").asText() : null;
            synthetic = o.path("synthetic").asBoolean(false);
            description = o.path("description").asText("");
        }
        return new VideoAnnotations(entries, name, synthetic, description);
    }

    /** Writes these annotations beside a folder of videos. */
    public void write(Path dir, double frameRate) throws IOException {
        Files.createDirectories(dir.resolve("splits"));
        StringBuilder videos = new StringBuilder("id,frames,label\n");
        StringBuilder truth = new StringBuilder("id,start,end\n");
        StringBuilder train = new StringBuilder();
        StringBuilder test = new StringBuilder();
        for (Entry e : entries.values()) {
            videos.append(e.id()).append(',').append(e.frames()).append(',').append(e.label()).append('\n');
            for (Interval iv : e.intervals()) {
                truth.append(e.id()).append(',').append(iv.start()).append(',').append(iv.end()).append('\n');
            }
            ("test".equals(e.split()) ? test : train).append(e.id()).append('\n');
        }
        Files.writeString(dir.resolve("videos.csv"), videos, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ground_truth.csv"), truth, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("splits").resolve("train.txt"), train, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("splits").resolve("test.txt"), test, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = json.createObjectNode();
        if (name != null) {
            o.put("name", name);
        }
        o.put("synthetic", synthetic);
        o.put("frameRate", frameRate);
        o.put("description", description);
        Files.writeString(dir.resolve("videos.json"), json.writeValueAsString(o) + "\n", StandardCharsets.UTF_8);
    }
}
