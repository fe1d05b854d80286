package io.vggsuite.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.eval.Scores;
import io.vggsuite.results.Divergence;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.RunStatus;
import io.vggsuite.train.TrainedRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.TestReporter;

/**
 * What must hold whatever the numbers say: runs finished, files written, errors that are real
 * percentages over the whole test subset, and (outside smoke) a net that learned something.
 */
final class Machinery {

    private Machinery() {}

    /**
     * The runs of {@code runs} that trained. Each other one must have diverged on record (status
     * DIVERGED, the epoch, a finite last loss) and is reported. A divergence is a finding about the
     * paper's protocol at this budget (plain SGD at 10⁻², no normalisation, Section 3.1), not a
     * fault of the machinery: the report shows it, a claim that reads the run is inconclusive and
     * says why, and the accuracy regression check still fails a budget whose baseline has numbers
     * for that run (its metrics go missing). Seen at the quick budget: A-LRN, seed 1, epoch 1.
     */
    static List<TrainedRun> trainedOrDivergedOnRecord(List<TrainedRun> runs, TestReporter reporter) {
        List<TrainedRun> trained = new ArrayList<>();
        for (TrainedRun run : runs) {
            if (run.diverged()) {
                Divergence d = run.divergence().get();
                assertEquals(RunStatus.DIVERGED, run.folder().status(), run.spec().runId());
                assertTrue(d.epoch() >= 1 && d.epoch() <= run.spec().recipe().maxEpochs(), d.toString());
                assertTrue(Double.isFinite(d.lastFiniteLoss()), d.toString());
                reporter.publishEntry("diverged", run.spec().runId() + " at epoch " + d.epoch()
                        + " (last finite loss " + d.lastFiniteLoss() + ")");
                continue;
            }
            assertEquals(RunStatus.COMPLETE, run.folder().status(), run.spec().runId());
            int epochs = run.folder().epochs().size();
            // The plateau schedule may stop a run before its cap (Section 3.1); no run has zero epochs.
            assertTrue(epochs >= 1 && epochs <= run.spec().recipe().maxEpochs(),
                    () -> "epochs.csv of " + run.spec().runId() + " has " + epochs + " rows");
            trained.add(run);
        }
        return trained;
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
