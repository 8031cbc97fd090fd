package gcl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gcl.TinyData;
import gcl.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel &gt; Interrupt in JupyterLab interrupts the thread running the cell: training stops at the
 * next batch boundary, keeps the epochs finished before, and resumes from them to the same numbers.
 */
class InterruptTest {
    private static final Dataset DATA = TinyData.dataset();

    /** A listener that interrupts its own thread at the end of this epoch of the loop (the interrupt arriving then). */
    private static EpochListener interruptAfter(int epoch) {
        return (phase, e, model) -> {
            if (phase == Phase.COOPERATIVE && e == epoch) {
                Thread.currentThread().interrupt();
            }
            return Map.of();
        };
    }

    @Test
    void anInterruptStopsAtTheNextBatchAndClearsTheFlag() {
        GclConfig c = TinyData.config().withEpochs(5);
        GclTrainer trainer = new GclTrainer(c, DATA.train()).quiet().listener(interruptAfter(2));
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class, () -> trainer.train());
        assertTrue(e.getMessage().contains("interrupted in gcl epoch 3") && e.getMessage().contains("nothing was saved"),
                "stops at the first batch of the next epoch: " + e.getMessage());
        assertFalse(Thread.currentThread().isInterrupted(), "the exception carries the interrupt; the next cell runs normally");
    }

    @Test
    void anInterruptedRunKeepsItsFinishedEpochsAndResumesToTheSameNumbers(@TempDir Path dir) throws Exception {
        GclConfig c = TinyData.config().withEpochs(5);
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        GclTrainer trainer = new GclTrainer(c, DATA.train()).quiet().checkpointsIn(run).listener(interruptAfter(2));
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class, () -> trainer.train());
        assertTrue(e.getMessage().contains(run.root().toString()), e.getMessage());
        assertEquals(2, run.loadState().completedEpochs(), "epoch 2's checkpoint is saved before the run stops");
        assertFalse(run.isDone() || Files.exists(run.metricsFile()), "nothing says the run finished");

        TrainingResult resumed = new GclTrainer(c, DATA.train()).quiet().checkpointsIn(run).resume();
        TrainingResult whole = new GclTrainer(c, DATA.train()).quiet().train();
        assertEquals(5, resumed.history().records().size());
        try (var a = resumed.model().scores(DATA.test().features()); var b = whole.model().scores(DATA.test().features())) {
            assertEquals(b, a, "resuming an interrupted run changes no number");
        }
    }

    /** An interrupt from another thread, as the kernel sends it, during a long run. */
    @Test
    void anInterruptFromAnotherThreadStopsTrainingPromptly() throws Exception {
        GclConfig c = TinyData.config().withEpochs(100_000);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CountDownLatch training = new CountDownLatch(1);
        Thread cell = new Thread(() -> {
            try {
                new GclTrainer(c, DATA.train()).quiet().listener((phase, e, model) -> {
                    training.countDown();
                    return Map.of();
                }).train();
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
        });
        cell.start();
        training.await();
        long start = System.nanoTime();
        cell.interrupt();
        Throwable t = failure.get(30, TimeUnit.SECONDS);
        assertTrue(t instanceof TrainingInterruptedException, String.valueOf(t));
        assertTrue((System.nanoTime() - start) / 1e9 < 5, "stopped within seconds, not after 100,000 epochs");
    }
}
