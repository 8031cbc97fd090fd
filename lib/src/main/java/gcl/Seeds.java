package gcl;

import java.util.Random;

/**
 * One master seed, and a separate, reproducible generator for every random component derived from it.
 *
 * <p>Each component asks for its own stream by name ({@code "G.init"}, {@code "batches"}, ...), so
 * adding a new random component never changes the numbers drawn by the others. The derivation is
 * a fixed mix of the master seed and the name (SplitMix64 over the name's characters).
 */
public final class Seeds {
    private final long master;

    public Seeds(long master) {
        this.master = master;
    }

    /** The master seed. */
    public long master() {
        return master;
    }

    /** The seed of the named stream: a deterministic function of the master seed and the name. */
    public long seed(String stream) {
        long h = mix(master ^ 0x9E3779B97F4A7C15L);
        for (int i = 0; i < stream.length(); i++) {
            h = mix(h ^ stream.charAt(i));
        }
        return h;
    }

    /** A fresh {@link Random} for the named stream. */
    public Random random(String stream) {
        return new Random(seed(stream));
    }

    /** The seeds of a sub-component, e.g. one epoch or one video: {@code child("epoch-3")}. */
    public Seeds child(String name) {
        return new Seeds(seed(name));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "Seeds(" + master + ")";
    }
}
