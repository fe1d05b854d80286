package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void denseImagesAreSizedByTheirLargestScaleAndItsOffsetPasses() {
        // At Q = 73 the 7 offsets per side read 3·64 + 4·32 = 320 pixels: 320² = 100 crops of 32²
        // per image, so 256 crops' worth is 2 images; at Q = crop it is the full batch.
        assertEquals(2, new Protocol.Dense(List.of(37, 55, 73)).imagesPerPass(32));
        assertEquals(256, new Protocol.Dense(List.of(32)).imagesPerPass(32));
        assertEquals(1, new Protocol.Dense(List.of(100_000)).imagesPerPass(32));
    }

    @Test
    void denseAndMultiCropTakesTheSmallerBatchOfItsTwoParts() {
        assertEquals(2, new Protocol.DenseAndMultiCrop(List.of(37, 55, 73)).imagesPerPass(32));
        assertEquals(5, new Protocol.DenseAndMultiCrop(List.of(32)).imagesPerPass(32));
    }
}
