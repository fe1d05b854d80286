package io.vggsuite.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.results.DepartureRecord;
import io.vggsuite.results.ResultsRoot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol section says what the code runs with, at each budget. */
class DepartureTest {

    @Test
    void theQuickBudgetsProtocolStatesTheConstantsItsRunsUse() {
        assertTrue(suite(Budget.QUICK, Departure.FINE_TUNING_RATE).startsWith("S = 384 and jittered nets start at 1e-3"),
                suite(Budget.QUICK, Departure.FINE_TUNING_RATE));
        assertTrue(suite(Budget.QUICK, Departure.DENSE_EVALUATION).contains("0, 4, 8, 12, 16, 20 at Q = 55"),
                suite(Budget.QUICK, Departure.DENSE_EVALUATION));
        assertTrue(suite(Budget.QUICK, Departure.INITIALISATION).contains("fc6 0.140"),
                suite(Budget.QUICK, Departure.INITIALISATION));
        assertTrue(suite(Budget.QUICK, Departure.LRN).startsWith("caffe form"), suite(Budget.QUICK, Departure.LRN));
        assertTrue(suite(Budget.QUICK, Departure.SCALES).startsWith("S = 256 → 37, 384 → 55, [256; 512] → [37; 73]"),
                suite(Budget.QUICK, Departure.SCALES));
    }

    @Test
    void theReferenceProtocolSaysWhichImagesAreHeldOutAndThatFineTunesNeverReachADrop() {
        String data = suite(Budget.REFERENCE, Departure.DATA);
        assertTrue(data.contains("all training images but the 5,000 held out for validation; 5,000 test images"), data);
        String schedule = suite(Budget.REFERENCE, Departure.TRAINING_LENGTH);
        assertTrue(schedule.endsWith("fine-tuning's 5 epochs end before the first drop, so fine-tuned nets keep their"
                + " starting rate throughout"), schedule);
    }

    @Test
    void theConvergedProtocolTestsEveryImageAndAnnealsFineTunesByTheSameRuleUpToACap() {
        String data = suite(Budget.CONVERGED, Departure.DATA);
        assertTrue(data.contains("5,000 held out for validation; all test images"), data);
        String schedule = suite(Budget.CONVERGED, Departure.TRAINING_LENGTH);
        assertTrue(schedule.contains("the paper's plateau rule (patience 2 epochs, at most 3 decreases)")
                && schedule.contains("for fine-tuned nets too")
                && schedule.endsWith("at most " + Budget.CONVERGED_SCRATCH_CAP + " epochs from scratch or warm start and "
                        + Budget.CONVERGED_FINE_TUNE_CAP + " when fine-tuning"), schedule);
    }

    @Test
    void theConvergedBudgetRunsEachDenseWindowAloneAndSaysWhyAndWhatItPutsOutOfScope() {
        String suite = suite(Budget.CONVERGED, Departure.DENSE_EVALUATION);
        assertTrue(suite.startsWith("every window cut from the image and run alone, zero-padded")
                && suite.contains("0, 4, 8, 12, 16, 20 at Q = 55"), suite);
        String why = Departure.DENSE_EVALUATION.record(Budget.CONVERGED).why();
        assertTrue(why.contains("the last convolutional stage is 2×2 per window") && why.contains("out of scope"), why);
    }

    @Test
    void theSmokeBudgetKeepsThePapersOnePassWhoseMachineryTheImagenetBudgetRuns() {
        String suite = suite(Budget.SMOKE, Departure.DENSE_EVALUATION);
        assertTrue(suite.startsWith("one pass over the whole image with the last 3 max-pools stride-less"), suite);
        assertEquals(Departure.DENSE_EVALUATION.record(Budget.SMOKE).why(),
                Departure.DENSE_EVALUATION.record(Budget.imagenet("/data")).why());
    }

    @Test
    void theImagenetBudgetDenseEvaluationIsOnePassOverTheWholeImage() {
        assertTrue(suite(Budget.imagenet("/data"), Departure.DENSE_EVALUATION).contains("0, 32 at Q = 256"),
                suite(Budget.imagenet("/data"), Departure.DENSE_EVALUATION));
    }

    @Test
    void everyDepartureRoundTripsThroughProtocolCsv(@TempDir Path folder) {
        List<DepartureRecord> written = Departure.at(Budget.SMOKE);
        assertEquals(Departure.values().length, written.size());
        ResultsRoot root = ResultsRoot.at(folder);
        root.writeProtocol(written);
        assertEquals(written, root.protocol());
    }

    private static String suite(Budget budget, Departure departure) {
        return departure.record(budget).suiteDoes();
    }
}
