package gcl.data.adapters;

import gcl.data.Annotations;
import gcl.data.Csv;
import gcl.data.GroundTruth;
import gcl.data.Split;
import gcl.data.VideoFolder;
import gcl.data.VideoLabel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Annotations for a folder of the user's own videos given in the field's published forms, for
 * {@code gcl extract --annotations --train-list --test-list}: a temporal annotation file in
 * UCF-Crime's format ({@code name.mp4  Class  start end [start end]}, {@link UcfCrimeAnnotations})
 * and RTFM-style list files (one video or feature path per line). Ids are matched to the video
 * files with or without extensions and folders ({@link VideoFolder#videoId}).
 *
 * <ul>
 *   <li>The lists give the splits. A video the annotation file names but no list does is a test
 *       video (the published file annotates the test videos); without lists, every annotated video
 *       is a test video and the others are training videos.</li>
 *   <li>The annotation file gives the labels (anomalous with intervals, normal with {@code -1 -1})
 *       and the test ground truth; a listed video it does not name has an unknown label.</li>
 * </ul>
 */
public final class VideoAnnotations {
    private VideoAnnotations() {
    }

    /**
     * @param annotationFile UCF-Crime-format temporal annotations, or null
     * @param trainList      list of training videos, or null
     * @param testList       list of test videos, or null
     * @param oneBased       read the annotation file's frame numbers as 1-based (UCF-Crime's file is read 0-based, as RTFM)
     * @throws IOException naming the file and line of a malformed entry
     */
    public static Annotations read(Path annotationFile, Path trainList, Path testList, boolean oneBased) throws IOException {
        Map<String, UcfCrimeAnnotations.Annotation> byId = new LinkedHashMap<>();
        if (annotationFile != null) {
            for (UcfCrimeAnnotations.Annotation a : UcfCrimeAnnotations.read(annotationFile, oneBased).values()) {
                byId.put(VideoFolder.videoId(a.video()), a);
            }
        }
        Map<String, Split> splits = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            Path list = split == Split.TRAIN ? trainList : testList;
            if (list != null) {
                for (String entry : Csv.readList(list)) {
                    Split before = splits.putIfAbsent(VideoFolder.videoId(entry), split);
                    if (before != null && before != split) {
                        throw new IOException(list + ": video " + VideoFolder.videoId(entry) + " is also on the "
                                + before.id() + " list; a video belongs to one split");
                    }
                }
            }
        }
        byId.keySet().forEach(id -> splits.putIfAbsent(id, Split.TEST));
        Annotations.Builder b = new Annotations.Builder();
        for (Map.Entry<String, Split> e : splits.entrySet()) {
            UcfCrimeAnnotations.Annotation a = byId.get(e.getKey());
            VideoLabel label = a == null ? VideoLabel.UNKNOWN : a.normal() ? VideoLabel.NORMAL : VideoLabel.ANOMALOUS;
            List<GroundTruth.Interval> intervals = a == null ? null : new ArrayList<>(a.intervals());
            b.add(e.getKey(), e.getValue(), 0, label, intervals);
        }
        return b.build();
    }
}
