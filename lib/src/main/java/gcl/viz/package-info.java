/**
 * Pictures and summaries for the lessons: XChart builders with the same look everywhere
 * ({@link gcl.viz.Charts}: training histories, score histograms as in the paper's Fig. 4, t-SNE
 * maps as in Fig. 6, score timelines with ground-truth boxes as in Figs. 7–8, heat maps of
 * feature matrices, ablation bars), an exact t-SNE on ND4J ({@link gcl.viz.Tsne}) with ND4J's PCA
 * beside it ({@link gcl.viz.Pca}), and small Tablesaw helpers ({@link gcl.viz.Tables}).
 *
 * <p>Charts are returned as XChart objects (or {@link java.awt.image.BufferedImage}s for image
 * grids) for {@code gcl.nb.Show.chart(...)} / {@code Show.image(...)} to render as PNG.
 */
package gcl.viz;
