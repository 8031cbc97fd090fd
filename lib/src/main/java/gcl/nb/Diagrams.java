package gcl.nb;

import gcl.viz.ChartStyle;
import java.awt.Color;
import java.util.Locale;

/**
 * The methods' diagrams as self-contained SVG text (no scripts, no external references, font
 * family {@code sans-serif}), to be shown inline in JupyterLab and in exported HTML offline:
 * {@link #cooperativeLoop()} redraws the paper's Fig. 2 (Zaheer et al., "Generative Cooperative
 * Learning for Unsupervised Video Anomaly Detection", CVPR 2022, sec. 3.2, Eqs. 1–6),
 * {@link #negativeLearning()} its Fig. 3 (sec. 3.2.5, Eqs. 5–6), and {@link #coarseToFine()} the method
 * of lesson 08, C2FPL.
 *
 * <p>Both are drawn with one small internal helper: boxes with centred lines of text, arrows with
 * arrowheads defined once in {@code <defs>}, and arrow labels. In text, {@code _{x}} is a
 * subscript and {@code ^{x}} a superscript; everything else is escaped for XML.
 */
public final class Diagrams {
    /** Width of both diagrams in pixels. */
    public static final int WIDTH = 900;

    private static final String INK = "rgb(51,51,51)";
    private static final String NORMAL = rgb(ChartStyle.NORMAL);
    private static final String ANOMALOUS = rgb(ChartStyle.ANOMALOUS);
    private static final String UNLABELLED = "rgb(160,160,160)";

    private Diagrams() {
    }

    /**
     * The paper's Fig. 2, one GCL iteration on a batch: G's reconstruction errors (Eq. 1) give
     * pseudo-labels (Eq. 2) that train D with binary cross entropy (Eq. 3); D's probabilities give
     * pseudo-labels (Eq. 4) that set G's pseudo reconstruction targets (Eq. 6), and G is trained on
     * them (Eq. 5), closing the loop. The dashed box is the optional TD-cleaned pre-training of G
     * (GCL_PT, sec. 3.3).
     *
     * @return a complete SVG document, {@value #WIDTH} pixels wide
     */
    public static String cooperativeLoop() {
        Svg s = new Svg(WIDTH, 560);
        s.text(WIDTH / 2.0, 28, "middle", INK, 17, true, "Generative Cooperative Learning: G and D teach each other (Fig. 2)");
        s.box(180, 52, 220, 50, INK, true, "TD-cleaned pre-training of G", "(GCL_PT, sec. 3.3, optional)");
        s.arrow(INK, true, "initial weights", 290, 102, 290, 150);
        // Row 1: features → G → reconstruction error → G's pseudo-labels.
        s.box(15, 150, 140, 80, INK, false, "features f", "segments shuffled", "across videos");
        s.box(200, 150, 180, 80, INK, false, "G: autoencoder", "FC[d,1024,512,256,", "512,1024,d]");
        s.box(440, 150, 180, 80, INK, false, "reconstruction error", "L_{G} = ‖f − f̂‖₂", "(Eq. 1)");
        s.box(680, 150, 200, 80, INK, false, "threshold μ_{R} + σ_{R}", "l_{G} = 1 if L_{G} ≥ L_{G}^{th}", "(Eq. 2)");
        s.arrow(INK, false, "f", 155, 190, 200, 190);
        s.arrow(INK, false, "f̂", 380, 190, 440, 190);
        s.arrow(INK, false, "L_{G}", 620, 190, 680, 190);
        // Right column, downwards: train D, then D.
        s.box(680, 290, 200, 80, INK, false, "train D", "BCE loss L_{D} on l_{G}", "(Eq. 3)");
        s.arrow(INK, false, "l_{G} ∈ {0,1}", 780, 230, 780, 290);
        s.box(680, 430, 200, 80, INK, false, "D: classifier", "FC[d,512,32,1]", "sigmoid");
        s.arrow(INK, false, "weights", 780, 370, 780, 430);
        // Row 3, leftwards: D's probabilities → D's pseudo-labels → pseudo targets.
        s.box(440, 430, 180, 80, INK, false, "threshold μ_{P} + 0.1σ_{P}", "l_{D} = 1 if p̂ ≥ L_{D}^{th}", "(Eq. 4)");
        s.box(200, 430, 180, 80, INK, false, "pseudo targets t (Eq. 6)", "t = f where l_{D} = 0", "t = ones where l_{D} = 1");
        s.arrow(INK, false, "p̂", 680, 470, 620, 470);
        s.arrow(INK, false, "l_{D}", 440, 470, 380, 470);
        // Left column, upwards: train G, back to G.
        s.box(200, 290, 180, 80, INK, false, "train G", "L_{G} = mean ‖t − f̂‖₂", "(Eq. 5)");
        s.arrow(INK, false, "t", 290, 430, 290, 370);
        s.arrow(INK, false, "weights", 290, 290, 290, 230);
        // The same batch f is also D's input.
        s.arrow(INK, false, "f (same batch)", 85, 230, 85, 535, 780, 535, 780, 510);
        s.text(530, 322, "middle", INK, 13, false, "one iteration per batch:");
        s.text(530, 340, "G labels for D, D labels for G");
        return s.build();
    }

    /**
     * The paper's Fig. 3, negative learning of G (sec. 3.2.5): a segment D pseudo-labels normal
     * (l_D = 0) keeps itself as reconstruction target (t = f), a segment D pseudo-labels anomalous
     * (l_D = 1) gets the pseudo target of all ones (1 ∈ ℝ^d, Eq. 6); minimising Eq. 5 then teaches G
     * to reconstruct normal segments well and anomalous ones badly. Normal is drawn in
     * {@link ChartStyle#NORMAL}, anomalous in {@link ChartStyle#ANOMALOUS}.
     *
     * @return a complete SVG document, {@value #WIDTH} pixels wide
     */
    public static String negativeLearning() {
        Svg s = new Svg(WIDTH, 400);
        s.text(WIDTH / 2.0, 28, "middle", INK, 17, true, "Negative learning: pseudo reconstruction targets (Fig. 3, Eqs. 5–6)");
        String[] unknown = {UNLABELLED, UNLABELLED, UNLABELLED, UNLABELLED, UNLABELLED, UNLABELLED};
        String[] byD = {NORMAL, NORMAL, ANOMALOUS, NORMAL, NORMAL, ANOMALOUS};
        s.box(20, 130, 120, 100, INK, false, "input batch", "features f");
        s.squares(28, 208, unknown);
        s.box(175, 130, 150, 100, INK, false, "D's pseudo-labels", "l_{D} (Eq. 4)");
        s.squares(197, 208, byD);
        s.arrow(INK, false, "f", 140, 180, 175, 180);
        String[][] legend = {{UNLABELLED, "no label yet"}, {NORMAL, "normal"}, {ANOMALOUS, "anomalous"}};
        int[] at = {20, 135, 225};
        for (int i = 0; i < legend.length; i++) {
            s.squares(at[i], 250, legend[i][0]);
            s.text(at[i] + 20, 262, "start", INK, 12, false, legend[i][1]);
        }
        s.box(370, 70, 210, 80, NORMAL, false, "l_{D} = 0: normal", "input f, target t = f", "reconstruct itself");
        s.box(370, 230, 210, 80, ANOMALOUS, false, "l_{D} = 1: anomalous", "input f, target t = 1 ∈ ℝ^{d}", "pseudo target: all ones");
        s.arrow(NORMAL, false, "", 325, 165, 370, 110);
        s.arrow(ANOMALOUS, false, "", 325, 195, 370, 270);
        s.box(625, 70, 80, 240, INK, false, "G", "auto-", "encoder", "(Eq. 5)");
        s.arrow(NORMAL, false, "(f, t)", 580, 110, 625, 110);
        s.arrow(ANOMALOUS, false, "(f, t)", 580, 270, 625, 270);
        s.box(745, 70, 140, 80, NORMAL, false, "f̂ ≈ f", "well reconstructed", "small error");
        s.box(745, 230, 140, 80, ANOMALOUS, false, "f̂ pulled to ones", "badly reconstructed", "large error");
        s.arrow(NORMAL, false, "f̂", 705, 110, 745, 110);
        s.arrow(ANOMALOUS, false, "f̂", 705, 270, 745, 270);
        s.text(WIDTH / 2.0, 352, "middle", INK, 13, false,
                "G minimises L_{G} = (1/b) Σ ‖t − f̂‖₂ (Eq. 5) with t from Eq. 6: it learns to reconstruct normal segments well");
        s.text(WIDTH / 2.0, 372, "middle", INK, 13, false,
                "and anomalous ones badly, so its error ‖f − f̂‖₂ (Eq. 1) separates them better in the next iteration.");
        return s.build();
    }

    /**
     * C2FPL (Al-lahham et al., WACV 2024; lesson 08) as the package {@code gcl.c2fpl} computes it: feature
     * magnitudes and their per-video statistics (C1–C2), the coarse stage's divisive clustering into
     * pseudo-normal C_0 and pseudo-anomalous C_1 videos (C3), the fine stage's normal model, p-values and
     * windows (C4–C6), and the classifier trained on the segment pseudo-labels (C7). No label is read.
     *
     * @return a complete SVG document, {@value #WIDTH} pixels wide
     */
    public static String coarseToFine() {
        Svg s = new Svg(WIDTH, 610);
        s.text(WIDTH / 2.0, 28, "middle", INK, 17, true, "C2FPL: coarse-to-fine pseudo-labels, then one classifier");
        // Row 1: the coarse stage, left to right.
        s.box(15, 55, 150, 85, INK, false, "training videos", "segments f_{ij}", "no labels");
        s.box(205, 55, 160, 85, INK, false, "magnitudes (C1)", "a_{ij} = ‖f_{ij}‖₂");
        s.box(405, 55, 160, 85, INK, false, "per video (C2)", "x_{i} = (μ_{i}, σ_{i})", "of its a_{ij}");
        s.box(605, 55, 280, 85, INK, false, "coarse: divisive clustering (C3)", "a 2-component GMM splits C_{0};",
                "the part of larger μ moves to C_{1},", "until |C_{1}| / |C_{0}| ≥ η");
        s.arrow(INK, false, "f", 165, 97, 205, 97);
        s.arrow(INK, false, "a", 365, 97, 405, 97);
        s.arrow(INK, false, "x", 565, 97, 605, 97);
        // Row 2: the two clusters; the normal model of C_0 tests the segments of C_1.
        s.box(15, 215, 270, 80, NORMAL, false, "C_{0}: pseudo-normal videos", "normal model N(Γ, Σ) (C4)", "of all their a_{ij}");
        s.box(605, 215, 280, 80, ANOMALOUS, false, "C_{1}: pseudo-anomalous videos", "p-value of each a_{ij} (C5)",
                "under N(Γ, Σ), two-sided");
        s.arrow(NORMAL, false, "C_{0}", 680, 140, 680, 175, 150, 175, 150, 215);
        s.arrow(ANOMALOUS, false, "C_{1}", 800, 140, 800, 215);
        s.arrow(INK, false, "N(Γ, Σ)", 285, 255, 605, 255);
        // Row 3: the fine stage's window and the segment pseudo-labels.
        s.box(605, 345, 280, 80, ANOMALOUS, false, "fine: the window (C6)", "⌊α·m_{i}⌋ segments where p",
                "changes the most: ŷ = 1 there");
        s.box(310, 345, 250, 80, INK, false, "segment pseudo-labels ŷ_{ij}", "C_{0}: every segment 0", "C_{1}: window 1, rest 0");
        s.arrow(ANOMALOUS, false, "", 745, 295, 745, 345);
        s.arrow(ANOMALOUS, false, "ŷ", 605, 385, 560, 385);
        s.arrow(NORMAL, false, "ŷ = 0", 150, 295, 150, 385, 310, 385);
        // Row 4: the classifier and the test videos.
        s.box(310, 485, 250, 80, INK, false, "classifier Ã_{θ} (C7)", "FC[d, 512, 32, 1], dropout 0.6", "BCE against ŷ, SGD");
        s.box(605, 485, 280, 80, INK, false, "test videos", "Ã_{θ}(f) per segment, repeated", "over its frames: frame AUC");
        s.arrow(INK, false, "", 435, 425, 435, 485);
        s.arrow(INK, false, "Ã_{θ}", 560, 525, 605, 525);
        s.text(160, 505, "middle", INK, 13, false, "nothing reads a label");
        s.text(160, 523, "middle", INK, 13, false, "or a ground truth:");
        s.text(160, 541, "middle", INK, 13, false, "only the features");
        s.text(WIDTH / 2.0, 596, "middle", INK, 12, false,
                "Equations C1–C7 as gcl.c2fpl numbers them; α = 0.09 and η = 1 from the authors' code (lesson 08)");
        return s.build();
    }

    private static String rgb(Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    /**
     * Escapes {@code & < > "} and turns {@code _{x}} into a subscript and {@code ^{x}} into a
     * superscript: a smaller tspan shifted by {@code dy}, then a zero-width space shifted back
     * (librsvg drops the space after a shifted tspan that holds text).
     */
    static String markup(String text, int size) {
        StringBuilder out = new StringBuilder();
        int shift = Math.round(size * 0.3f);
        int i = 0;
        while (true) {
            int sub = text.indexOf("_{", i);
            int sup = text.indexOf("^{", i);
            int open = sub < 0 ? sup : sup < 0 ? sub : Math.min(sub, sup);
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (close < 0) {
                return out.append(escape(text.substring(i))).toString();
            }
            int dy = open == sub ? shift : -shift;
            out.append(escape(text.substring(i, open)))
                    .append("<tspan dy=\"").append(dy).append("\" font-size=\"").append(size - 3).append("\">")
                    .append(escape(text.substring(open + 2, close)))
                    .append("</tspan><tspan dy=\"").append(-dy).append("\">\u200B</tspan>");
            i = close + 1;
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The drawing helper: boxes, arrows and text appended to one SVG body. */
    private static final class Svg {
        private final int width;
        private final int height;
        private final StringBuilder body = new StringBuilder();

        Svg(int width, int height) {
            this.width = width;
            this.height = height;
        }

        /** A text line; {@code anchor} is start, middle or end. */
        void text(double x, double y, String anchor, String fill, int size, boolean bold, String s) {
            body.append("  <text x=\"").append(num(x)).append("\" y=\"").append(num(y))
                    .append("\" text-anchor=\"").append(anchor).append("\" font-size=\"").append(size)
                    .append("\" fill=\"").append(fill).append(bold ? "\" font-weight=\"bold" : "")
                    .append("\">").append(markup(s, size)).append("</text>\n");
        }

        void text(double x, double y, String s) {
            text(x, y, "middle", INK, 13, false, s);
        }

        /** A rounded box with its lines centred; the first line bold. */
        void box(double x, double y, double w, double h, String stroke, boolean dashed, String... lines) {
            body.append("  <rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                    .append("\" height=\"").append(num(h)).append("\" rx=\"8\" fill=\"white\" stroke=\"").append(stroke)
                    .append("\" stroke-width=\"").append(stroke.equals(INK) ? "1.5" : "2.5").append('"')
                    .append(dashed ? " stroke-dasharray=\"6 4\"" : "").append("/>\n");
            double lineHeight = 18;
            double top = y + h / 2 - lineHeight * (lines.length - 1) / 2 + 5;
            for (int i = 0; i < lines.length; i++) {
                text(x + w / 2, top + i * lineHeight, "middle", i == 0 ? stroke : INK, 13, i == 0, lines[i]);
            }
        }

        /** A row of small squares standing for a batch's segments, each in its label's colour. */
        void squares(double x, double y, String... fills) {
            for (int i = 0; i < fills.length; i++) {
                body.append("  <rect x=\"").append(num(x + i * 18)).append("\" y=\"").append(num(y))
                        .append("\" width=\"14\" height=\"14\" fill=\"").append(fills[i]).append("\"/>\n");
            }
        }

        /** An arrow through the points (x0, y0, x1, y1, ...), its label beside the longest leg. */
        void arrow(String colour, boolean dashed, String label, double... xy) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < xy.length; i += 2) {
                pts.append(i == 0 ? "" : " ").append(num(xy[i])).append(',').append(num(xy[i + 1]));
            }
            body.append("  <polyline points=\"").append(pts).append("\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"1.5\"").append(dashed ? " stroke-dasharray=\"6 4\"" : "")
                    .append(" marker-end=\"url(#").append(markerId(colour)).append(")\"/>\n");
            if (label.isEmpty()) {
                return;
            }
            int leg = 0;
            double longest = -1;
            for (int i = 0; i + 3 < xy.length; i += 2) {
                double len = Math.hypot(xy[i + 2] - xy[i], xy[i + 3] - xy[i + 1]);
                if (len > longest) {
                    longest = len;
                    leg = i;
                }
            }
            double mx = (xy[leg] + xy[leg + 2]) / 2;
            double my = (xy[leg + 1] + xy[leg + 3]) / 2;
            if (xy[leg] == xy[leg + 2]) {
                text(mx + 6, my + 4, "start", colour, 12, false, label);
            } else {
                text(mx, my - 6, "middle", colour, 12, false, label);
            }
        }

        private static String markerId(String colour) {
            return colour.equals(NORMAL) ? "head-normal" : colour.equals(ANOMALOUS) ? "head-anomalous" : "head-ink";
        }

        String build() {
            StringBuilder svg = new StringBuilder();
            svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                    .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                    .append("\" font-family=\"sans-serif\">\n  <defs>\n");
            for (String c : new String[] {INK, NORMAL, ANOMALOUS}) {
                svg.append("    <marker id=\"").append(markerId(c)).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
                        .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
                        .append(c).append("\"/></marker>\n");
            }
            svg.append("  </defs>\n  <rect width=\"").append(width).append("\" height=\"").append(height).append("\" fill=\"white\"/>\n");
            return svg.append(body).append("</svg>\n").toString();
        }
    }
}
