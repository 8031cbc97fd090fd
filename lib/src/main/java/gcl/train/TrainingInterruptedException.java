package gcl.train;

/**
 * Training stopped because its thread was interrupted (Kernel &gt; Interrupt in JupyterLab, or
 * {@link Thread#interrupt()} from code): {@link GclTrainer} checks between batches and stops at the
 * next batch boundary. The epochs finished before are saved in the run directory, if there is one,
 * so the run can be resumed; nothing of the unfinished epoch is kept.
 */
public final class TrainingInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public TrainingInterruptedException(String message) {
        super(message);
    }
}
