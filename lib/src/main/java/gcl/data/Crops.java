package gcl.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Turns a feature array as published into [T, d] matrices under a {@link CropPolicy}.
 *
 * <p>Accepted shapes: [T, d] (returned as is); [T, C, d] or [C, T, d] with C = {@link #CROPS}
 * crops. When both leading axes equal C, [T, C, d] is assumed (the RTFM releases' layout).
 */
public final class Crops {
    /** Crops per segment in the published features. */
    public static final int CROPS = 10;

    private Crops() {
    }

    /**
     * @param features the array read from {@code file}
     * @param policy   mean of crops, or each crop on its own
     * @param file     named in messages
     * @return one [T, d] float32 matrix (rank 2 input, or {@link CropPolicy#MEAN}), or one per crop
     */
    public static List<INDArray> apply(INDArray features, CropPolicy policy, String file) {
        INDArray f = features.dataType() == DataType.FLOAT ? features : features.castTo(DataType.FLOAT);
        if (f.rank() == 2) {
            return List.of(f);
        }
        if (f.rank() != 3) {
            throw new IllegalArgumentException(file + ": features must be [T, d], [T, 10, d] or [10, T, d], found "
                    + Arrays.toString(f.shape()));
        }
        int cropAxis;
        if (f.size(1) == CROPS) {
            cropAxis = 1;
        } else if (f.size(0) == CROPS) {
            cropAxis = 0;
        } else {
            throw new IllegalArgumentException(file + ": a 3-D feature array must have " + CROPS
                    + " crops on axis 0 or 1, found shape " + Arrays.toString(f.shape()));
        }
        if (policy == CropPolicy.MEAN) {
            return List.of(f.mean(cropAxis).castTo(DataType.FLOAT).dup('c'));
        }
        List<INDArray> crops = new ArrayList<>(CROPS);
        for (int c = 0; c < CROPS; c++) {
            INDArray m = cropAxis == 1
                    ? f.get(NDArrayIndex.all(), NDArrayIndex.point(c), NDArrayIndex.all())
                    : f.get(NDArrayIndex.point(c), NDArrayIndex.all(), NDArrayIndex.all());
            crops.add(m.dup('c'));
        }
        return crops;
    }

    /**
     * The rows {@link #apply} makes from an array of this shape, known from the file's header before
     * reading it: T for [T, d]; T, or 10·T under {@link CropPolicy#EACH}, for 10-crop arrays; 0 for a
     * shape {@link #apply} refuses (it says why when the file is read).
     */
    public static long rows(long[] shape, CropPolicy policy) {
        if (shape.length == 2) {
            return shape[0];
        }
        if (shape.length != 3 || shape[1] != CROPS && shape[0] != CROPS) {
            return 0;
        }
        long t = shape[1] == CROPS ? shape[0] : shape[1];
        return policy == CropPolicy.MEAN ? t : CROPS * t;
    }

    /** The id of crop {@code c} of a video under {@link CropPolicy#EACH}: {@code id#c}. */
    public static String cropId(String id, int c) {
        return id + "#" + c;
    }
}
