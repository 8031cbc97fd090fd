package gcl;

/**
 * The run profile that notebooks and the CLI read from {@code GCL_PROFILE}.
 *
 * <p>{@link #QUICK} is what CI runs: small data, few epochs, every cell still executed.
 * {@link #FULL} is the paper's settings (section 4, "Implementation Details").
 */
public enum Profile {
    /** Small data and few epochs: seconds per run, for CI and a first read. */
    QUICK,
    /** The paper's settings: d = 2048, batch 8192, 15 epochs. */
    FULL;

    /** The environment variable that selects the profile. */
    public static final String ENV = "GCL_PROFILE";

    /**
     * The profile in force: system property {@code gcl.profile}, else {@code GCL_PROFILE}, else quick.
     *
     * @throws IllegalArgumentException for a value that names no profile
     */
    public static Profile current() {
        String value = System.getProperty("gcl.profile");
        if (value == null || value.isBlank()) {
            value = System.getenv(ENV);
        }
        return value == null || value.isBlank() ? QUICK : parse(value);
    }

    /** Parses {@code quick} or {@code full}, ignoring case. */
    public static Profile parse(String value) {
        try {
            return EnumIds.parse(Profile.class, value, "profile");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (" + ENV + ")");
        }
    }

    /** The lower-case name used on the command line and in file names. */
    public String id() {
        return EnumIds.id(this);
    }
}
