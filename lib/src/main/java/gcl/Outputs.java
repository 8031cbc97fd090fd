package gcl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command may write, checked before it does any work: an output is never one of its inputs,
 * never inside a folder it reads and never holds one ({@link #refuseOverlap}); a file output is never
 * inside a dataset directory or a run directory ({@link #refuseInsideManaged}), whose files only the
 * library writes; and an output's names are ones the file system takes, with no file in the way
 * ({@link #checkFile}, {@link #checkFolder}). Each refusal is one {@link IllegalArgumentException}
 * naming the option and both paths.
 */
public final class Outputs {
    /** The longest file or folder name, in bytes (UTF-8), that the common file systems take. */
    public static final int MAX_NAME_BYTES = 255;
    /** The file that makes a folder a dataset directory ({@code gcl.data.DatasetDirectory}). */
    static final String DATASET_MARK = "dataset.json";
    /** The file that makes a folder a run directory ({@code gcl.train.RunDirectory}). */
    static final String RUN_MARK = "run.json";

    private Outputs() {
    }

    /**
     * Refuses an output that is one of the inputs, lies inside an input folder, or holds an input
     * (writing it could overwrite what the command reads). Paths are compared after resolving links.
     *
     * @param option the output's option, e.g. {@code --out}
     * @param inputs each input's option and path (a file or a folder); null paths are skipped
     */
    public static void refuseOverlap(String option, Path output, Map<String, Path> inputs) {
        Path out = real(output);
        for (Map.Entry<String, Path> in : inputs.entrySet()) {
            if (in.getValue() == null) {
                continue;
            }
            Path input = real(in.getValue());
            String both = option + " " + output + " and " + in.getKey() + " " + in.getValue();
            if (out.equals(input)) {
                throw new IllegalArgumentException(both + " are the same " + (Files.isDirectory(input) ? "folder" : "file")
                        + ": the command would write over what it reads; give " + option + " a new place");
            }
            if (out.startsWith(input)) {
                throw new IllegalArgumentException(option + " " + output + " is inside " + in.getKey() + " " + in.getValue()
                        + ", which the command reads; give " + option + " a place outside it");
            }
            if (input.startsWith(out)) {
                throw new IllegalArgumentException(option + " " + output + " holds " + in.getKey() + " " + in.getValue()
                        + ", which the command reads and could overwrite; give " + option + " a new folder");
            }
        }
    }

    /** Inputs by option, in order, from pairs (option, path); pairs whose path is null are left out. */
    public static Map<String, Path> inputs(Object... optionAndPath) {
        Map<String, Path> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < optionAndPath.length; i += 2) {
            if (optionAndPath[i + 1] != null) {
                m.put((String) optionAndPath[i], (Path) optionAndPath[i + 1]);
            }
        }
        return m;
    }

    /**
     * Refuses a file output inside a dataset directory or a run directory (a folder above it holds
     * {@code dataset.json} or {@code run.json}): their files are written by the library only, and a
     * file written over one of them damages the dataset or the run.
     */
    public static void refuseInsideManaged(String option, Path file) {
        for (Path dir = real(file).getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DATASET_MARK))) {
                throw new IllegalArgumentException(option + " " + file + " is inside the dataset directory " + dir
                        + "; its files are the dataset's own: write " + option + " elsewhere");
            }
            if (Files.isRegularFile(dir.resolve(RUN_MARK))) {
                throw new IllegalArgumentException(option + " " + file + " is inside the run directory " + dir
                        + "; its files are the run's own: write " + option + " elsewhere");
            }
        }
    }

    /**
     * Checks that a file can be written there, without writing it: every name at most
     * {@value #MAX_NAME_BYTES} bytes, no folder in its place, and no file where a folder above it
     * must be. (Whether the disk has room is known only when it is written.)
     */
    public static void checkFile(String option, Path file) {
        checkNames(option, file);
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a folder; give a file name, e.g. "
                    + file.resolve("results.csv"));
        }
        checkParents(option, file);
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalArgumentException(option + " " + file + " cannot be written (no permission)");
        }
    }

    /** Checks that a folder can be made or used there: every name at most {@value #MAX_NAME_BYTES} bytes, and no file in its place or above it. */
    public static void checkFolder(String option, Path folder) {
        checkNames(option, folder);
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + folder + " is a file; give a folder");
        }
        checkParents(option, folder);
    }

    private static void checkNames(String option, Path path) {
        for (Path name : path.toAbsolutePath().normalize()) {
            int bytes = name.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_NAME_BYTES) {
                throw new IllegalArgumentException(option + ": the name '" + abbreviate(name.toString()) + "' is " + bytes
                        + " bytes long; file systems take at most " + MAX_NAME_BYTES + ": give a shorter one");
            }
        }
    }

    private static void checkParents(String option, Path path) {
        for (Path p = path.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new IllegalArgumentException(option + " " + path + ": " + p + " is a file, not a folder");
                }
                if (!Files.isWritable(p) && !Files.exists(path)) {
                    throw new IllegalArgumentException(option + " " + path + ": the folder " + p + " cannot be written (no permission)");
                }
                return;
            }
        }
    }

    /**
     * A path with links resolved as far as it exists (so that two spellings of one place compare
     * equal), the rest appended as written.
     */
    static Path real(Path path) {
        Path p = path.toAbsolutePath().normalize();
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(p)).normalize();
        } catch (IOException e) {
            return p;
        }
    }

    private static String abbreviate(String name) {
        return name.length() <= 40 ? name : name.substring(0, 20) + "..." + name.substring(name.length() - 12);
    }
}
