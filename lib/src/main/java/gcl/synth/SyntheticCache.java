package gcl.synth;

import gcl.AtomicFiles;
import gcl.Log;
import gcl.Folders;
import gcl.Profile;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The generated synthetic feature datasets kept in the cache ({@link Folders#datasets()}), one folder
 * per profile, seed and {@link PremiseKnobs}: generated on first use, loaded afterwards. A copy is
 * written to a temporary folder and moved in whole, so an interrupted run or two processes at once
 * never leave half a dataset.
 */
public final class SyntheticCache {
    private SyntheticCache() {
    }

    /** The profile's dataset with these knobs, from the cache; generated there on first use. */
    public static Dataset cached(Profile profile, PremiseKnobs knobs, long seed) throws IOException {
        Path dir = dir(profile, knobs, seed);
        if (Files.exists(dir.resolve(DatasetDirectory.DATASET_JSON))) {
            return DatasetDirectory.load(dir);
        }
        Files.createDirectories(dir.getParent());
        SyntheticFeatures.Config config = SyntheticFeatures.Config.of(profile);
        Log.info("generating " + config.name() + knobs.suffix(config) + " (seed " + seed + ") into " + dir
                + " (first use; later calls load it)");
        Path tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + "-");
        try {
            SyntheticFeatures.write(config, knobs, seed, tmp);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
                // another process made it first, or the folder exists without dataset.json
                if (!Files.exists(dir.resolve(DatasetDirectory.DATASET_JSON))) {
                    AtomicFiles.deleteTree(dir);
                    Files.move(tmp, dir);
                }
            }
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
        return DatasetDirectory.load(dir);
    }

    /**
     * Where {@link #cached} keeps a dataset: {@link SyntheticFeatures#cacheDir} for the config's own
     * knobs, with the knobs' {@link PremiseKnobs#suffix} appended otherwise.
     */
    public static Path dir(Profile profile, PremiseKnobs knobs, long seed) {
        Path plain = SyntheticFeatures.cacheDir(profile, seed);
        return plain.resolveSibling(plain.getFileName() + knobs.suffix(SyntheticFeatures.Config.of(profile)));
    }
}
