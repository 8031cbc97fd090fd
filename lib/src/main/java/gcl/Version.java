package gcl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What computed a result: the library's version, the Deeplearning4j it was built with, and a
 * hash of the method's compiled code, so that a change to G, D, the labeller or the schedule is
 * seen even when the version number stays the same.
 */
public final class Version {
    /**
     * The packages whose code decides a run's numbers: datasets and batches, TD cleaning, the
     * networks, training, evaluation, and the seeds every random draw comes from. A change to the
     * charts, the notebooks' helpers or the command line leaves the hash as it is.
     */
    public static final List<String> METHOD_PACKAGES = List.of("gcl/data/", "gcl/clean/", "gcl/model/", "gcl/train/",
            "gcl/eval/", "gcl/Seeds");

    /**
     * The same for C2FPL ({@code gcl.c2fpl}): datasets, evaluation, its own package, the seeds, and the
     * config fields' parsing it shares with GCL ({@code gcl.train.ConfigFields}).
     */
    public static final List<String> C2FPL_PACKAGES = List.of("gcl/data/", "gcl/eval/", "gcl/c2fpl/", "gcl/Seeds",
            "gcl/train/ConfigFields");

    private static volatile String methodCode;
    private static volatile String c2fplCode;

    private Version() {
    }

    /** The version of the GCL library, e.g. {@code 0.1.0}. */
    public static String library() {
        return build().getProperty("version", "unknown");
    }

    /** The Deeplearning4j version the library was built against, e.g. {@code 1.0.0-M2.1}. */
    public static String deeplearning4j() {
        return build().getProperty("dl4j", "unknown");
    }

    /**
     * 16 hex digits of a SHA-256 over the compiled classes of {@link #METHOD_PACKAGES}, in name
     * order, as this library was loaded (from its jar or its classes folder); computed once.
     */
    public static String methodCode() {
        String code = methodCode;
        if (code == null) {
            code = methodCode(classesLocation());
            methodCode = code;
        }
        return code;
    }

    /** As {@link #methodCode()}, over the classes of {@link #C2FPL_PACKAGES}: what a C2FPL run is keyed by. */
    public static String c2fplCode() {
        String code = c2fplCode;
        if (code == null) {
            code = methodCode(classesLocation(), C2FPL_PACKAGES);
            c2fplCode = code;
        }
        return code;
    }

    /** The versions recorded with every run: gcl, method code, deeplearning4j, java, os, nd4j backend. */
    public static Map<String, String> all() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("gcl", library());
        v.put("gcl_method_code", methodCode());
        v.put("deeplearning4j", deeplearning4j());
        v.put("java", System.getProperty("java.version"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        v.put("nd4j_backend", org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName());
        return v;
    }

    /** The hash of the method classes under a classes folder or in a jar (see {@link #methodCode()}). */
    static String methodCode(Path classes) {
        return methodCode(classes, METHOD_PACKAGES);
    }

    /** The hash of the classes under a classes folder or in a jar whose names start with one of {@code packages}. */
    static String methodCode(Path classes, List<String> packages) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            if (Files.isDirectory(classes)) {
                try (Stream<Path> walk = Files.walk(classes)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        String name = classes.relativize(p).toString().replace('\\', '/');
                        if (isClassOf(name, packages)) {
                            files.put(name, Files.readAllBytes(p));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(classes.toFile())) {
                    for (JarEntry e : jar.stream().toList()) {
                        if (!e.isDirectory() && isClassOf(e.getName(), packages)) {
                            try (InputStream in = jar.getInputStream(e)) {
                                files.put(e.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(classes + ": cannot read the library's classes to hash them: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException(classes + ": no classes of the method packages " + packages + " found");
        }
        MessageDigest sha = Sha256.digest();
        files.forEach((name, bytes) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
        });
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static boolean isClassOf(String name, List<String> packages) {
        return name.endsWith(".class") && packages.stream().anyMatch(name::startsWith);
    }

    private static Path classesLocation() {
        try {
            return Path.of(Version.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot find where the library's classes were loaded from: " + e, e);
        }
    }

    private static Properties build() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/gcl/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the versions stay unknown
        }
        return p;
    }
}
