package gcl.train;

import java.util.Locale;

/**
 * The configurations the paper reports (Tables 1–2, section 4.2), each one value of
 * {@link GclConfig#variant()}.
 *
 * <p>A variant fixes the structure of training: what G is trained on before (or instead of) the
 * cooperative loop, whether D exists, where G's training labels come from, hard or soft labels,
 * video labels. The numbers (epochs, thresholds, the negative-learning target...) stay in
 * {@link GclConfig}. Choices where the paper is silent: the variants of section 4.2 (G on its own
 * labels, soft labels) and GCL_WS start from GCL_PT, the paper's complete unsupervised system.
 */
public enum Variant {
    /** An autoencoder trained on all training data (Eq. 1), scored by its error. */
    AE_ALL_DATA("AE_AllData", GeneratorData.ALL, false, true, false, false, false,
            "autoencoder on all training segments, scored by reconstruction error"),
    /** An autoencoder trained on the videos labelled normal (one-class setting). */
    AE_OCC("AE_OCC", GeneratorData.OCC, false, true, false, false, false,
            "autoencoder on the segments of videos labelled normal (one-class)"),
    /** An autoencoder trained on the TD-cleaned training data (section 3.3). */
    AE_TD("AE_TD", GeneratorData.TD, false, true, false, false, false,
            "autoencoder on TD-cleaned training segments (section 3.3)"),
    /** GCL without pre-training and without negative learning: G trained on D-normal samples only. */
    GCL_WO_NL("GCL w/o NL", GeneratorData.NONE, true, false, false, false, false,
            "cooperative loop from random init, G trained on D-normal samples only"),
    /** GCL from random initialisation with negative learning: the paper's baseline. */
    GCL_B("GCL_B", GeneratorData.NONE, true, true, false, false, false,
            "cooperative loop from random init, with negative learning"),
    /** GCL with G pre-trained on TD-cleaned data and D pre-trained on G's labels (section 3.3). */
    GCL_PT("GCL_PT", GeneratorData.TD, true, true, false, false, false,
            "G pre-trained on TD-cleaned data, D on G's labels, then the cooperative loop"),
    /** GCL with G pre-trained on the videos labelled normal. */
    GCL_OCC("GCL_OCC", GeneratorData.OCC, true, true, false, false, false,
            "G pre-trained on videos labelled normal, D on G's labels, then the cooperative loop"),
    /** GCL_PT with video-level labels for a fraction of the training videos (see {@link PseudoLabeler}). */
    GCL_WS("GCL_WS", GeneratorData.TD, true, true, false, false, true,
            "GCL_PT with video labels for a fraction of the training videos"),
    /** GCL_PT where G's negative learning uses G's own pseudo-labels instead of D's (section 4.2). */
    GCL_OWN_LABELS("G on own labels", GeneratorData.TD, true, true, true, false, false,
            "GCL_PT, but G's negative learning uses G's own pseudo-labels"),
    /** GCL_PT where D is trained on soft labels (min-max scaled errors) instead of thresholded ones (section 4.2). */
    GCL_SOFT("soft labels", GeneratorData.TD, true, true, false, true, false,
            "GCL_PT, but D learns from soft labels (scaled errors) instead of thresholded ones");

    /** What G is trained on before the loop (GCL) or as the whole training (AE). */
    public enum GeneratorData {
        /** Nothing: G starts from random weights. */
        NONE,
        /** All training segments. */
        ALL,
        /** The TD-cleaned training segments (section 3.3). */
        TD,
        /** The segments of training videos labelled normal. */
        OCC
    }

    private final String paperName;
    private final GeneratorData generatorData;
    private final boolean cooperative;
    private final boolean negativeLearning;
    private final boolean generatorOwnLabels;
    private final boolean softLabels;
    private final boolean weaklySupervised;
    private final String description;

    Variant(String paperName, GeneratorData generatorData, boolean cooperative, boolean negativeLearning,
            boolean generatorOwnLabels, boolean softLabels, boolean weaklySupervised, String description) {
        this.paperName = paperName;
        this.generatorData = generatorData;
        this.cooperative = cooperative;
        this.negativeLearning = negativeLearning;
        this.generatorOwnLabels = generatorOwnLabels;
        this.softLabels = softLabels;
        this.weaklySupervised = weaklySupervised;
        this.description = description;
    }

    /** The name in the paper's tables, e.g. {@code GCL_PT}, {@code AE_AllData}. */
    public String paperName() {
        return paperName;
    }

    /** What G is trained on first (GCL) or only (AE). */
    public GeneratorData generatorData() {
        return generatorData;
    }

    /** Whether G and D are trained in the cooperative loop (false: a plain autoencoder, no D). */
    public boolean cooperative() {
        return cooperative;
    }

    /** Whether G and D are pre-trained before the loop (section 3.3). */
    public boolean pretrained() {
        return cooperative && generatorData != GeneratorData.NONE;
    }

    /** Whether G's training uses pseudo reconstruction targets (false: the {@code none} target). */
    public boolean negativeLearning() {
        return negativeLearning;
    }

    /** Whether G's training labels are its own (true) or D's (false, the paper's GCL). */
    public boolean generatorOwnLabels() {
        return generatorOwnLabels;
    }

    /** Whether D learns from soft labels instead of thresholded ones. */
    public boolean softLabels() {
        return softLabels;
    }

    /** Whether video-level labels of some training videos are used. */
    public boolean weaklySupervised() {
        return weaklySupervised;
    }

    /** One line saying what the variant does. */
    public String description() {
        return description;
    }

    /** The command-line form, e.g. {@code gcl-pt}, {@code ae-all-data}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a variant written as the enum ({@code GCL_PT}), the paper ({@code AE_AllData}) or the CLI ({@code gcl-pt}). */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Variant parse(String text) {
        String key = normalise(text);
        for (Variant v : values()) {
            if (normalise(v.name()).equals(key) || normalise(v.paperName).equals(key)) {
                return v;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Variant v : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(v.id());
        }
        throw new IllegalArgumentException("unknown variant '" + text + "': use one of " + names);
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
