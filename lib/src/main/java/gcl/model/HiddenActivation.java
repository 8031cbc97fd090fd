package gcl.model;

import java.util.EnumSet;
import java.util.Set;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The activations a {@link DenseNetwork} layer can use, applied in place, with their derivatives
 * written in terms of the layer's output a = f(z) (so the backward pass needs no copy of z):
 * <pre>
 *   identity   f'(z) = 1
 *   relu       f'(z) = 1 if a &gt; 0, else 0
 *   leakyrelu  f'(z) = 1 if a &gt; 0, else 0.01      (DL4J's default slope)
 *   elu        f'(z) = 1 if a &gt; 0, else a + 1     (α = 1)
 *   tanh       f'(z) = 1 − a²
 *   sigmoid    f'(z) = a (1 − a)
 * </pre>
 * Other DL4J activations are refused when a network is made, with a message listing these.
 */
final class HiddenActivation {
    /** LeakyReLU's slope for z &lt; 0 (DL4J's default). */
    static final double LEAKY_SLOPE = 0.01;
    /** The activations supported. */
    static final Set<Activation> SUPPORTED = EnumSet.of(Activation.IDENTITY, Activation.RELU, Activation.LEAKYRELU,
            Activation.ELU, Activation.TANH, Activation.SIGMOID);

    private HiddenActivation() {
    }

    /** Throws a clear message for an activation that has no derivative here. */
    static Activation check(Activation f) {
        if (!SUPPORTED.contains(f)) {
            throw new IllegalArgumentException("activation " + f + " is not supported by G and D; use one of " + SUPPORTED);
        }
        return f;
    }

    /** z ← f(z), in place. */
    static void apply(Activation f, INDArray z) {
        switch (f) {
            case IDENTITY -> {
            }
            case RELU -> Transforms.relu(z, false);
            case LEAKYRELU -> Transforms.leakyRelu(z, LEAKY_SLOPE, false);
            case ELU -> Transforms.elu(z, false);
            case TANH -> Transforms.tanh(z, false);
            case SIGMOID -> Transforms.sigmoid(z, false);
            default -> throw new IllegalArgumentException(f.toString());
        }
    }

    /** δ ← δ ⊙ f'(z), in place, from the layer's output a = f(z). */
    static void backprop(Activation f, INDArray a, INDArray delta) {
        switch (f) {
            case IDENTITY -> {
            }
            // relu_bp(x, ε) = ε where x > 0, else 0; a > 0 exactly where z > 0
            case RELU -> Nd4j.exec(new RectifiedLinearDerivative(a, delta, delta));
            case LEAKYRELU -> Nd4j.exec(new LeakyReLUBp(a, delta, delta, LEAKY_SLOPE));
            case ELU -> {
                try (INDArray d = Transforms.min(a, 0.0, true)) { // a + 1 for a ≤ 0, 1 for a > 0
                    delta.muli(d.addi(1));
                }
            }
            case TANH -> {
                try (INDArray d = a.mul(a)) {
                    delta.muli(d.rsubi(1));
                }
            }
            case SIGMOID -> {
                try (INDArray d = a.rsub(1)) {
                    delta.muli(d.muli(a));
                }
            }
            default -> throw new IllegalArgumentException(f.toString());
        }
    }
}
