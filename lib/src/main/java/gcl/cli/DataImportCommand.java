package gcl.cli;

import gcl.Outputs;
import gcl.data.CropPolicy;
import gcl.data.GroundTruthConvention;
import gcl.data.MaskPadding;
import gcl.data.adapters.ConcatImport;
import gcl.data.adapters.FeatureListImport;
import gcl.data.adapters.ImportRun;
import gcl.data.adapters.ShanghaiTechImport;
import gcl.data.adapters.UcfCrimeImport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gcl data import ...}: published layouts into a dataset directory. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn a published dataset layout into a dataset directory (see data-manifests/README.md). "
                + "Resumable: run it again on the same --out to finish an interrupted import.",
        subcommands = {
            DataImportCommand.UcfCrime.class,
            DataImportCommand.ShanghaiTech.class,
            DataImportCommand.FeatureList.class,
            DataImportCommand.Concat.class,
        })
public final class DataImportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options every import shares. */
    static final class Common {
        @Option(names = "--out", required = true, description = "Dataset directory to write.")
        Path out;

        @Option(names = "--feature-kind", description = "What the features are, e.g. i3d-10crop or resnext3d (recorded in dataset.json).")
        String featureKind;

        /** Refuses an {@code --out} that cannot be a folder, or that is, holds or lies inside one of the inputs. */
        void checkOut(Object... optionAndPath) {
            Outputs.checkFolder("--out", out);
            Outputs.refuseOverlap("--out", out, Outputs.inputs(optionAndPath));
        }

        static Integer report(ImportRun.Result r, Path out) {
            for (String f : r.failures()) {
                System.out.println("FAILED " + f);
            }
            System.out.println(out + ": " + r + (r.ok() ? "" : " (the others are written; fix and run again)"));
            System.out.println("next: environment/gcl data check --manifest NAME --dir " + out);
            return r.ok() ? 0 : 1;
        }
    }

    /** Crop policy and ground-truth convention. */
    static final class Layout {
        @Option(names = "--crops", defaultValue = "mean", description = "10-crop files: mean (default) or each (crop c of video id becomes video id#c).")
        String crops;

        @Option(names = "--convention", defaultValue = "segments",
                description = "Frame counts: segments (T x 16 from the features, the published convention, default) or frames (real counts).")
        String convention;

        CropPolicy policy() {
            return CropPolicy.parse(crops);
        }

        GroundTruthConvention convention() {
            try {
                return GroundTruthConvention.parse(convention);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--convention must be segments or frames, got " + convention);
            }
        }
    }

    @Command(name = "ucf-crime", mixinStandardHelpOptions = true,
            description = "UCF-Crime: per-video feature files, train/test lists, Temporal_Anomaly_Annotation_for_Testing_Videos.txt.")
    static final class UcfCrime implements Callable<Integer> {
        @Mixin Common common;
        @Mixin Layout layout;
        @Option(names = "--features", required = true, description = "Folder with the feature files (searched recursively).") Path features;
        @Option(names = "--train-list", required = true, description = "Training list (paths of feature files or videos).") Path trainList;
        @Option(names = "--test-list", required = true, description = "Test list.") Path testList;
        @Option(names = "--annotations", required = true, description = "Temporal_Anomaly_Annotation_for_Testing_Videos.txt") Path annotations;
        @Option(names = "--frames-csv", description = "id,frames real frame counts (for --convention frames).") Path framesCsv;
        @Option(names = "--one-based", description = "Read annotation frame numbers as 1-based (default: 0-based, as RTFM).") boolean oneBased;

        @Override
        public Integer call() throws Exception {
            common.checkOut("--features", features, "--train-list", trainList, "--test-list", testList, "--annotations", annotations,
                    "--frames-csv", framesCsv);
            ImportRun.Result r = UcfCrimeImport.run(new UcfCrimeImport.Options(features, trainList, testList, annotations, common.out,
                    layout.policy(), layout.convention(), framesCsv, oneBased, common.featureKind), null);
            return Common.report(r, common.out);
        }
    }

    @Command(name = "shanghaitech", mixinStandardHelpOptions = true,
            description = "ShanghaiTech (weakly supervised split of Zhong et al.): per-video feature files, train/test lists, frame-mask folder.")
    static final class ShanghaiTech implements Callable<Integer> {
        @Mixin Common common;
        @Mixin Layout layout;
        @Option(names = "--features", required = true, description = "Folder with the feature files (searched recursively).") Path features;
        @Option(names = "--train-list", required = true, description = "Training list.") Path trainList;
        @Option(names = "--test-list", required = true, description = "Test list.") Path testList;
        @Option(names = "--masks", required = true, description = "Folder of <video>.npy frame masks (test_frame_mask).") Path masks;
        @Option(names = "--mask-padding", defaultValue = "last",
                description = "A mask shorter than T x 16 frames is padded with: last (the last frame's label, as the field's make_gt_sh.py; default) or normal (normal frames). Recorded in dataset.json.")
        String maskPadding;

        @Override
        public Integer call() throws Exception {
            MaskPadding padding;
            try {
                padding = MaskPadding.parse(maskPadding);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--mask-padding takes last or normal, got '" + maskPadding + "'");
            }
            common.checkOut("--features", features, "--train-list", trainList, "--test-list", testList, "--masks", masks);
            ImportRun.Result r = ShanghaiTechImport.run(new ShanghaiTechImport.Options(features, trainList, testList, masks, common.out,
                    layout.policy(), layout.convention(), common.featureKind, padding), null);
            return Common.report(r, common.out);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists of feature paths (one per line, abnormal first as published) and a concatenated ground-truth .npy or an id,start,end CSV.")
    static final class FeatureList implements Callable<Integer> {
        @Mixin Common common;
        @Option(names = "--crops", defaultValue = "mean", description = "10-crop files: mean (default) or each.") String crops;
        @Option(names = "--train-list", required = true, description = "Training list of feature paths.") Path trainList;
        @Option(names = "--test-list", required = true, description = "Test list of feature paths.") Path testList;
        @Option(names = "--features", description = "Folder to look in when a listed path does not exist.") Path features;
        @Option(names = "--name", required = true, description = "Dataset name.") String name;
        @Option(names = "--segment-size", defaultValue = "16", description = "Frames per segment (default ${DEFAULT-VALUE}).") int segmentSize;
        @Option(names = "--frame-rate", defaultValue = "0", description = "Frames per second, 0 if unknown.") double frameRate;
        @Option(names = "--train-abnormal", description = "The first N training entries are anomalous (e.g. 810 for UCF-Crime, 63 for ShanghaiTech).") Integer trainAbnormal;
        @Option(names = "--test-abnormal", description = "The first N test entries are anomalous (default: from the ground truth).") Integer testAbnormal;
        @Option(names = "--gt", description = "Concatenated frame-level ground truth .npy (T x p frames per test video, list order).") Path gt;
        @Option(names = "--ground-truth-csv", description = "Ground truth as id,start,end rows ([start, end), 0-based).") Path gtCsv;

        @Override
        public Integer call() throws Exception {
            common.checkOut("--train-list", trainList, "--test-list", testList, "--features", features, "--gt", gt,
                    "--ground-truth-csv", gtCsv);
            ImportRun.Result r = FeatureListImport.run(new FeatureListImport.Options(trainList, testList, features, common.out, name,
                    segmentSize, frameRate, trainAbnormal, testAbnormal, gt, gtCsv, CropPolicy.parse(crops), common.featureKind),
                    null);
            return Common.report(r, common.out);
        }
    }

    @Command(name = "concat", mixinStandardHelpOptions = true,
            description = "One concatenated [N, d] feature array plus an id,split,from,to[,label] CSV of per-video rows [from, to).")
    static final class Concat implements Callable<Integer> {
        @Mixin Common common;
        @Option(names = "--features", required = true, description = "The [N, d] .npy array.") Path features;
        @Option(names = "--index", required = true, description = "CSV id,split,from,to[,label].") Path index;
        @Option(names = "--name", required = true, description = "Dataset name.") String name;
        @Option(names = "--segment-size", defaultValue = "16", description = "Frames per segment (default ${DEFAULT-VALUE}).") int segmentSize;
        @Option(names = "--frame-rate", defaultValue = "0", description = "Frames per second, 0 if unknown.") double frameRate;
        @Option(names = "--gt", description = "Concatenated frame-level ground truth .npy of the test videos (index order).") Path gt;
        @Option(names = "--ground-truth-csv", description = "Ground truth as id,start,end rows.") Path gtCsv;

        @Override
        public Integer call() throws Exception {
            common.checkOut("--features", features, "--index", index, "--gt", gt, "--ground-truth-csv", gtCsv);
            ImportRun.Result r = ConcatImport.run(new ConcatImport.Options(features, index, common.out, name, segmentSize, frameRate,
                    gt, gtCsv, common.featureKind), null);
            return Common.report(r, common.out);
        }
    }
}
