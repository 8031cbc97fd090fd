package gcl.train;

import gcl.data.FeatureSet;
import gcl.data.Video;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A share of the <em>training</em> videos kept out of both networks' updates, so that the training
 * history can say how well D reproduces G on videos it never saw ({@link HeldOutProbe}); not in the
 * paper. Whole videos are held out, never single segments: segments of one video are alike (one
 * scene), and a D that has memorised a video's segments would still agree with G on its neighbours.
 * The videos are drawn by the run's seed (stream {@code held-out}); no label of any kind is used.
 *
 * @param fit      the training videos the networks are updated on
 * @param heldOut  the held-out training videos (empty when the share is 0)
 * @param share    the share of training videos asked for
 */
public record HeldOutVideos(FeatureSet fit, FeatureSet heldOut, double share) {

    /** The random stream of {@link gcl.Seeds} that draws the held-out videos. */
    public static final String STREAM = "held-out";

    /**
     * Holds out {@code round(share × videos)} whole training videos (at least one when the share is
     * positive, and never all: at least one video stays for training).
     *
     * @throws IllegalArgumentException for a share outside [0, 0.5]
     */
    public static HeldOutVideos of(FeatureSet train, double share, Random rng) {
        if (!(share >= 0 && share <= 0.5)) {
            throw new IllegalArgumentException("held-out share must be in [0, 0.5], got " + share);
        }
        int n = train.videos().size();
        int k = share == 0 ? 0 : (int) Math.max(1, Math.min(n - 1, Math.round(share * n)));
        if (k == 0) {
            return new HeldOutVideos(train, train.subset(v -> false), share);
        }
        List<String> ids = new ArrayList<>();
        for (Video v : train.videos()) {
            ids.add(v.id());
        }
        Collections.shuffle(ids, rng);
        Set<String> held = new HashSet<>(ids.subList(0, k));
        return new HeldOutVideos(train.subset(v -> !held.contains(v.id())), train.subset(v -> held.contains(v.id())), share);
    }

    /** Whether any video is held out. */
    public boolean any() {
        return heldOut.size() > 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "held out %d of %d training videos (%d of %d segments) from both networks' updates",
                heldOut.videos().size(), heldOut.videos().size() + fit.videos().size(), heldOut.size(),
                heldOut.size() + fit.size());
    }
}
