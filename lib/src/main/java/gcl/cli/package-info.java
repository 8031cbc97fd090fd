/**
 * The command-line front end ({@code environment/gcl}): thin picocli commands over the same library
 * calls the notebooks make. Results go to CSV files with a header row; run directories hold the
 * full config they were made with.
 */
package gcl.cli;
