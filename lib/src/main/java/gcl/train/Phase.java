package gcl.train;

/** The stages of a training schedule, in the order they run. */
public enum Phase {
    /** Pre-training G on its data (Eq. 1), section 3.3. */
    PRETRAIN_G("pretrain-G"),
    /** Pre-training D on the pre-trained G's labels (Eq. 2–3), section 3.3. */
    PRETRAIN_D("pretrain-D"),
    /** Training a plain autoencoder (AE variants) on its data (Eq. 1). */
    AUTOENCODER("ae"),
    /** The cooperative loop (section 3.2). */
    COOPERATIVE("gcl");

    private final String id;

    Phase(String id) {
        this.id = id;
    }

    /** The short name in history tables, e.g. {@code pretrain-G}, {@code gcl}. */
    public String id() {
        return id;
    }

    public static Phase parse(String s) {
        for (Phase p : values()) {
            if (p.id.equalsIgnoreCase(s) || p.name().equalsIgnoreCase(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown phase '" + s + "'");
    }
}
