package gcl.features;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TEMPORARY stand-in for {@code gcl.data.DatasetWriter} until the data branch lands on main: writes
 * the dataset-directory layout one video at a time (resumable through a journal), then the lists.
 * Same calls as DatasetWriter, so the switch is mechanical; delete this class then.
 */
final class LayoutWriter {
    record Info(String name, int segmentSize, String featureKind, int featureDim, double frameRate,
                String convention, boolean synthetic, String description) {
    }

    private record Entry(String id, String split, int frames, String label, List<int[]> intervals) {
    }

    private final Path dir;
    private final Info info;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private LayoutWriter(Path dir, Info info) {
        this.dir = dir;
        this.info = info;
    }

    static LayoutWriter open(Path dir, Info info) throws IOException {
        LayoutWriter w = new LayoutWriter(dir, info);
        Files.createDirectories(dir.resolve("features"));
        Path journal = dir.resolve(".writer/videos.tsv");
        if (Files.exists(journal)) {
            for (String line : Files.readAllLines(journal)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                List<int[]> iv = new ArrayList<>();
                if (!f[4].equals("-")) {
                    for (String p : f[4].split(";")) {
                        String[] se = p.split(":");
                        iv.add(new int[] {Integer.parseInt(se[0]), Integer.parseInt(se[1])});
                    }
                }
                if (Files.exists(w.featureFile(f[0]))) {
                    w.entries.put(f[0], new Entry(f[0], f[1], Integer.parseInt(f[2]), f[3], iv));
                }
            }
        } else if (Files.exists(dir.resolve("videos.csv"))) {
            // a finished directory: start from what it lists
            Map<String, String> split = new LinkedHashMap<>();
            for (String s : List.of("train", "test")) {
                Path list = dir.resolve("splits").resolve(s + ".txt");
                if (Files.exists(list)) {
                    for (String id : Files.readAllLines(list)) {
                        if (!id.isBlank()) {
                            split.put(id.strip(), s);
                        }
                    }
                }
            }
            Map<String, List<int[]>> truth = new LinkedHashMap<>();
            if (Files.exists(dir.resolve("ground_truth.csv"))) {
                for (String line : Files.readAllLines(dir.resolve("ground_truth.csv")).subList(1, Files.readAllLines(dir.resolve("ground_truth.csv")).size())) {
                    String[] f = line.split(",");
                    truth.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
                }
            }
            List<String> lines = Files.readAllLines(dir.resolve("videos.csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                if (Files.exists(w.featureFile(f[0]))) {
                    w.entries.put(f[0], new Entry(f[0], split.getOrDefault(f[0], "train"), Integer.parseInt(f[1]), f[2],
                            truth.getOrDefault(f[0], List.of())));
                }
            }
        }
        return w;
    }

    boolean contains(String id) {
        return entries.containsKey(id);
    }

    synchronized void writeVideo(String id, boolean test, float[][] features, int frames, String label,
                                 boolean[] groundTruth) throws IOException {
        Path file = featureFile(id);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        writeNpy(tmp, features, info.featureDim());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        List<int[]> intervals = new ArrayList<>();
        if (groundTruth != null) {
            for (int f = 0; f < groundTruth.length; f++) {
                if (groundTruth[f] && (f == 0 || !groundTruth[f - 1])) {
                    int e = f;
                    while (e < groundTruth.length && groundTruth[e]) {
                        e++;
                    }
                    intervals.add(new int[] {f, e});
                }
            }
        }
        Entry e = new Entry(id, test ? "test" : "train", frames, label, intervals);
        entries.put(id, e);
        StringBuilder s = new StringBuilder(id).append('\t').append(e.split()).append('\t').append(frames).append('\t')
                .append(label).append('\t');
        List<String> parts = new ArrayList<>();
        for (int[] iv : intervals) {
            parts.add(iv[0] + ":" + iv[1]);
        }
        s.append(parts.isEmpty() ? "-" : String.join(";", parts)).append('\n');
        Files.createDirectories(dir.resolve(".writer"));
        Files.writeString(dir.resolve(".writer/videos.tsv"), s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    synchronized void finish() throws IOException {
        String json = String.format(Locale.ROOT, "{%n  \"name\" : \"%s\",%n  \"segmentSize\" : %d,%n  \"featureKind\" : \"%s\",%n"
                        + "  \"featureDim\" : %d,%n  \"frameRate\" : %s,%n  \"groundTruthConvention\" : \"%s\",%n"
                        + "  \"synthetic\" : %s,%n  \"description\" : \"%s\"%n}%n",
                info.name(), info.segmentSize(), info.featureKind(), info.featureDim(), Double.toString(info.frameRate()),
                info.convention(), info.synthetic(), info.description().replace("\"", "'"));
        Files.writeString(dir.resolve("dataset.json"), json);
        StringBuilder videos = new StringBuilder("id,frames,label\n");
        StringBuilder truth = new StringBuilder("id,start,end\n");
        Files.createDirectories(dir.resolve("splits"));
        for (String split : List.of("train", "test")) {
            StringBuilder list = new StringBuilder();
            for (Entry e : entries.values()) {
                if (e.split().equals(split)) {
                    list.append(e.id()).append('\n');
                    videos.append(e.id()).append(',').append(e.frames()).append(',').append(e.label()).append('\n');
                    for (int[] iv : e.intervals()) {
                        truth.append(e.id()).append(',').append(iv[0]).append(',').append(iv[1]).append('\n');
                    }
                }
            }
            Files.writeString(dir.resolve("splits").resolve(split + ".txt"), list);
        }
        Files.writeString(dir.resolve("videos.csv"), videos);
        Files.writeString(dir.resolve("ground_truth.csv"), truth);
        Files.deleteIfExists(dir.resolve(".writer/videos.tsv"));
        Files.deleteIfExists(dir.resolve(".writer"));
    }

    private Path featureFile(String id) {
        return dir.resolve("features").resolve(id + ".npy");
    }

    /** NumPy .npy version 1.0, little-endian float32, C order, shape [T, d]. */
    static void writeNpy(Path file, float[][] rows, int d) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows.length + ", " + d + "), }";
        int headerLength = 10 + dict.length() + 1;
        int padding = (64 - headerLength % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        try (OutputStream out = Files.newOutputStream(file); DataOutputStream data = new DataOutputStream(out)) {
            data.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            byte[] h = header.getBytes(StandardCharsets.US_ASCII);
            data.write(h.length & 0xFF);
            data.write((h.length >> 8) & 0xFF);
            data.write(h);
            ByteBuffer buf = ByteBuffer.allocate(4 * d).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] row : rows) {
                buf.clear();
                for (float v : row) {
                    buf.putFloat(v);
                }
                data.write(buf.array());
            }
        }
    }
}
