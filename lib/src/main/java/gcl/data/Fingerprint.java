package gcl.data;

import gcl.Sha256;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A dataset's fingerprint: the first 16 hex digits of a SHA-256 over its content, in a fixed order:
 * the metadata (all of {@link DatasetInfo} but the description), then for each split every video's
 * id, segments, frames, label and ground-truth intervals, then the split's features as
 * little-endian float32.
 *
 * <p>It is computed from the content, not from file bytes, so a dataset generated in memory and
 * the same dataset written and read back have the same fingerprint; reading a directory with
 * other options (crop policy, convention) gives other content and another fingerprint.
 */
public final class Fingerprint {
    private static final int BLOCK_ROWS = 1024;

    private Fingerprint() {
    }

    /** The fingerprint of a dataset's content. */
    public static String of(DatasetInfo info, FeatureSet train, FeatureSet test) {
        MessageDigest sha = Sha256.digest();
        text(sha, "gcl-dataset-v1");
        text(sha, info.name());
        text(sha, Integer.toString(info.segmentSize()));
        text(sha, info.featureKind());
        text(sha, Integer.toString(info.featureDim()));
        text(sha, Double.toString(info.frameRate()));
        text(sha, info.groundTruthConvention().id());
        text(sha, Boolean.toString(info.synthetic()));
        for (FeatureSet set : new FeatureSet[] {train, test}) {
            text(sha, "split " + set.videos().size() + " " + set.size() + " " + set.dim());
            for (Video v : set.videos()) {
                StringBuilder s = new StringBuilder(v.id()).append(' ').append(v.segments()).append(' ')
                        .append(v.frames()).append(' ').append(v.label().id());
                if (v.groundTruth() == null) {
                    s.append(" -");
                } else {
                    for (GroundTruth.Interval iv : GroundTruth.intervals(v.groundTruth())) {
                        s.append(' ').append(iv.start()).append(':').append(iv.end());
                    }
                }
                text(sha, s.toString());
            }
            INDArray f = set.features();
            for (int from = 0; from < set.size(); from += BLOCK_ROWS) {
                int to = Math.min(set.size(), from + BLOCK_ROWS);
                float[] block;
                try (INDArray copy = f.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c')) {
                    block = copy.data().asFloat();
                }
                ByteBuffer b = ByteBuffer.allocate(block.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(block);
                sha.update(b.array());
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static void text(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
    }
}
