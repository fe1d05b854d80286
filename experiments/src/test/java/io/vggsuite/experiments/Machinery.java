package io.vggsuite.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.eval.Scores;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.RunStatus;
import io.vggsuite.train.TrainedRun;
import java.util.List;

/**
 * What must hold whatever the numbers say: runs finished, files written, errors that are real
 * percentages over the whole test subset, and (outside smoke) a net that learned something.
 */
final class Machinery {

    private Machinery() {}

    static void trainedWithoutDiverging(Ablation ablation, List<TrainedRun> runs) {
        for (TrainedRun run : runs) {
            assertFalse(run.diverged(), () -> run.spec().runId() + " diverged at epoch "
                    + run.divergence().get().epoch() + ": this net is expected to train");
            assertEquals(RunStatus.COMPLETE, run.folder().status(), run.spec().runId());
            int epochs = run.folder().epochs().size();
            // The plateau schedule may stop a run before its cap (Section 3.1); no run has zero epochs.
            assertTrue(epochs >= 1 && epochs <= run.spec().recipe().maxEpochs(),
                    () -> "epochs.csv of " + run.spec().runId() + " has " + epochs + " rows");
        }
    }

    static void evaluated(Ablation ablation, List<TrainedRun> runs, List<Scores> scores) {
        evaluatedWithoutCeiling(ablation, runs, scores);
        for (int i = 0; i < scores.size(); i++) {
            double error = scores.get(i).top1Error();
            String run = runs.get(i).spec().runId();
            ablation.budget().top1ErrorCeiling().ifPresent(ceiling -> assertTrue(error < ceiling,
                    run + " ends at " + error + "% top-1 error, above the budget's ceiling of " + ceiling
                            + "%: it did not train"));
        }
    }

    static void evaluatedWithoutCeiling(Ablation ablation, List<TrainedRun> runs, List<Scores> scores) {
        int expectedImages = testImages(ablation);
        for (int i = 0; i < scores.size(); i++) {
            Scores s = scores.get(i);
            TrainedRun run = runs.get(i);
            assertEquals(expectedImages, s.images(), "test images evaluated for " + run.spec().runId());
            assertTrue(s.top1Error() >= 0 && s.top1Error() <= 100, "top-1 error " + s.top1Error());
            assertTrue(s.top5Error() <= s.top1Error(), "top-5 error above top-1 for " + run.spec().runId());
            List<FinalRecord> rows = run.folder().finals();
            assertFalse(rows.isEmpty(), "final.csv of " + run.spec().runId());
        }
    }

    private static int testImages(Ablation ablation) {
        int configured = ablation.budget().data().testImages();
        return configured > 0 ? configured : ablation.testSetSize();
    }
}
