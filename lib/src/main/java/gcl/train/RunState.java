package gcl.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run folder holds, said explicitly: not a run, an unfinished run (its epochs done out of
 * those planned, and the next), a finished run, or a damaged one (its files do not match its
 * {@link RunRecord}, or a file it needs is missing). Only a finished run is scored, reused from a
 * cache or read back; the others are named with what to do.
 *
 * <p>A run of another method than GCL (its manifest's config names it, e.g. C2FPL's) is trained in one
 * go and written at its end, with no checkpoint to resume: it is finished when its record is there and
 * its files match it, and unfinished (none of its epochs kept) otherwise.
 *
 * @param kind    which of the four
 * @param done    epochs finished (all of them for a finished run)
 * @param planned epochs the run's config plans (pre-training included); 0 where no config was read
 * @param detail  for an unfinished run the next epoch, for a damaged one what is wrong, else ""
 * @param dir     the run folder
 */
public record RunState(Kind kind, int done, int planned, String detail, Path dir) {
    /** The states a run folder can be in. */
    public enum Kind {
        /** No {@code run.json}: not a run directory. */
        NOT_A_RUN,
        /** Started, not all planned epochs finished (possibly none). */
        UNFINISHED,
        /** Every planned epoch finished, and its files match its record. */
        FINISHED,
        /** Files missing, cut short or changed since it finished, or unreadable. */
        DAMAGED
    }

    /** Looks at a run folder (reads its manifest, checkpoint state and record; never loads the networks). */
    public static RunState of(Path dir) {
        RunDirectory run = new RunDirectory(dir);
        if (!Files.isRegularFile(run.manifestFile())) {
            return new RunState(Kind.NOT_A_RUN, 0, 0, "", dir);
        }
        GclConfig config;
        try {
            if (!run.readMethod().equals("gcl")) {
                return ofOneGo(run);
            }
            config = run.readManifest().config();
        } catch (IOException | RuntimeException e) {
            return damaged(dir, 0, message(e));
        }
        List<Schedule.Stage> schedule = Schedule.of(config);
        int planned = schedule.size();
        if (RunRecord.exists(run)) {
            try {
                List<String> mismatches = RunRecord.mismatches(run);
                if (!mismatches.isEmpty()) {
                    return damaged(dir, planned, String.join("; ", mismatches) + " (the run's record, " + RunRecord.FILE + ", lists it)");
                }
            } catch (IOException e) {
                return damaged(dir, planned, e.getMessage());
            }
        }
        if (!run.hasCheckpoint()) {
            return RunRecord.exists(run) ? damaged(dir, planned, "its checkpoint is missing")
                    : new RunState(Kind.UNFINISHED, 0, planned, next(schedule, 0), dir);
        }
        RunDirectory.State state;
        try {
            state = run.loadState();
        } catch (IOException | RuntimeException e) {
            return damaged(dir, planned, message(e));
        }
        int done = state.completedEpochs();
        if (done < planned) {
            return new RunState(Kind.UNFINISHED, done, planned, next(schedule, done), dir);
        }
        String missing = missingFiles(run, config);
        return missing != null ? damaged(dir, planned, missing) : new RunState(Kind.FINISHED, done, planned, "", dir);
    }

    /** Whether the run finished and its files are whole. */
    public boolean finished() {
        return kind == Kind.FINISHED;
    }

    /**
     * The state in a sentence that names the folder: "RUN is an unfinished run: 3 of 17 epochs done
     * (next: gcl epoch 2)", "RUN is damaged: ...", "RUN is not a run directory (no run.json)".
     */
    public String describe() {
        return switch (kind) {
            case NOT_A_RUN -> dir + " is not a run directory (no " + RunDirectory.MANIFEST + ")";
            case UNFINISHED -> dir + " is an unfinished run: " + done + " of " + planned + " epochs done (next: " + detail + ")";
            case FINISHED -> dir + " is a finished run (" + planned + " epochs)";
            case DAMAGED -> dir + " is damaged: " + detail;
        };
    }

    /**
     * Throws unless the run finished, saying what it is and what to do.
     *
     * @param resumeHint how to finish an unfinished run, e.g. "finish it with gcl train --resume ..."
     * @throws IllegalStateException naming the folder and its state
     */
    public RunState requireFinished(String resumeHint) {
        return switch (kind) {
            case FINISHED -> this;
            case UNFINISHED -> throw new IllegalStateException(describe() + "; " + resumeHint);
            case DAMAGED -> throw new IllegalStateException(describe() + "; train it anew");
            case NOT_A_RUN -> throw new IllegalStateException(describe() + "; give a folder made by gcl train");
        };
    }

    /** The state of a run of a method trained in one go: finished once its record is written and matched. */
    private static RunState ofOneGo(RunDirectory run) throws IOException {
        Path dir = run.root();
        int planned = run.readPlannedEpochs();
        if (!RunRecord.exists(run)) {
            return new RunState(Kind.UNFINISHED, 0, planned, "training from the start", dir);
        }
        List<String> mismatches = RunRecord.mismatches(run);
        if (!mismatches.isEmpty()) {
            return damaged(dir, planned, String.join("; ", mismatches) + " (the run's record, " + RunRecord.FILE + ", lists it)");
        }
        if (!Files.isRegularFile(run.historyFile())) {
            return damaged(dir, planned, run.historyFile() + " is missing");
        }
        return new RunState(Kind.FINISHED, planned, planned, "", dir);
    }

    private static RunState damaged(Path dir, int planned, String why) {
        return new RunState(Kind.DAMAGED, 0, planned, why, dir);
    }

    private static String next(List<Schedule.Stage> schedule, int done) {
        if (done >= schedule.size()) {
            return "scoring";
        }
        Schedule.Stage s = schedule.get(done);
        return s.phase().id() + " epoch " + s.epoch();
    }

    /** The first file a finished run needs that is missing, or null (runs finished before runs kept a record). */
    private static String missingFiles(RunDirectory run, GclConfig config) {
        Path checkpoint = run.checkpointDir();
        List<String> needed = config.variant().cooperative()
                ? List.of(GclModel.CONFIG_FILE, GclModel.GENERATOR_FILE, GclModel.DISCRIMINATOR_FILE)
                : List.of(GclModel.CONFIG_FILE, GclModel.GENERATOR_FILE);
        for (String f : needed) {
            if (!Files.isRegularFile(checkpoint.resolve(f))) {
                return checkpoint.resolve(f) + " is missing";
            }
        }
        if (!Files.isRegularFile(run.historyFile())) {
            return run.historyFile() + " is missing";
        }
        return null;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
