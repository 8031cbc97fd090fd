package gcl.cli;

import gcl.data.DatasetCheck;
import gcl.data.DatasetManifest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gcl data check --manifest M --dir DIR}: validates a local copy of a dataset. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate a dataset directory against its manifest: missing files, wrong shapes, NaN/Inf values and "
                + "wrong counts, by file. Exits 1 when anything is wrong; prints a summary of a good copy."})
public final class DataCheckCommand implements Callable<Integer> {
    @Option(names = "--manifest", required = true,
            description = "A manifest file, or a name in data-manifests/ (ucf-crime, shanghaitech, synthetic-quick, synthetic-full, synthetic-videos).")
    String manifest;

    @Option(names = "--dir", required = true, description = "The dataset directory to check.")
    Path dir;

    @Option(names = "--limit", defaultValue = "20", description = "Problems shown per kind (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        DatasetManifest m = DatasetManifest.read(DatasetManifest.locate(manifest));
        DatasetCheck.Report report = DatasetCheck.run(m, dir);
        System.out.print(report.text(limit));
        System.out.flush();
        return report.ok() ? 0 : 1;
    }
}
