package gcl.data.adapters;

import gcl.Progress;
import gcl.data.CropPolicy;
import gcl.data.DatasetInfo;
import gcl.data.GroundTruth;
import gcl.data.GroundTruthConvention;
import gcl.data.MaskPadding;
import gcl.data.Npy;
import gcl.data.Split;
import gcl.data.VideoLabel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ShanghaiTech in Zhong et al.'s weakly supervised split (238 train / 199 test) into a dataset
 * directory: per-video feature files, the two lists, and the per-video frame masks
 * ({@code test_frame_mask/<video>.npy}, one value per real frame).
 *
 * <p>Under the segments convention a mask is cut to T·16 frames, or lengthened with its last frame's
 * label as the field's reference script does ({@link MaskPadding#LAST}; {@code normal} on request),
 * and {@code dataset.json} records which.
 *
 * <p>Ids are the scene and video numbers, e.g. {@code 01_0014}. A video is anomalous when its mask
 * marks any frame; a video without a mask (from the original normal-only training set) is normal.
 */
public final class ShanghaiTechImport {
    private ShanghaiTechImport() {
    }

    /**
     * @param features    folder searched (recursively) for the feature files
     * @param trainList   training list
     * @param testList    test list
     * @param masks       folder of {@code <id>.npy} frame masks
     * @param out         dataset directory to write
     * @param crops       10-crop policy
     * @param convention  segments (published; the default when null) or frames
     * @param featureKind what the features are
     * @param padding     how a mask shorter than T x 16 frames is lengthened: the last frame's label
     *                    (the field's make_gt_sh.py; the default when null) or normal frames
     */
    public record Options(Path features, Path trainList, Path testList, Path masks, Path out, CropPolicy crops,
                          GroundTruthConvention convention, String featureKind, MaskPadding padding) {
        /** With the field's padding (the last frame's label). */
        public Options(Path features, Path trainList, Path testList, Path masks, Path out, CropPolicy crops,
                       GroundTruthConvention convention, String featureKind) {
            this(features, trainList, testList, masks, out, crops, convention, featureKind, null);
        }
    }

    /** The id of a ShanghaiTech file or list entry: {@code SS_VVVV} (scene, video). */
    public static String id(String entry) {
        String stem = ImportRun.stem(entry);
        Matcher m = Pattern.compile("^(\\d+_\\d+)").matcher(stem);
        return m.find() ? m.group(1) : ImportRun.genericId(entry);
    }

    public static ImportRun.Result run(Options o, Progress progress) throws IOException {
        if (!Files.isDirectory(o.masks())) {
            throw new IOException(o.masks() + ": no such folder of frame masks");
        }
        Map<String, Path> index = ImportRun.index(o.features(), ShanghaiTechImport::id);
        List<VideoSource> sources = new ArrayList<>();
        for (ImportRun.Listed v : ImportRun.listed(o.trainList(), o.testList(), index, ShanghaiTechImport::id)) {
            Path maskFile = o.masks().resolve(v.id() + ".npy");
            boolean[] mask = Files.exists(maskFile) ? Npy.readMask(maskFile) : null;
            VideoLabel label = mask != null && GroundTruth.count(mask) > 0 ? VideoLabel.ANOMALOUS : VideoLabel.NORMAL;
            Integer real = mask == null ? null : mask.length;
            sources.add(new VideoSource(v.id(), v.split(), v.file().toString(), ImportRun.file(v.file()), label, null,
                    v.split() == Split.TEST ? mask : null, real));
        }
        MaskPadding padding = o.padding() == null ? MaskPadding.LAST : o.padding();
        DatasetInfo info = new DatasetInfo("shanghaitech", 16, o.featureKind() == null ? "unknown" : o.featureKind(), 0, 24,
                o.convention() == null ? GroundTruthConvention.SEGMENTS : o.convention(), false,
                "ShanghaiTech Campus in the weakly supervised split of Zhong et al. (CVPR 2019), imported by "
                        + "'gcl data import shanghaitech' (crops: " + o.crops().id() + "; short masks padded with "
                        + (padding == MaskPadding.LAST ? "the last frame's label" : "normal frames") + ").", padding);
        return ImportRun.write(o.out(), info, sources, o.crops(), progress);
    }
}
