package gcl.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.Function2;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
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
        run(sc, description, items, null, work, receiver);
    }

    /**
     * As {@link #run(JavaSparkContext, String, List, Work, Receiver)}, each item's task preferably on
     * a place Spark names ({@code executor_HOST_ID}: that executor; a host name: any of its
     * executors), or anywhere where {@code where} is null.
     *
     * @throws ExecutorWatch.NoExecutorException when the job ended because no executor was left to run it
     */
    static <T extends Serializable, R extends Serializable> void run(JavaSparkContext sc, String description, List<T> items,
                                                                      List<String> where, Work<T, R> work, Receiver<R> receiver)
            throws Exception {
        if (items.isEmpty()) {
            return;
        }
        ExecutorWatch watch = ExecutorWatch.of(sc.sc());
        if (watch != null && watch.stalled() != null) {
            throw new ExecutorWatch.NoExecutorException(watch.stalled());
        }
        sc.setJobDescription(description);
        RDD<T> rdd = where == null ? sc.parallelize(new ArrayList<>(items), items.size()).rdd() : placed(sc, items, where);
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
        try {
            sc.sc().runJob(rdd, perTask, onResult, classTag());
        } catch (Exception e) {
            if (watch != null && watch.stalled() != null) {
                throw new ExecutorWatch.NoExecutorException(watch.stalled());
            }
            throw e;
        }
        if (failed.get() != null) {
            throw failed.get();
        }
    }

    /** One partition per item, each with its preferred place. */
    private static <T> RDD<T> placed(JavaSparkContext sc, List<T> items, List<String> where) {
        List<Tuple2<T, Seq<String>>> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            parts.add(new Tuple2<>(items.get(i), CollectionConverters.asScala(List.of(where.get(i))).toSeq()));
        }
        return sc.sc().makeRDD(CollectionConverters.asScala(parts).toSeq(), classTag());
    }

    @SuppressWarnings("unchecked")
    private static <R> ClassTag<R> classTag() {
        return (ClassTag<R>) ClassTag$.MODULE$.apply(Object.class);
    }
}
