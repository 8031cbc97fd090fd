package gcl.spark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

/**
 * The application's executors as the driver sees them, and what happens when there are none.
 *
 * <ul>
 *   <li>Task slots: every executor's cores divided by {@code spark.task.cpus}, summed
 *       ({@link #slots}); what {@link #describe} prints at the start.</li>
 *   <li>An executor added or lost once the work runs ({@link #awaitSlots} returned) is one line on
 *       the progress stream.</li>
 *   <li>A stall: no task slot for {@value #WAIT_KEY} (default {@value #DEFAULT_WAIT}, 0: wait for
 *       ever), at the start or after the last executor was lost, ends the running job with a
 *       {@link NoExecutorException}: the tasks that finished are recorded, so a second run of the
 *       same command resumes. Time while the cluster manager has given the application cores whose
 *       executors are still starting (a standalone master says so) does not count.</li>
 * </ul>
 * Spark makes it from {@code spark.extraListeners} ({@link GclSpark#start} adds it), so that it
 * hears of every executor from the first; a JVM holds one Spark context, and {@link #of} finds the
 * watch of the one running.
 */
public final class ExecutorWatch extends SparkListener {
    /** The Spark setting for how long a job may have no task slot before it ends. */
    public static final String WAIT_KEY = "spark.gcl.executorWait";
    /** Its default. */
    public static final String DEFAULT_WAIT = "3min";

    private static volatile ExecutorWatch current;

    private final String master;
    private final boolean local;
    private final int taskCpus;
    private final Duration wait;
    private final Map<String, Executor> executors = new LinkedHashMap<>();
    private volatile PrintStream out;
    private volatile Supplier<String> onStall = () -> "";
    private volatile IntSupplier starting = () -> 0;
    private SparkContext context;
    private long noSlotsSince;
    private String lastLoss;
    private volatile String stalled;
    private volatile boolean announced;
    private Thread watchdog;

    /** One executor: where it runs and how many cores it has. */
    record Executor(String host, int cores) {
    }

    /** Spark's constructor: the settings of the context being made. */
    public ExecutorWatch(SparkConf conf) {
        this.master = conf.get("spark.master", "");
        this.local = master.startsWith("local");
        this.taskCpus = Math.max(1, conf.getInt("spark.task.cpus", 1));
        this.wait = Duration.ofSeconds(conf.getTimeAsSeconds(WAIT_KEY, DEFAULT_WAIT));
        this.noSlotsSince = System.currentTimeMillis();
        current = this;
    }

    /** The watch Spark made last in this JVM (of the context being started), or null. */
    static ExecutorWatch latest() {
        return current;
    }

    /** The watch of this context, or null when it was made without one. */
    public static ExecutorWatch of(SparkContext sc) {
        ExecutorWatch w = current;
        return w != null && w.context == sc ? w : null;
    }

    /**
     * Ties the watch to its context (to end a stalled job) and starts watching.
     *
     * @param progress where executor lines go
     * @param onStall  more to say when a stall ends the work (e.g. what the master offers), or ""
     * @param starting the cores the cluster manager has given the application (0 when it cannot tell):
     *                 while there is no executor, more than 0 means executors are starting
     */
    synchronized void attach(SparkContext sc, PrintStream progress, Supplier<String> onStall, IntSupplier starting) {
        this.context = sc;
        this.out = progress;
        this.onStall = onStall;
        this.starting = starting;
        if (!local && wait.toMillis() > 0 && watchdog == null) {
            watchdog = new Thread(this::watch, "gcl-executor-watch");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    @Override
    public synchronized void onExecutorAdded(SparkListenerExecutorAdded added) {
        executors.put(added.executorId(), new Executor(added.executorInfo().executorHost(), added.executorInfo().totalCores()));
        if (slots() > 0) {
            noSlotsSince = -1;
        }
        if (!local && announced) {
            line(String.format(Locale.ROOT, "executor %s added (%s, %d core(s)): %d task slot(s)", added.executorId(),
                    added.executorInfo().executorHost(), added.executorInfo().totalCores(), slots()));
        }
    }

    @Override
    public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        Executor e = executors.remove(removed.executorId());
        String where = e == null ? "" : " (" + e.host() + ")";
        lastLoss = "executor " + removed.executorId() + where + " was lost: " + removed.reason();
        if (slots() == 0 && noSlotsSince < 0) {
            noSlotsSince = removed.time();
        }
        if (!local && announced) {
            line(lastLoss + "; " + slots() + " task slot(s) left"
                    + (slots() == 0 && wait.toMillis() > 0 ? ", waiting up to " + human(wait) + " for an executor (--executor-wait)" : ""));
        }
    }

    /** Task slots now: each executor's cores / {@code spark.task.cpus}, summed. */
    public synchronized int slots() {
        return executors.values().stream().mapToInt(e -> e.cores() / taskCpus).sum();
    }

    /** The executors now, one line: executors, hosts, cores, {@code spark.task.cpus} and the task slots they make. */
    public synchronized String describe() {
        int cores = executors.values().stream().mapToInt(Executor::cores).sum();
        String slotsText = String.format(Locale.ROOT, "%d core(s), spark.task.cpus=%d: %d task slot(s)", cores, taskCpus, slots());
        if (local) {
            return master + ", in this JVM, " + slotsText;
        }
        Set<String> hosts = new TreeSet<>();
        executors.values().forEach(e -> hosts.add(e.host()));
        return String.format(Locale.ROOT, "%s, %d executor(s) on %d host(s), %s", master, executors.size(), hosts.size(), slotsText);
    }

    /** The executors now, by id. */
    public synchronized Map<String, Executor> executors() {
        return new LinkedHashMap<>(executors);
    }

    /**
     * Waits until there is a task slot (at the start of an application the executors register one by
     * one; waits a second more for the others of the first wave).
     *
     * @throws NoExecutorException when there is none within the executor wait (the watchdog says so)
     */
    public void awaitSlots() throws InterruptedException {
        while (slots() == 0) {
            if (stalled != null) {
                throw new NoExecutorException(stalled);
            }
            Thread.sleep(100);
        }
        int seen = executors().size();
        long settle = System.currentTimeMillis() + 1000;
        while (System.currentTimeMillis() < settle) {
            Thread.sleep(100);
            if (executors().size() != seen) {
                seen = executors().size();
                settle = System.currentTimeMillis() + 1000;
            }
        }
        announced = true;
    }

    /**
     * Whether a stall ended the work: then the message that says so, else null. The job's own
     * exception (a cancelled job) is the consequence and says less.
     */
    public String stalled() {
        return stalled;
    }

    private void watch() {
        long asked = 0;
        while (true) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
            SparkContext sc;
            boolean waiting;
            synchronized (this) {
                sc = context;
                if (sc == null || sc.isStopped()) {
                    return;
                }
                waiting = noSlotsSince >= 0;
            }
            // no slot: ask the cluster manager (every 2 s) whether executors are starting; then the clock waits
            long now = System.currentTimeMillis();
            if (waiting && now - asked >= 2000) {
                asked = now;
                boolean begun = starting.getAsInt() > 0;
                synchronized (this) {
                    if (begun && noSlotsSince >= 0 && executors.isEmpty()) {
                        noSlotsSince = System.currentTimeMillis();
                    }
                }
            }
            boolean stall;
            synchronized (this) {
                stall = noSlotsSince >= 0 && System.currentTimeMillis() - noSlotsSince >= wait.toMillis();
            }
            if (stall && stalled == null) {
                stalled = stallMessage();
            }
            if (stalled != null) {
                // once stalled, the command ends: a job submitted meanwhile is cancelled too
                sc.cancelAllJobs();
            }
        }
    }

    private String stallMessage() {
        String why;
        synchronized (this) {
            int cores = executors.values().stream().mapToInt(Executor::cores).sum();
            why = !executors.isEmpty() ? String.format(Locale.ROOT, "%d executor(s) with %d core(s) in all, but a task needs %d "
                    + "(spark.task.cpus) of one executor's", executors.size(), cores, taskCpus)
                    : lastLoss != null ? lastLoss : "no executor started";
        }
        String more = onStall.get();
        return String.format(Locale.ROOT, "no task slot for %s on %s (%s%s), so the work stopped; what finished is kept, "
                        + "and the same command run again resumes from it (--executor-wait sets how long to wait, 0 for ever)",
                human(wait), master, why, more.isEmpty() ? "" : "; " + more);
    }

    private void line(String text) {
        PrintStream p = out;
        if (p != null) {
            p.println("spark: " + text);
        }
    }

    /** A duration as people write it: 3m, 90s, 1m30s. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s >= 60) {
            return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
        }
        return s + "s";
    }

    /** A job ended because no executor was there to run it. */
    public static final class NoExecutorException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NoExecutorException(String message) {
            super(message);
        }
    }
}
