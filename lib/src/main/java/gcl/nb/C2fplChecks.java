package gcl.nb;

import gcl.c2fpl.C2fpl;
import gcl.c2fpl.C2fplConfig;
import gcl.c2fpl.C2fplLabels;
import gcl.c2fpl.FineLabels;
import gcl.data.FeatureSet;
import gcl.data.Video;
import java.util.Locale;

/** The checks of lesson 08's exercises (coarse-to-fine pseudo-labels); shown with {@link Checks#show}. */
public final class C2fplChecks {
    private C2fplChecks() {
    }

    /**
     * Exercise "window length": the number of segments w the fine stage labels anomalous in a
     * pseudo-anomalous video (Eq. C6: ⌊α·m_i⌋, at least 2).
     */
    public static Checks.Result windowLength(FeatureSet train, C2fplLabels labels, Video video, int answer) {
        String name = "window length";
        int index = train.videos().indexOf(video);
        if (index < 0) {
            throw new IllegalArgumentException(video.id() + " is not a video of " + train);
        }
        int right = labels.fine().windowLength()[index];
        if (answer < 0) {
            return new Checks.Result(name, false, "not answered yet: set the answer to the window's length in segments.");
        }
        if (answer == right) {
            return new Checks.Result(name, true, "the window of " + video.id() + " holds " + right + " of its " + video.segments() + " segments.");
        }
        return new Checks.Result(name, false, answer + " is not it: the window is ⌊α·m_i⌋ segments (α = windowShare, m_i the video's"
                + " segments), and at least 2.");
    }

    /**
     * Exercise "share of the window": the share of a pseudo-anomalous video's segments whose pseudo-label is 1,
     * computed from the fine labels (it should come to w / m_i).
     */
    public static Checks.Result windowShare(FeatureSet train, C2fplLabels labels, Video video, double answer) {
        String name = "share of the window";
        FineLabels fine = labels.fine();
        double ones = 0;
        for (int r = video.firstRow(); r < video.endRow(); r++) {
            ones += fine.labels()[r];
        }
        double right = ones / video.segments();
        if (Double.isNaN(answer)) {
            return new Checks.Result(name, false, "not answered yet: set the answer to the share of the video's segments labelled 1.");
        }
        if (Math.abs(answer - right) < 1e-9) {
            return new Checks.Result(name, true, String.format(Locale.ROOT, "%.4f of the segments of %s are labelled anomalous.", right,
                    video.id()));
        }
        return new Checks.Result(name, false, String.format(Locale.ROOT, "%.4f is not it: count the segments of the video whose"
                + " label (labels.fine().labels(), rows firstRow() to endRow() − 1) is 1, and divide by its segments.", answer));
    }

    /**
     * Exercise "η": how many videos the coarse stage labels anomalous when it stops splitting at a
     * ratio |C_1| / |C_0| ≥ {@code eta} instead of the configured one.
     */
    public static Checks.Result anomalousVideosAt(FeatureSet train, C2fplConfig config, double eta, int answer) {
        String name = "η";
        int right = anomalousCount(train, config.with("eta", eta));
        if (answer < 0) {
            return new Checks.Result(name, false, "not answered yet: set the answer to the number of pseudo-anomalous videos at η = "
                    + eta + ".");
        }
        if (answer == right) {
            return new Checks.Result(name, true, "at η = " + eta + " the coarse stage moves " + right + " of " + train.videos().size()
                    + " videos to C_1.");
        }
        return new Checks.Result(name, false, answer + " is not it: run the coarse stage with config.with(\"eta\", " + eta
                + ") and count the videos of C_1 (coarse().anomalousCount()).");
    }

    /**
     * Exercise "η, predicted": whether the coarse stage labels fewer, the same or more videos anomalous when it
     * stops at a ratio |C_1| / |C_0| ≥ {@code eta} instead of the configured η; the student writes the prediction
     * ("fewer", "the same" or "more") before running it.
     */
    public static Checks.Result etaPrediction(FeatureSet train, C2fplConfig config, double eta, String predicted) {
        int now = anomalousCount(train, config);
        int then = anomalousCount(train, config.with("eta", eta));
        String right = then < now ? "fewer" : then == now ? "the same" : "more";
        return Checks.choice("η, predicted", predicted, right, String.format(Locale.ROOT, "at η = %s C_1 holds %d videos, at η = %s"
                + " %d. The splitting stops at the first split whose ratio |C_1| / |C_0| reaches η, and a split moves a whole"
                + " mixture component: %s", trim(config.eta()), now, trim(eta), then,
                then == now ? "here one split carried the ratio past both values, so both stop after it (the splits table shows it)."
                        : then < now ? "a smaller η stops it at an earlier split." : "a larger η needs more splits."));
    }

    private static int anomalousCount(FeatureSet train, C2fplConfig c) {
        return C2fpl.pseudoLabels(train, c).coarse().anomalousCount();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
