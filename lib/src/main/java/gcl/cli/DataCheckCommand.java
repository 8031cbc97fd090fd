package gcl.cli;

import gcl.data.DatasetCheck;
import gcl.data.DatasetManifest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcl data check [--manifest M] --dir DIR}: validates a dataset directory, a local copy of a published one or a user's own. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate a dataset directory, against its manifest when given: missing files, wrong shapes, NaN/Inf values, "
                + "the structure of splits, videos.csv and ground_truth.csv (the checks train runs before training), and "
                + "wrong counts, by file. Exits 1 when anything is wrong; prints a summary of a good copy."})
public final class DataCheckCommand implements Callable<Integer> {
    @Option(names = "--manifest",
            description = "A manifest file, or a name in data-manifests/ (ucf-crime, shanghaitech, synthetic-quick, synthetic-full, "
                    + "synthetic-videos); without one, a dataset of your own: structure and values only.")
    String manifest;

    @Option(names = "--dir", required = true, description = "The dataset directory to check.")
    Path dir;

    @Option(names = "--limit", defaultValue = "20", description = "Problems shown per kind (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        DatasetCheck.Report report = manifest == null ? DatasetCheck.run(dir)
                : DatasetCheck.run(DatasetManifest.read(DatasetManifest.locate(manifest)), dir);
        System.out.print(report.text(limit));
        System.out.flush();
        return report.ok() ? 0 : 1;
    }
}
