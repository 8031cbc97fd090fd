package gcl.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The fields of a small JSON metadata file ({@code dataset.json}, {@code videos.json}), read
 * strictly: a key the file type does not have is refused by name, with the known key it most
 * likely misspells (a misspelled optional key would otherwise silently take its default), and a
 * value of the wrong type is refused with what the field takes. Every problem is an
 * {@link IOException} naming the file.
 */
final class MetadataFields {
    private final JsonNode object;
    private final Path file;

    private MetadataFields(JsonNode object, Path file) {
        this.object = object;
        this.file = file;
    }

    /**
     * Reads a metadata file and checks its keys against {@code known}.
     *
     * @throws IOException when the file is missing, not a JSON object, or has an unknown key
     */
    static MetadataFields read(Path file, List<String> known) throws IOException {
        JsonNode o;
        try {
            o = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (o == null || !o.isObject()) {
            throw new IOException(file + ": not a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                String near = closest(key, known);
                unknown.add("'" + key + "'" + (near == null ? "" : " (did you mean '" + near + "'?)"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IOException(file + ": unknown key" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + "; the keys of " + file.getFileName() + " are " + String.join(", ", known));
        }
        return new MetadataFields(o, file);
    }

    /** The parsed object. */
    JsonNode json() {
        return object;
    }

    /** Whether the key is present and not null. */
    boolean has(String key) {
        return object.hasNonNull(key);
    }

    /** A text field; {@code fallback} when absent (null fallback: required). */
    String text(String key, String fallback) throws IOException {
        JsonNode v = value(key, fallback == null);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw wrong(key, "text in quotes", v);
        }
        return v.asText();
    }

    /** A whole-number field of at least {@code min}; {@code fallback} when absent (null: required). */
    int whole(String key, Integer fallback, int min) throws IOException {
        JsonNode v = value(key, fallback == null);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min) {
            throw wrong(key, "a whole number of at least " + min, v);
        }
        return v.asInt();
    }

    /** A number of at least 0; {@code fallback} when absent. */
    double nonNegative(String key, double fallback) throws IOException {
        JsonNode v = value(key, false);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
            throw wrong(key, "a number of at least 0 (0 when unknown)", v);
        }
        return v.asDouble();
    }

    /** A true/false field; {@code fallback} when absent. */
    boolean flag(String key, boolean fallback) throws IOException {
        JsonNode v = value(key, false);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw wrong(key, "true or false", v);
        }
        return v.asBoolean();
    }

    private JsonNode value(String key, boolean required) throws IOException {
        JsonNode v = object.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IOException(file + ": missing field \"" + key + "\"");
            }
            return null;
        }
        return v;
    }

    private IOException wrong(String key, String takes, JsonNode got) {
        return new IOException(file + ": " + key + " takes " + takes + ", got " + got);
    }

    /** The known key nearest to {@code key} (case aside, or at most two edits away), or null. */
    static String closest(String key, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 5) ? best : null;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int up = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = up;
            }
        }
        return row[b.length()];
    }
}
