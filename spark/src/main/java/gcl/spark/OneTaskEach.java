package gcl.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Function2;
import scala.collection.Iterator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * One Spark task per item (a video, a training run), each result handed to the driver as soon as
 * its task finishes: Spark schedules the items on free cores one by one (long videos and short
 * ones balance out), and the driver records each outcome while the others still run, so a driver
 * that dies loses only the outcomes it had not recorded.
 */
final class OneTaskEach {
    /** The work of one task. */
    @FunctionalInterface
    interface Work<T, R> extends Serializable {
        R run(T item) throws Exception;
    }

    /** What the driver does with each result, as it arrives (on Spark's scheduler thread: keep it short). */
    @FunctionalInterface
    interface Receiver<R> {
        void accept(int index, R result) throws Exception;
    }

    private OneTaskEach() {
    }

    /**
     * Runs {@code work} on every item, one task each, and passes each result with its item's index
     * to {@code receiver}; returns when all are done.
     *
     * @throws Exception the receiver's first exception; a task that failed more often than Spark
     *                   retries fails the job ({@link org.apache.spark.SparkException})
     */
    static <T extends Serializable, R extends Serializable> void run(JavaSparkContext sc, String description, List<T> items,
                                                                      Work<T, R> work, Receiver<R> receiver) throws Exception {
        if (items.isEmpty()) {
            return;
        }
        sc.setJobDescription(description);
        JavaRDD<T> rdd = sc.parallelize(new ArrayList<>(items), items.size());
        Function2<TaskContext, Iterator<T>, R> perTask = (Function2<TaskContext, Iterator<T>, R> & Serializable) (context, it) -> {
            GclSpark.useTaskCores();
            try {
                return work.run(it.next());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
        AtomicReference<Exception> failed = new AtomicReference<>();
        Function2<Object, R, BoxedUnit> onResult = (index, result) -> {
            if (failed.get() == null) {
                try {
                    receiver.accept((Integer) index, result);
                } catch (Exception e) {
                    failed.set(e);
                }
            }
            return BoxedUnit.UNIT;
        };
        sc.sc().runJob(rdd.rdd(), perTask, onResult, classTag());
        if (failed.get() != null) {
            throw failed.get();
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> ClassTag<R> classTag() {
        return (ClassTag<R>) ClassTag$.MODULE$.apply(Object.class);
    }
}
