package gcl.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a dataset's numbers mean: every setting that changes the meaning of its features (what made
 * them, d, p, the frame rate and the frame size they were extracted at) or of its ground truth (the
 * frame-count convention, how short masks were padded). Features mix only where these agree: an
 * extraction or import resumed into a directory ({@link DatasetWriter#open}), and a run scoring data
 * other than its own ({@link #featureDifferences}). A frame rate of 0 or a d of 0 is unknown and
 * agrees with anything.
 *
 * @param featureKind what made the features, e.g. {@code gcl-default-v3}
 * @param featureDim  d (0 when not yet known)
 * @param segmentSize p, frames per segment
 * @param frameRate   frames per second the features were extracted at (0 when unknown)
 * @param frameSize   {@code WxH} where frames were resized while decoding; null for each video's own size
 * @param convention  the ground truth's frame counts: T·p ({@code segments}) or the real counts ({@code frames})
 * @param maskPadding how short frame masks were padded on import; null where none was
 */
public record DatasetMeaning(String featureKind, int featureDim, int segmentSize, double frameRate, String frameSize,
                             GroundTruthConvention convention, MaskPadding maskPadding) {
    public DatasetMeaning {
        Objects.requireNonNull(featureKind, "featureKind");
        Objects.requireNonNull(convention, "convention");
    }

    /** The meaning {@code dataset.json} records. */
    public static DatasetMeaning of(DatasetInfo info) {
        return new DatasetMeaning(info.featureKind(), info.featureDim(), info.segmentSize(), info.frameRate(), info.frameSize(),
                info.groundTruthConvention(), info.maskPadding());
    }

    /**
     * Every field in which the two differ, one entry each: {@code "frameRate 10 (NAME) vs 25 (OTHER)"}.
     *
     * @param name      how messages call this one, e.g. {@code "the new extraction"}
     * @param otherName how messages call the other, e.g. {@code "the directory's"}
     */
    public List<String> differences(DatasetMeaning other, String name, String otherName) {
        List<String> d = featureDifferences(other, name, otherName);
        compare(d, "groundTruthConvention", convention.id(), other.convention.id(), name, otherName);
        compare(d, "maskPadding", maskPadding == null ? "none" : maskPadding.id(),
                other.maskPadding == null ? "none" : other.maskPadding.id(), name, otherName);
        return d;
    }

    /**
     * The fields a trained model depends on in which the two differ (kind, d, p, frame rate, frame
     * size): a model trained on one set of features cannot score the other.
     */
    public List<String> featureDifferences(DatasetMeaning other, String name, String otherName) {
        List<String> d = new ArrayList<>();
        compare(d, "featureKind", featureKind, other.featureKind, name, otherName);
        if (featureDim > 0 && other.featureDim > 0) {
            compare(d, "featureDim", Integer.toString(featureDim), Integer.toString(other.featureDim), name, otherName);
        }
        compare(d, "segmentSize", Integer.toString(segmentSize), Integer.toString(other.segmentSize), name, otherName);
        if (frameRate > 0 && other.frameRate > 0 && Math.abs(frameRate - other.frameRate) > 1e-6 * frameRate) {
            compare(d, "frameRate", number(frameRate), number(other.frameRate), name, otherName);
        }
        compare(d, "frameSize", frameSize == null ? "each video's own" : frameSize,
                other.frameSize == null ? "each video's own" : other.frameSize, name, otherName);
        return d;
    }

    private static void compare(List<String> d, String field, String a, String b, String name, String otherName) {
        if (!a.equals(b)) {
            d.add(field + " " + a + " (" + name + ") vs " + b + " (" + otherName + ")");
        }
    }

    /** Writes the fields into a JSON object (a run manifest's {@code data}). */
    public void writeTo(ObjectNode o) {
        o.put("featureKind", featureKind);
        o.put("featureDim", featureDim);
        o.put("segmentSize", segmentSize);
        o.put("frameRate", frameRate);
        o.put("frameSize", frameSize);
        o.put("groundTruthConvention", convention.id());
        o.put("maskPadding", maskPadding == null ? null : maskPadding.id());
    }

    /**
     * The fields {@link #writeTo} wrote; null where the object records no meaning (a manifest written
     * before runs recorded it).
     *
     * @throws IllegalArgumentException for a value that is not one of the field's
     */
    public static DatasetMeaning readFrom(JsonNode o) {
        if (o == null || !o.hasNonNull("featureKind") || !o.hasNonNull("segmentSize")) {
            return null;
        }
        return new DatasetMeaning(o.get("featureKind").asText(), o.path("featureDim").asInt(0), o.get("segmentSize").asInt(),
                o.path("frameRate").asDouble(0), o.hasNonNull("frameSize") ? o.get("frameSize").asText() : null,
                GroundTruthConvention.parse(o.path("groundTruthConvention").asText(GroundTruthConvention.SEGMENTS.id())),
                o.hasNonNull("maskPadding") ? MaskPadding.parse(o.get("maskPadding").asText()) : null);
    }

    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
