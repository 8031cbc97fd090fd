/**
 * {@code environment/gcl-spark <command>}: the command line of the spark module, with the options of
 * the library's {@code gcl extract}, {@code gcl ablate} and {@code gcl seeds} plus Spark's
 * ({@code --master}, {@code --conf}).
 */
package gcl.spark.cli;
