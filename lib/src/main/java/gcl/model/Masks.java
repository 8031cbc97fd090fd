package gcl.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Per-sample masks as a float column [b, 1] of 0 and 1 (which rows a loss counts). */
final class Masks {
    private Masks() {
    }

    /** 1 where mask ≥ 0.5 (all rows when mask is null), as a new [b, 1] float column. */
    static INDArray keep(INDArray mask, int b) {
        if (mask == null) {
            return Nd4j.ones(DataType.FLOAT, b, 1);
        }
        if (mask.length() != b) {
            throw new IllegalArgumentException(b + " samples but a mask of " + mask.length());
        }
        return mask.reshape(b, 1).gte(0.5).castTo(DataType.FLOAT);
    }
}
