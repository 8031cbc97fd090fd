package gcl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CropsTest {
    /** [T=3, 10, d=2] with value t*100 + c*10 + k. */
    static INDArray tenCrop() {
        INDArray a = Nd4j.create(DataType.FLOAT, 3, 10, 2);
        for (int t = 0; t < 3; t++) {
            for (int c = 0; c < 10; c++) {
                for (int k = 0; k < 2; k++) {
                    a.putScalar(new int[] {t, c, k}, t * 100 + c * 10 + k);
                }
            }
        }
        return a;
    }

    @Test
    void meanAveragesTheCrops() {
        List<INDArray> m = Crops.apply(tenCrop(), CropPolicy.MEAN, "v.npy");
        assertEquals(1, m.size());
        assertArrayEquals(new long[] {3, 2}, m.get(0).shape());
        assertEquals(145f, m.get(0).getFloat(1, 0), 1e-4); // 100 + mean(0..90 step 10) = 145
        assertEquals(246f, m.get(0).getFloat(2, 1), 1e-4);
    }

    @Test
    void eachKeepsEveryCropAndCropFirstLayoutIsTheSame() {
        List<INDArray> each = Crops.apply(tenCrop(), CropPolicy.EACH, "v.npy");
        assertEquals(10, each.size());
        assertEquals(231f, each.get(3).getFloat(2, 1));
        INDArray cropFirst = tenCrop().permute(1, 0, 2).dup('c'); // [10, 3, 2]
        List<INDArray> again = Crops.apply(cropFirst, CropPolicy.EACH, "v.npy");
        assertEquals(each.get(7), again.get(7));
        assertEquals(Crops.apply(tenCrop(), CropPolicy.MEAN, "v").get(0), Crops.apply(cropFirst, CropPolicy.MEAN, "v").get(0));
        assertEquals("v#3", Crops.cropId("v", 3));
    }

    @Test
    void otherShapesAreRefusedWithTheFileName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Crops.apply(Nd4j.create(DataType.FLOAT, 3, 4, 2), CropPolicy.MEAN, "odd.npy"));
        assertEquals(true, e.getMessage().contains("odd.npy"));
        INDArray plain = Nd4j.create(DataType.FLOAT, 3, 2);
        assertEquals(plain, Crops.apply(plain, CropPolicy.EACH, "p").get(0));
    }
}
