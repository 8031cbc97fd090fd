package gcl.data.adapters;

import gcl.Progress;
import gcl.data.CropPolicy;
import gcl.data.DatasetInfo;
import gcl.data.GroundTruthConvention;
import gcl.data.Split;
import gcl.data.VideoLabel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * UCF-Crime (Sultani et al., CVPR 2018) into a dataset directory: per-video feature files (1- or
 * 10-crop), the train and test lists (RTFM's lists of feature paths or the official
 * {@code Anomaly_Train.txt}-style lists of video paths), and the temporal annotation file.
 *
 * <p>Ids are the video names up to {@code _x264} (e.g. {@code Abuse028_x264}); a video whose name
 * starts with {@code Normal} is normal, the others anomalous (the dataset's naming).
 */
public final class UcfCrimeImport {
    private UcfCrimeImport() {
    }

    /**
     * @param features    folder searched (recursively) for the feature files
     * @param trainList   training list
     * @param testList    test list
     * @param annotations {@code Temporal_Anomaly_Annotation_for_Testing_Videos.txt}
     * @param out         dataset directory to write
     * @param crops       10-crop policy
     * @param convention  segments (published; the default when null) or frames
     * @param framesCsv   {@code id,frames} real frame counts (needed for {@code frames}), or null
     * @param oneBased    read annotation frame numbers as 1-based
     * @param featureKind what the features are, e.g. {@code i3d-10crop}
     */
    public record Options(Path features, Path trainList, Path testList, Path annotations, Path out, CropPolicy crops,
                          GroundTruthConvention convention, Path framesCsv, boolean oneBased, String featureKind) {
    }

    /** The id of a UCF-Crime file or list entry: its name up to {@code _x264}. */
    public static String id(String entry) {
        String stem = ImportRun.stem(entry);
        int at = stem.indexOf("_x264");
        return at > 0 ? stem.substring(0, at + 5) : ImportRun.genericId(entry);
    }

    public static ImportRun.Result run(Options o, Progress progress) throws IOException {
        Map<String, UcfCrimeAnnotations.Annotation> annotations = UcfCrimeAnnotations.read(o.annotations(), o.oneBased());
        Map<String, Path> index = ImportRun.index(o.features(), UcfCrimeImport::id);
        Map<String, Integer> frames = ImportRun.readFrames(o.framesCsv());
        List<VideoSource> sources = new ArrayList<>();
        for (ImportRun.Listed v : ImportRun.listed(o.trainList(), o.testList(), index, UcfCrimeImport::id)) {
            VideoLabel label = v.id().startsWith("Normal") ? VideoLabel.NORMAL : VideoLabel.ANOMALOUS;
            List<gcl.data.GroundTruth.Interval> intervals = null;
            if (v.split() == Split.TEST) {
                UcfCrimeAnnotations.Annotation a = annotations.get(v.id());
                if (a == null) {
                    throw new IOException(o.annotations() + ": no annotation for test video " + v.id());
                }
                intervals = a.intervals();
                if (label == VideoLabel.ANOMALOUS && intervals.isEmpty()) {
                    throw new IOException(o.annotations() + ": anomalous test video " + v.id() + " has no interval");
                }
            }
            sources.add(new VideoSource(v.id(), v.split(), v.file().toString(), ImportRun.file(v.file()), label, intervals, null,
                    frames.get(v.id())));
        }
        DatasetInfo info = new DatasetInfo("ucf-crime", 16, o.featureKind() == null ? "unknown" : o.featureKind(), 0, 30,
                o.convention() == null ? GroundTruthConvention.SEGMENTS : o.convention(), false,
                "UCF-Crime (Sultani et al., CVPR 2018), imported by 'gcl data import ucf-crime' (crops: "
                        + o.crops().id() + ", annotation frames read " + (o.oneBased() ? "1-based" : "0-based") + ").");
        return ImportRun.write(o.out(), info, sources, o.crops(), progress);
    }
}
