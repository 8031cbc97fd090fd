package gcl.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import gcl.EnumIds;
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
    AE_ALL_DATA("AE_AllData", autoencoderOn(GeneratorData.ALL),
            "autoencoder on all training segments, scored by reconstruction error"),
    /** An autoencoder trained on the videos labelled normal (one-class setting). */
    AE_OCC("AE_OCC", autoencoderOn(GeneratorData.OCC),
            "autoencoder on the segments of videos labelled normal (one-class)"),
    /** An autoencoder trained on the TD-cleaned training data (section 3.3). */
    AE_TD("AE_TD", autoencoderOn(GeneratorData.TD),
            "autoencoder on TD-cleaned training segments (section 3.3)"),
    /** GCL without pre-training and without negative learning: G trained on D-normal samples only. */
    GCL_WO_NL("GCL w/o NL", loop().withoutNegativeLearning(),
            "cooperative loop from random init, G trained on D-normal samples only"),
    /** GCL from random initialisation with negative learning: the paper's baseline. */
    GCL_B("GCL_B", loop(),
            "cooperative loop from random init, with negative learning"),
    /** GCL with G pre-trained on TD-cleaned data and D pre-trained on G's labels (section 3.3). */
    GCL_PT("GCL_PT", loop().pretrainedOn(GeneratorData.TD),
            "G pre-trained on TD-cleaned data, D on G's labels, then the cooperative loop"),
    /** GCL with G pre-trained on the videos labelled normal. */
    GCL_OCC("GCL_OCC", loop().pretrainedOn(GeneratorData.OCC),
            "G pre-trained on videos labelled normal, D on G's labels, then the cooperative loop"),
    /** GCL_PT with video-level labels for a fraction of the training videos (see {@link PseudoLabeler}). */
    GCL_WS("GCL_WS", loop().pretrainedOn(GeneratorData.TD).withWeakLabels(),
            "GCL_PT with video labels for a fraction of the training videos"),
    /** GCL_PT where G's negative learning uses G's own pseudo-labels instead of D's (section 4.2). */
    GCL_OWN_LABELS("G on own labels", loop().pretrainedOn(GeneratorData.TD).withGeneratorOwnLabels(),
            "GCL_PT, but G's negative learning uses G's own pseudo-labels"),
    /** GCL_PT where D is trained on soft labels (min-max scaled errors) instead of thresholded ones (section 4.2). */
    GCL_SOFT("soft labels", loop().pretrainedOn(GeneratorData.TD).withSoftLabels(),
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

    /**
     * The structure a variant fixes, built by name: {@code loop().pretrainedOn(TD).withSoftLabels()}
     * reads as the variant it describes.
     */
    private record Structure(GeneratorData generatorData, boolean cooperative, boolean negativeLearning,
                             boolean generatorOwnLabels, boolean softLabels, boolean weaklySupervised) {
        Structure pretrainedOn(GeneratorData data) {
            return new Structure(data, cooperative, negativeLearning, generatorOwnLabels, softLabels, weaklySupervised);
        }

        Structure withoutNegativeLearning() {
            return new Structure(generatorData, cooperative, false, generatorOwnLabels, softLabels, weaklySupervised);
        }

        Structure withGeneratorOwnLabels() {
            return new Structure(generatorData, cooperative, negativeLearning, true, softLabels, weaklySupervised);
        }

        Structure withSoftLabels() {
            return new Structure(generatorData, cooperative, negativeLearning, generatorOwnLabels, true, weaklySupervised);
        }

        Structure withWeakLabels() {
            return new Structure(generatorData, cooperative, negativeLearning, generatorOwnLabels, softLabels, true);
        }
    }

    /** The cooperative loop of G and D from random weights, with negative learning (GCL_B). */
    private static Structure loop() {
        return new Structure(GeneratorData.NONE, true, true, false, false, false);
    }

    /** A plain autoencoder (no D) trained on {@code data}. */
    private static Structure autoencoderOn(GeneratorData data) {
        return new Structure(data, false, true, false, false, false);
    }

    private final String paperName;
    private final Structure structure;
    private final String description;

    Variant(String paperName, Structure structure, String description) {
        this.paperName = paperName;
        this.structure = structure;
        this.description = description;
    }

    /** The name in the paper's tables, e.g. {@code GCL_PT}, {@code AE_AllData}. */
    public String paperName() {
        return paperName;
    }

    /** What G is trained on first (GCL) or only (AE). */
    public GeneratorData generatorData() {
        return structure.generatorData();
    }

    /** Whether G and D are trained in the cooperative loop (false: a plain autoencoder, no D). */
    public boolean cooperative() {
        return structure.cooperative();
    }

    /** Whether G and D are pre-trained before the loop (section 3.3). */
    public boolean pretrained() {
        return structure.cooperative() && structure.generatorData() != GeneratorData.NONE;
    }

    /** Whether G's training uses pseudo reconstruction targets (false: the {@code none} target). */
    public boolean negativeLearning() {
        return structure.negativeLearning();
    }

    /** Whether G's training labels are its own (true) or D's (false, the paper's GCL). */
    public boolean generatorOwnLabels() {
        return structure.generatorOwnLabels();
    }

    /** Whether D learns from soft labels instead of thresholded ones. */
    public boolean softLabels() {
        return structure.softLabels();
    }

    /** Whether video-level labels of some training videos are used. */
    public boolean weaklySupervised() {
        return structure.weaklySupervised();
    }

    /** One line saying what the variant does. */
    public String description() {
        return description;
    }

    /** The command-line form, e.g. {@code gcl-pt}, {@code ae-all-data}. */
    public String id() {
        return EnumIds.id(this);
    }

    /** Parses a variant written as the enum ({@code GCL_PT}), the paper ({@code AE_AllData}) or the CLI ({@code gcl-pt}). */
    @JsonCreator
    public static Variant parse(String text) {
        String key = normalise(text);
        for (Variant v : values()) {
            if (normalise(v.name()).equals(key) || normalise(v.paperName).equals(key)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + text + "': use " + EnumIds.choices(Variant.class));
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
