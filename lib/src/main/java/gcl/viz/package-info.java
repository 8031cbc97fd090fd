/**
 * Pictures for the lessons, one class per chart family on one shared look ({@link gcl.viz.ChartStyle}):
 * curves over epochs or seeds ({@link gcl.viz.LineCharts}), score distributions as in the paper's
 * Fig. 4 ({@link gcl.viz.Histograms}), t-SNE and PCA maps as in Fig. 6 ({@link gcl.viz.ScatterPlots}),
 * score timelines with ground-truth boxes as in Figs. 7–8 ({@link gcl.viz.Timelines}), heat maps of
 * feature matrices ({@link gcl.viz.HeatMaps}), ablation bars ({@link gcl.viz.BarCharts}) and frame
 * grids ({@link gcl.viz.ImageGrids}), effects with ± std error bars against a measured property (the
 * premise map: {@link gcl.viz.EffectCharts}); and an exact t-SNE on ND4J ({@link gcl.viz.Tsne}) with ND4J's
 * PCA beside it ({@link gcl.viz.Pca}).
 *
 * <p>Charts are returned as XChart objects (or {@link java.awt.image.BufferedImage}s for image
 * grids) for {@code gcl.nb.Show.chart(...)} / {@code Show.image(...)} to render as PNG.
 */
package gcl.viz;
