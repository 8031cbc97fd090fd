package gcl.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run in its own process, as a user runs it: its exit code and everything it printed. */
final class Launched {
    private final Process process;
    private final Path log;
    private final String name;

    private Launched(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a command.
     *
     * @param cwd its working folder
     * @param env variables added to this JVM's
     * @param log where its output goes
     */
    static Launched start(List<String> command, Path cwd, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new Launched(String.join(" ", command.subList(0, Math.min(command.size(), 3))), pb.start(), log);
    }

    /** What it printed so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    boolean running() {
        return process.isAlive();
    }

    /** Waits for it to end (at most 8 minutes) and returns its exit code. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(8, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not end within 8 minutes:\n" + output());
        }
        return process.exitValue();
    }

    /** The argument list of a command: each part as text, the parts of a list (of lists) in turn. */
    static List<String> args(Object... parts) {
        List<String> all = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof List<?> l) {
                all.addAll(args(l.toArray()));
            } else {
                all.add(p.toString());
            }
        }
        return all;
    }
}
