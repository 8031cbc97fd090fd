package gcl.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The pseudo reconstruction target of negative learning (section 3.2.5, Eq. 6): what G is trained to
 * output for a sample D labels anomalous, so that G learns to reconstruct anomalies poorly. Samples
 * D labels normal keep their own features as target.
 *
 * <ul>
 *   <li>{@code ones} (the paper's default and best): the all-ones vector 1 ∈ R^d (Eq. 6). When G sees
 *       features centred per video (f' = f − c, {@link gcl.clean.VideoCentring}), the same target in
 *       G's coordinates is 1 − c: the paper's target, moved with the features.</li>
 *   <li>{@code random-normal}: the features of a sample of the same batch that D labels normal,
 *       drawn uniformly (with replacement) for each anomalous sample. A batch without any
 *       D-normal sample leaves the anomalous ones with their own features.</li>
 *   <li>{@code gaussian:σ}: the sample's own features plus noise N(0, σ²) per dimension (the paper
 *       tries σ = 1.5 and 6.0).</li>
 *   <li>{@code none}: no negative learning; G is trained on the D-normal samples only
 *       (the mask leaves the anomalous ones out).</li>
 * </ul>
 *
 * @param kind  which target
 * @param sigma the noise's standard deviation for {@link Kind#GAUSSIAN}, else 0
 */
public record NegativeTarget(Kind kind, double sigma) {
    /** The kinds of pseudo target. */
    public enum Kind { ONES, RANDOM_NORMAL, GAUSSIAN, NONE }

    public static final NegativeTarget ONES = new NegativeTarget(Kind.ONES, 0);
    public static final NegativeTarget RANDOM_NORMAL = new NegativeTarget(Kind.RANDOM_NORMAL, 0);
    public static final NegativeTarget NONE = new NegativeTarget(Kind.NONE, 0);

    public NegativeTarget {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.GAUSSIAN ? !(sigma > 0) || !Double.isFinite(sigma) : sigma != 0) {
            throw new IllegalArgumentException("only the gaussian target has a sigma (> 0); got " + kind + " with " + sigma);
        }
    }

    /** Features plus N(0, σ²) noise. */
    public static NegativeTarget gaussian(double sigma) {
        return new NegativeTarget(Kind.GAUSSIAN, sigma);
    }

    /** Parses {@code ones}, {@code random-normal}, {@code gaussian:1.5} or {@code none}. */
    @JsonCreator
    public static NegativeTarget parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (s) {
            case "ones":
                return ONES;
            case "random-normal":
            case "replace":
                return RANDOM_NORMAL;
            case "none":
                return NONE;
            default:
                if (s.startsWith("gaussian:")) {
                    try {
                        return gaussian(Double.parseDouble(s.substring("gaussian:".length())));
                    } catch (NumberFormatException e) {
                        // fall through
                    }
                }
                throw new IllegalArgumentException("negative-learning target '" + text
                        + "': use ones, random-normal, gaussian:SIGMA (e.g. gaussian:1.5) or none");
        }
    }

    /** The text form: {@code ones}, {@code random-normal}, {@code gaussian:1.5}, {@code none}. */
    @JsonValue
    public String id() {
        return switch (kind) {
            case ONES -> "ones";
            case RANDOM_NORMAL -> "random-normal";
            case GAUSSIAN -> "gaussian:" + (sigma == Math.rint(sigma) ? String.valueOf((long) sigma) : String.valueOf(sigma));
            case NONE -> "none";
        };
    }

    /**
     * The targets t of Eq. (6) for a batch [b, d] and D's labels (length b): the batch itself, with
     * the rows labelled anomalous replaced by the pseudo target. When no row is replaced (the
     * {@code none} target, or no anomalous row) the targets are the batch array itself, not a copy.
     *
     * @param rng the source of randomness for {@code random-normal} and {@code gaussian}
     */
    public PseudoTargets targets(INDArray batch, INDArray labels, Random rng) {
        return targets(batch, labels, null, rng);
    }

    /**
     * As {@link #targets(INDArray, INDArray, Random)}, for a batch of features centred per video: row q
     * of {@code offsets} [b, d] is the centre c subtracted from sample q (null when not centred).
     * The {@code ones} target becomes 1 − c, so that in the features' own coordinates it is still 1.
     */
    public PseudoTargets targets(INDArray batch, INDArray labels, INDArray offsets, Random rng) {
        int b = batch.rows();
        if (labels.length() != b) {
            throw new IllegalArgumentException(b + " samples but " + labels.length() + " labels");
        }
        float[] l = labels.reshape(b).toFloatVector();
        float[] isAnomalous = new float[b];
        int anomalous = 0;
        for (int q = 0; q < b; q++) {
            if (l[q] >= 0.5) {
                isAnomalous[q] = 1;
                anomalous++;
            }
        }
        if (kind == Kind.NONE) {
            float[] keep = new float[b];
            for (int q = 0; q < b; q++) {
                keep[q] = 1 - isAnomalous[q];
            }
            INDArray mask = b == 0 ? Nd4j.create(DataType.FLOAT, 0) : Nd4j.createFromArray(keep);
            return new PseudoTargets(batch, mask.castTo(batch.dataType()));
        }
        if (anomalous == 0) {
            return new PseudoTargets(batch, null);
        }
        INDArray targets;
        switch (kind) {
            // t = (1 − l)·f + l·1
            case ONES -> {
                try (INDArray column = Nd4j.createFromArray(isAnomalous).reshape(b, 1).castTo(batch.dataType());
                     INDArray keep = column.rsub(1)) {
                    targets = batch.dup().muliColumnVector(keep).addiColumnVector(column);
                    if (offsets != null) {
                        // c on the anomalous rows: a [b, d] temporary (64 MB at the paper's sizes), freed now, not at a GC
                        try (INDArray shift = offsets.mulColumnVector(column)) {
                            targets.subi(shift);
                        }
                    }
                }
            }
            case RANDOM_NORMAL -> {
                int[] normal = new int[b - anomalous];
                int n = 0;
                for (int q = 0; q < b; q++) {
                    if (isAnomalous[q] == 0) {
                        normal[n++] = q;
                    }
                }
                if (n == 0) {
                    return new PseudoTargets(batch, null);
                }
                int[] source = new int[b];
                for (int q = 0; q < b; q++) {
                    source[q] = isAnomalous[q] == 1 ? normal[rng.nextInt(n)] : q;
                }
                targets = Nd4j.pullRows(batch, 1, source, 'c');
            }
            // t = f + l·σ·N(0, 1)
            case GAUSSIAN -> {
                INDArray column = Nd4j.createFromArray(isAnomalous).reshape(b, 1).castTo(batch.dataType());
                targets = Nd4j.create(batch.dataType(), b, batch.columns());
                Nd4j.randn(targets, rng.nextLong());
                targets.muli(sigma).muliColumnVector(column).addi(batch);
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return new PseudoTargets(targets, null);
    }

    @Override
    public String toString() {
        return id();
    }
}
