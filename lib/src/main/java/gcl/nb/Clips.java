package gcl.nb;

import gcl.AtomicFiles;
import gcl.Folders;
import gcl.Log;
import gcl.Profile;
import gcl.Seeds;
import gcl.data.Annotations;
import gcl.data.Dataset;
import gcl.data.DatasetDirectory;
import gcl.data.GroundTruth;
import gcl.data.Split;
import gcl.data.VideoFolder;
import gcl.features.BatchExtraction;
import gcl.features.DefaultExtractor;
import gcl.features.FeatureExtractor;
import gcl.synth.SyntheticVideos;
import gcl.video.ReadOptions;
import gcl.video.VideoFrame;
import gcl.video.VideoInfo;
import gcl.video.VideoReader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rendered surveillance clips of lesson 01 (and the 120 of the recorded results, lesson 08): rendered
 * and extracted into the cache on first use, one decoded with its ground truth, a frame as an image.
 */
public final class Clips {
    private Clips() {
    }

    /**
     * The synthetic surveillance videos of lesson 01 (seed 1; 12 clips in quick, 40 in full),
     * rendered on first use into the cache ({@link Folders#videos()}) and listed from there afterwards.
     */
    public static Path syntheticVideos() {
        return rendered(Course.profile() == Profile.FULL ? SyntheticVideos.DEFAULT_COUNT : 12);
    }

    /**
     * The rendered videos of the recorded results ({@code notebooks/results/README.md}: 120 clips of seed 1
     * from 4 cameras, the default extractor), rendered and extracted into the cache on first use: the data
     * of {@code table2-synthetic-videos-quick.csv} and {@code c2fpl-synthetic-videos-quick.csv}, in either profile.
     */
    public static Dataset recordedVideoSet() {
        return extracted(rendered(RECORDED_VIDEOS), new DefaultExtractor());
    }

    /** How many clips the recorded video set has. */
    public static final int RECORDED_VIDEOS = 120;

    private static Path rendered(int count) {
        Path dir = Folders.videos().resolve("synthetic-videos-seed1-" + count);
        try {
            if (!Files.exists(dir.resolve(Annotations.VIDEOS_CSV))) {
                Path work = Files.createDirectories(dir.getParent()).resolve(dir.getFileName() + ".tmp");
                AtomicFiles.deleteTree(work);
                Log.info("rendering " + count + " synthetic videos into " + dir + " (first use; later calls reuse them)");
                SyntheticVideos.render(work, new Seeds(1), SyntheticVideos.Config.defaults().withCount(count), Log.stream());
                Files.move(work, dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The dataset extracted from a folder of videos with an extractor, into the cache
     * ({@link Folders#datasets()}; resumable: videos already extracted are skipped), then loaded.
     */
    public static Dataset extracted(Path videos, FeatureExtractor extractor) {
        Path out = Folders.datasets().resolve(videos.getFileName() + "-" + extractor.kind() + "-d" + extractor.dimension());
        try {
            if (!Files.exists(out.resolve(DatasetDirectory.DATASET_JSON))) {
                var result = BatchExtraction.run(videos, out, extractor);
                Log.info(result.summary());
            }
            return DatasetDirectory.load(out);
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": " + e.getMessage(), e);
        }
    }

    /**
     * One decoded video of a folder with its ground truth.
     *
     * @param id        the video's id (its file name without the extension)
     * @param frames    every frame, decoded at the file's own rate and size
     * @param info      what decoding found (frame count, rate, size)
     * @param intervals its anomalous frame intervals from the folder's annotations
     * @param truth     one flag per decoded frame (true = anomalous)
     */
    public record Clip(String id, List<VideoFrame> frames, VideoInfo info, List<GroundTruth.Interval> intervals, boolean[] truth) {
        @Override
        public String toString() {
            return info + "; anomalous frames " + intervals;
        }
    }

    /**
     * The first test video of a folder (in {@code videos.csv} order) whose annotations mark an
     * event, decoded (the first video when none does): what lesson 01 looks at.
     */
    public static Clip anomalousClip(Path videos) {
        try {
            Annotations annotations = VideoFolder.read(videos).annotations();
            List<Path> files = BatchExtraction.videoFiles(videos);
            if (files.isEmpty()) {
                throw new IOException("no video files in " + videos);
            }
            String id = annotations.videos().keySet().stream()
                    .filter(v -> annotations.splitOf(v).orElse(Split.TRAIN) == Split.TEST && !annotations.intervals(v).isEmpty())
                    .findFirst().orElse(BatchExtraction.idOf(files.get(0)));
            Path file = files.stream().filter(f -> BatchExtraction.idOf(f).equals(id)).findFirst()
                    .orElseThrow(() -> new IOException("video " + id + " is annotated but has no file in " + videos));
            List<VideoFrame> frames = VideoReader.readAll(file, ReadOptions.original());
            VideoInfo info = VideoReader.probe(file, ReadOptions.original());
            return new Clip(id, frames, info, annotations.intervals(id), annotations.mask(id, frames.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(videos + ": " + e.getMessage(), e);
        }
    }

    /** A decoded frame as an image (its BGR bytes in a 3-byte BGR raster). */
    public static BufferedImage image(VideoFrame frame) {
        var img = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] raster = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.bgr(), 0, raster, 0, raster.length);
        return img;
    }
}
