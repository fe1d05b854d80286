package io.vggsuite.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vggsuite.results.EvalMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kept posteriors are reused by name, so the two dense forms must never share one: a folder scored
 * by the paper's one pass (all of cifar10-converged's seed 1 before 2026-12-07) would otherwise
 * hand its posteriors to a budget that runs each window alone.
 */
class PredictionsNameTest {

    @Test
    void denseWithItsWindowsAloneIsKeptUnderItsOwnName() {
        assertEquals("dense-Q384", FinalEvaluation.predictionsName(EvalMethod.DENSE, List.of(384)));
        assertEquals("dense-Q384",
                FinalEvaluation.predictionsName(EvalMethod.DENSE, List.of(384), DensePadding.NEIGHBOURS));
        assertEquals("dense-windows-Q384",
                FinalEvaluation.predictionsName(EvalMethod.DENSE, List.of(384), DensePadding.ZEROS));
        assertEquals("dense-multi-crop-windows-Q256_384_512", FinalEvaluation.predictionsName(
                EvalMethod.DENSE_AND_MULTI_CROP, List.of(256, 384, 512), DensePadding.ZEROS));
    }

    @Test
    void methodsWithoutDenseWindowsShareTheirPosteriorsAcrossBothForms() {
        for (EvalMethod method : List.of(EvalMethod.CENTRE_CROP, EvalMethod.MULTI_CROP)) {
            assertEquals(FinalEvaluation.predictionsName(method, List.of(256), DensePadding.NEIGHBOURS),
                    FinalEvaluation.predictionsName(method, List.of(256), DensePadding.ZEROS), method.id());
        }
    }
}
