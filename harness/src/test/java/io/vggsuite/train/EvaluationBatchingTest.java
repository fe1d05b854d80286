package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vggsuite.eval.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A forward pass carries about the same number of pixels whichever view an evaluation sends. */
class EvaluationBatchingTest {

    @Test
    void centreCropsGoFullBatch() {
        assertEquals(256, FinalEvaluation.imagesPerPass(new Protocol.CentreCrop(List.of(37)), 32));
    }

    @Test
    void multiCropSendsFiftyViewsPerImageSoFewerImages() {
        assertEquals(5, FinalEvaluation.imagesPerPass(new Protocol.MultiCrop(List.of(37, 55, 73)), 32));
    }

    @Test
    void denseImagesAreSizedByTheirLargestScale() {
        // 256 crops of 32² pixels ≈ 49 whole images of 73²; at Q = crop it is the full batch.
        assertEquals(49, FinalEvaluation.imagesPerPass(new Protocol.Dense(List.of(37, 55, 73)), 32));
        assertEquals(256, FinalEvaluation.imagesPerPass(new Protocol.Dense(List.of(32)), 32));
        assertEquals(1, FinalEvaluation.imagesPerPass(new Protocol.Dense(List.of(100_000)), 32));
    }
}
