/**
 * The library's two embarrassingly parallel workloads as Apache Spark jobs: feature extraction of a
 * folder of videos ({@link gcl.spark.DistributedExtraction}, one task per video) and the paper's
 * experiment grids, Table 2 and Fig. 10 ({@link gcl.spark.DistributedGrid}, one task per (method,
 * seed) run). Each task calls the library's own code ({@code BatchExtraction.extractAndWrite},
 * {@code Experiment.run}), so the outputs are those of {@code gcl extract}, {@code gcl ablate} and
 * {@code gcl seeds}: the same {@code .npy} bytes, lists and fingerprint, the same run-cache entries
 * and table rows. The command line is {@code environment/gcl-spark} ({@link gcl.spark.cli.Main}).
 *
 * <p>Files are shared through a file system every node mounts at the same path (a local folder in
 * local mode; on a cluster a probe task checks it before any work, {@link gcl.spark.SharedPaths});
 * every output is written whole (beside its place, then moved in), so a task Spark retries leaves
 * neither a half-written file nor a second copy. On a cluster the executors get the code from the
 * launcher or from spark-submit ({@link gcl.spark.ExecutorCode}), and a job left without executors
 * ends, keeping what finished ({@link gcl.spark.ExecutorWatch}).
 */
package gcl.spark;
