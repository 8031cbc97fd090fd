package gcl.data;

import java.util.Objects;

/**
 * What a dataset directory says about itself in {@code dataset.json}.
 *
 * @param name                  a short name, e.g. {@code ucf-crime} or {@code synthetic-quick}
 * @param segmentSize           frames per segment p (16 in the paper)
 * @param featureKind           what made the features, e.g. {@code resnext3d-kinetics} or {@code gcl-default-v3}
 * @param featureDim            d
 * @param frameRate             frames per second of the source videos (0 when unknown)
 * @param groundTruthConvention how frame counts were made: T × p from the feature length (the published
 *                              convention) or the real frame count
 * @param synthetic             true for the embedded teaching proxies: results on them are not the paper's
 * @param description           one or two sentences for people ("" when none)
 * @param maskPadding           how frame masks shorter than a video's frames were lengthened on import
 *                              (ShanghaiTech); null where no mask was padded
 * @param frameSize             the frame size the features were extracted at, {@code WxH}, where frames
 *                              were resized while decoding; null where each video kept its own size
 *                              (or the size is not known)
 */
public record DatasetInfo(String name, int segmentSize, String featureKind, int featureDim, double frameRate,
                          GroundTruthConvention groundTruthConvention, boolean synthetic, String description,
                          MaskPadding maskPadding, String frameSize) {
    public DatasetInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(groundTruthConvention, "groundTruthConvention");
        if (segmentSize <= 0) {
            throw new IllegalArgumentException("segment size must be positive, got " + segmentSize);
        }
        description = description == null ? "" : description;
    }

    /** Frames at each video's own size (or of an unknown size). */
    public DatasetInfo(String name, int segmentSize, String featureKind, int featureDim, double frameRate,
                       GroundTruthConvention groundTruthConvention, boolean synthetic, String description,
                       MaskPadding maskPadding) {
        this(name, segmentSize, featureKind, featureDim, frameRate, groundTruthConvention, synthetic, description, maskPadding,
                null);
    }

    /** Without mask padding (no mask was padded). */
    public DatasetInfo(String name, int segmentSize, String featureKind, int featureDim, double frameRate,
                       GroundTruthConvention groundTruthConvention, boolean synthetic, String description) {
        this(name, segmentSize, featureKind, featureDim, frameRate, groundTruthConvention, synthetic, description, null);
    }

    /** Without a description. */
    public DatasetInfo(String name, int segmentSize, String featureKind, int featureDim, double frameRate,
                       GroundTruthConvention groundTruthConvention, boolean synthetic) {
        this(name, segmentSize, featureKind, featureDim, frameRate, groundTruthConvention, synthetic, "");
    }

    /** The same description with another feature dimension (e.g. once the first file is read). */
    public DatasetInfo withFeatureDim(int d) {
        return new DatasetInfo(name, segmentSize, featureKind, d, frameRate, groundTruthConvention, synthetic, description,
                maskPadding, frameSize);
    }

    /** The same description with another ground-truth convention. */
    public DatasetInfo withGroundTruthConvention(GroundTruthConvention convention) {
        return new DatasetInfo(name, segmentSize, featureKind, featureDim, frameRate, convention, synthetic, description,
                maskPadding, frameSize);
    }

    /** The same description with the frame size the features were extracted at ({@code WxH}, or null for each video's own). */
    public DatasetInfo withFrameSize(String size) {
        return new DatasetInfo(name, segmentSize, featureKind, featureDim, frameRate, groundTruthConvention, synthetic, description,
                maskPadding, size);
    }

    /** What the features and the ground truth mean ({@link DatasetMeaning}). */
    public DatasetMeaning meaning() {
        return DatasetMeaning.of(this);
    }
}
