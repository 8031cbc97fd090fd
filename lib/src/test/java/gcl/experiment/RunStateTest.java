package gcl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.data.Dataset;
import gcl.train.GclConfig;
import gcl.train.GclModel;
import gcl.train.GclTrainer;
import gcl.train.Phase;
import gcl.train.RunDirectory;
import gcl.train.RunRecord;
import gcl.train.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's state is explicit: a finished run (its files as its record says), an unfinished one (epochs
 * done of those planned, and the next), a damaged one (a file deleted, cut or edited), or not a run;
 * only a finished one is read back. TinyData's config is GCL_B (no pre-training): 2 epochs of the loop.
 */
class RunStateTest {
    private static final Dataset DATA = TinyData.dataset();
    private static final GclConfig CONFIG = TinyData.config();

    @TempDir
    Path tmp;

    private Path finishedRun() {
        Path dir = tmp.resolve("run");
        Run.train("GCL_B", DATA, CONFIG, dir, true);
        return dir;
    }

    @Test
    void aFinishedRunHasARecordOfItsFilesAndReadsBack() {
        Path dir = finishedRun();
        assertTrue(Files.isRegularFile(dir.resolve(RunRecord.FILE)));
        RunState s = RunState.of(dir);
        assertEquals(RunState.Kind.FINISHED, s.kind(), s.describe());
        assertEquals(2, s.planned());
        assertEquals(Run.read("GCL_B", dir).metrics(), Run.read("GCL_B", dir).metrics());
    }

    @Test
    void aDeletedCheckpointFileMakesTheRunDamagedNeverFinished() throws IOException {
        Path dir = finishedRun();
        Path g = dir.resolve(RunDirectory.CHECKPOINT).resolve(GclModel.GENERATOR_FILE);
        Files.delete(g);
        RunState s = RunState.of(dir);
        assertEquals(RunState.Kind.DAMAGED, s.kind());
        assertTrue(s.describe().contains(g + " is missing (the run's record, finished.json, lists it)"), s.describe());
        String m = assertThrows(IllegalStateException.class, () -> Run.read("GCL_B", dir)).getMessage();
        assertTrue(m.contains(g.toString()), m);
    }

    @Test
    void anEditedMetricsFileIsDamageEvenAtTheSameLength() throws IOException {
        Path dir = finishedRun();
        Path metrics = dir.resolve(RunDirectory.METRICS);
        String text = Files.readString(metrics);
        int at = text.indexOf("0.", text.indexOf('\n'));
        Files.writeString(metrics, text.substring(0, at + 2) + (text.charAt(at + 2) == '9' ? '1' : '9') + text.substring(at + 3));
        assertEquals(text.length(), Files.readString(metrics).length());
        RunState s = RunState.of(dir);
        assertEquals(RunState.Kind.DAMAGED, s.kind());
        assertTrue(s.describe().contains(metrics + " was changed after the run finished"), s.describe());
    }

    @Test
    void anInterruptedRunIsUnfinishedWithItsEpochsAndTheNext() throws IOException {
        Path dir = tmp.resolve("cut");
        RunDirectory run = new RunDirectory(dir);
        run.writeManifest(RunDirectory.Manifest.now(CONFIG, DATA));
        GclTrainer trainer = new GclTrainer(CONFIG, DATA.train()).quiet().checkpointsIn(run).listener((phase, epoch, model) -> {
            if (phase == Phase.COOPERATIVE && epoch == 2) {
                throw new IllegalStateException("power cut");
            }
            return Map.of();
        });
        assertThrows(IllegalStateException.class, trainer::train);
        RunState s = RunState.of(dir);
        assertEquals(RunState.Kind.UNFINISHED, s.kind());
        assertEquals(dir + " is an unfinished run: 1 of 2 epochs done (next: gcl epoch 2)", s.describe());
        String m = assertThrows(IllegalStateException.class, () -> s.requireFinished("finish it with gcl train --resume")).getMessage();
        assertTrue(m.endsWith("; finish it with gcl train --resume"), m);
        assertThrows(IllegalStateException.class, () -> Run.read("cut", dir));
        Run.resume("cut", dir, DATA, true);
        assertEquals(RunState.Kind.FINISHED, RunState.of(dir).kind(), "resumed to the end, it is finished");
    }

    @Test
    void aFolderWithoutAManifestIsNotARun() {
        RunState s = RunState.of(tmp);
        assertEquals(RunState.Kind.NOT_A_RUN, s.kind());
        assertTrue(assertThrows(IllegalStateException.class, () -> s.requireFinished("")).getMessage()
                .contains("is not a run directory (no run.json)"));
    }
}
