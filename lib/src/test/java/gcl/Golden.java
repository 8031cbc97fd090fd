package gcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden fixtures in {@code src/test/resources/golden/}: fixed inputs with the outputs of the
 * field's reference implementations (scikit-learn, OpenCV, NumPy), made once by
 * {@code make_golden.py} there, so that the library's hand-written numerics are checked against
 * them without Python.
 */
public final class Golden {
    private Golden() {
    }

    /** The cases of a fixture, e.g. {@code roc_auc.json}. */
    public static List<JsonNode> cases(String fixture) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + fixture)) {
            if (in == null) {
                throw new IllegalStateException("no golden fixture " + fixture + " on the test class path");
            }
            List<JsonNode> cases = new ArrayList<>();
            new ObjectMapper().readTree(in).path("cases").forEach(cases::add);
            if (cases.isEmpty()) {
                throw new IllegalStateException("golden fixture " + fixture + " has no cases");
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(fixture + ": " + e.getMessage(), e);
        }
    }

    /** A file of the fixtures, e.g. {@code npy/features_f4_3x4.npy}. */
    public static Path file(String relative) {
        try {
            return Path.of(Golden.class.getResource("/golden/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no golden file " + relative + " on the test class path", e);
        }
    }

    public static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    public static boolean[] booleans(JsonNode array) {
        boolean[] v = new boolean[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asInt() != 0;
        }
        return v;
    }
}
