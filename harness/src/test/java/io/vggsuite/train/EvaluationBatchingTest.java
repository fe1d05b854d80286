package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vggsuite.eval.DensePadding;
import io.vggsuite.eval.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A forward pass carries about the same number of pixels whichever view an evaluation sends. */
class EvaluationBatchingTest {

    @Test
    void centreCropsGoFullBatch() {
        assertEquals(256, new Protocol.CentreCrop(List.of(37)).imagesPerPass(32));
    }

    @Test
    void multiCropSendsFiftyViewsPerImageSoFewerImages() {
        assertEquals(5, new Protocol.MultiCrop(List.of(37, 55, 73)).imagesPerPass(32));
    }

    @Test
    void denseImagesAreSizedByTheirLargestScale() {
        // At Q = 73 the one pass reads the whole 73² image, 5.2 crops of 32²: 256 crops' worth is 49
        // images; at Q = crop it is the full batch.
        assertEquals(49, new Protocol.Dense(List.of(37, 55, 73)).imagesPerPass(32));
        assertEquals(256, new Protocol.Dense(List.of(32)).imagesPerPass(32));
        assertEquals(1, new Protocol.Dense(List.of(100_000)).imagesPerPass(32));
    }

    @Test
    void denseWithItsWindowsAloneSendsEveryWindowOfItsLargestScaleAsACrop() {
        // At Q = 73 the windows start at 0, 4, …, 40: 11 × 11 = 121 crops per image, 2 images in 256.
        assertEquals(2, new Protocol.Dense(List.of(37, 55, 73), true, DensePadding.ZEROS).imagesPerPass(32));
        assertEquals(256, new Protocol.Dense(List.of(32), true, DensePadding.ZEROS).imagesPerPass(32));
        assertEquals(7, new Protocol.Dense(List.of(55), true, DensePadding.ZEROS).imagesPerPass(32));
    }

    @Test
    void denseAndMultiCropTakesTheSmallerBatchOfItsTwoParts() {
        assertEquals(2, new Protocol.DenseAndMultiCrop(List.of(37, 55, 73), DensePadding.ZEROS).imagesPerPass(32));
        assertEquals(5, new Protocol.DenseAndMultiCrop(List.of(37, 55, 73)).imagesPerPass(32));
        assertEquals(5, new Protocol.DenseAndMultiCrop(List.of(32)).imagesPerPass(32));
    }
}
