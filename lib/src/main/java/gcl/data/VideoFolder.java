package gcl.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gcl.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What is known about a folder of video files: the same {@link Annotations} as a dataset directory
 * (split lists, {@code videos.csv}, {@code ground_truth.csv}), beside the videos instead of beside
 * features, and an optional {@code videos.json} with the set's name, whether it is synthetic, a
 * description and the frame rate:
 * <pre>
 * VIDEOS/
 *   *.avi, *.mp4, ...     the videos; a video's id is its file name without the extension (the
 *                         annotations may name it with the extension too: see {@link #videoId})
 *   splits/, videos.csv, ground_truth.csv   as in a dataset directory
 *   videos.json           {"name", "synthetic", "description", "frameRate"}
 * </pre>
 * All files are optional: a plain folder of footage has none, and then every video is an
 * unlabelled training video. {@code gcl synth videos} writes them all; {@code gcl extract} carries
 * them into the dataset directory, with frame counts from decoding.
 *
 * @param name        the set's name, or null
 * @param synthetic   whether the videos are rendered teaching material
 * @param description a sentence for people, or ""
 * @param frameRate   frames per second (0 when unknown)
 * @param annotations what is known about each video
 */
public record VideoFolder(String name, boolean synthetic, String description, double frameRate, Annotations annotations) {
    public static final String VIDEOS_JSON = "videos.json";
    /** The keys {@code videos.json} may hold (any other is refused by name). */
    public static final List<String> VIDEOS_JSON_KEYS = List.of("name", "synthetic", "description", "frameRate");

    public VideoFolder {
        description = description == null ? "" : description;
        annotations = annotations == null ? Annotations.none() : annotations;
    }

    /**
     * Reads what is known about a folder of videos (nothing when the files are absent).
     *
     * @throws IOException naming the file and line when one is malformed
     */
    public static VideoFolder read(Path dir) throws IOException {
        Annotations annotations = Annotations.read(dir, false).renamed(VideoFolder::videoId);
        Path meta = dir.resolve(VIDEOS_JSON);
        if (!Files.exists(meta)) {
            return new VideoFolder(null, false, "", 0, annotations);
        }
        MetadataFields o = MetadataFields.read(meta, VIDEOS_JSON_KEYS);
        return new VideoFolder(o.has("name") ? o.text("name", null) : null, o.flag("synthetic", false), o.text("description", ""),
                o.nonNegative("frameRate", 0), annotations);
    }

    /** Video file extensions an id may be written with in annotations ({@code Abuse001_x264.mp4}). */
    private static final Pattern VIDEO_EXTENSION =
            Pattern.compile("(?i)\\.(avi|mp4|mkv|mov|mpg|mpeg|m4v|webm|wmv|flv|ts|3gp|ogv)$");

    /**
     * The id of a video as annotations may name it: the file name without folders and without a
     * video extension ({@code Abuse/Abuse001_x264.mp4} gives {@code Abuse001_x264}, as the video's
     * file does), or, for an RTFM-style list of feature files, without {@code .npy} and a feature
     * suffix such as {@code _i3d} ({@code /x/Abuse001_x264_i3d.npy} gives {@code Abuse001_x264}).
     */
    public static String videoId(String entry) {
        String name = entry.strip().replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.toLowerCase(Locale.ROOT).endsWith(".npy")) {
            return name.substring(0, name.length() - 4)
                    .replaceFirst("(?i)_(i3d|rgb|flow|c3d|resnext|resnext3d|features?|feat)$", "");
        }
        return VIDEO_EXTENSION.matcher(name).replaceFirst("");
    }

    /** Writes the annotations and {@code videos.json} beside the videos. */
    public void write(Path dir) throws IOException {
        annotations.write(dir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = json.createObjectNode();
        if (name != null) {
            o.put("name", name);
        }
        o.put("synthetic", synthetic);
        o.put("frameRate", frameRate);
        o.put("description", description);
        AtomicFiles.writeString(dir.resolve(VIDEOS_JSON), json.writeValueAsString(o) + "\n");
    }
}
