package io.vggsuite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sections 4.1 and 4.2: which test scales Q a training scale S is evaluated at. */
class TrainScaleTest {

    @Test
    void singleScaleTestingUsesSItselfOrTheMiddleOfAJitteredRange() {
        assertEquals(256, TrainScale.fixed(256).singleTestScale());
        assertEquals(384, TrainScale.jittered(256, 512).singleTestScale());
    }

    @Test
    void multiScaleTestingStepsThirtyTwoPixelsAroundAFixedSAndSpansAJitteredRange() {
        assertEquals(List.of(224, 256, 288), TrainScale.fixed(256).multiTestScales());
        assertEquals(List.of(256, 384, 512), TrainScale.jittered(256, 512).multiTestScales());
    }
}
