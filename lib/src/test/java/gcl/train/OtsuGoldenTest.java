package gcl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import gcl.Golden;
import org.junit.jupiter.api.Test;

/**
 * Otsu's threshold against OpenCV's {@code cv2.threshold(..., THRESH_OTSU)} on 8-bit values
 * (golden/otsu.json). Every case spans 0–255, so our 256 bins over [min, max] hold one value each,
 * as OpenCV's histogram does; OpenCV returns the last value of the lower class t, we the edge
 * after it, (t + 1) · 255 / 256.
 */
class OtsuGoldenTest {
    @Test
    void otsuMatchesOpenCv() {
        for (JsonNode c : Golden.cases("otsu.json")) {
            double[] values = Golden.doubles(c.get("values"));
            double t = c.get("opencv_threshold").asDouble();
            assertEquals((t + 1) * 255 / 256, Threshold.otsu().of(values), 1e-9, c.get("name").asText());
        }
    }
}
