package io.vggsuite.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.data.TrainScale;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.testing.TinyImageFolder;
import io.vggsuite.testing.TinyNets;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.RunProvenance;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.RunTrainer;
import io.vggsuite.train.TrainedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run scored by the paper's one pass and then by a budget that runs each dense window alone:
 * the second computes its own posteriors instead of reading the first's, replaces the dense row of
 * final.csv and says in the provenance which form the row is; final.csv never holds rows of both forms.
 */
class FinalEvaluationTest {

    @TempDir
    Path data;

    @TempDir
    Path results;

    private final DataCatalog catalog = new DataCatalog();

    @Test
    void eachDenseFormComputesAndKeepsItsOwnPosteriorsAndTheRowSaysWhichFormItIs() throws IOException {
        TrainedRun run = trainedAt384();
        List<Integer> q384 = List.of(384);

        Scores onePass = new FinalEvaluation(catalog).evaluate(run, EvalMethod.DENSE, q384);
        assertEquals(ProvenanceKeys.DENSE_ONE_PASS, denseForm(run));
        Scores windows = new FinalEvaluation(catalog).withDensePadding(DensePadding.ZEROS)
                .evaluate(run, EvalMethod.DENSE, q384);

        assertTrue(run.folder().predictions("dense-Q384").isPresent(), "the one pass's posteriors are kept");
        assertTrue(run.folder().predictions("dense-windows-Q384").isPresent(), "the windows' are kept beside them");
        assertEquals(ProvenanceKeys.DENSE_WINDOWS_ALONE, denseForm(run));
        List<FinalRecord> dense = run.folder().finals().stream().filter(r -> r.method() == EvalMethod.DENSE).toList();
        assertEquals(1, dense.size(), "one dense row: " + dense);
        assertEquals(windows.top1Error(), dense.get(0).top1Error(), 1e-9);
        assertTrue(differ(onePass, windows), "the second evaluation read the first's posteriors");
    }

    @Test
    void aChangeOfDenseFormDropsTheOtherFormsRowsAtEveryScaleAndKeepsTheRowsWithoutDense() throws IOException {
        TrainedRun run = trainedAt384();
        FinalEvaluation onePass = new FinalEvaluation(catalog);
        onePass.evaluate(run, EvalMethod.DENSE, List.of(256));
        onePass.evaluate(run, EvalMethod.DENSE, List.of(384));
        onePass.evaluate(run, EvalMethod.MULTI_CROP, List.of(384));

        new FinalEvaluation(catalog).withDensePadding(DensePadding.ZEROS).evaluate(run, EvalMethod.DENSE, List.of(384));

        List<FinalRecord> rows = run.folder().finals();
        assertEquals(List.of(List.of(384)), scalesOf(rows, EvalMethod.DENSE),
                "the one pass's row at Q 256 is gone, the windows' row at Q 384 replaced its: " + rows);
        assertEquals(List.of(List.of(384)), scalesOf(rows, EvalMethod.MULTI_CROP), "multi-crop has no dense part: " + rows);
        assertEquals(ProvenanceKeys.DENSE_WINDOWS_ALONE, denseForm(run));
        assertTrue(run.folder().predictions("dense-Q256").isPresent(), "posteriors are kept under their own name");

        onePass.evaluate(run, EvalMethod.DENSE, List.of(384));
        assertEquals(List.of(List.of(384)), scalesOf(run.folder().finals(), EvalMethod.DENSE),
                "back to the one pass, from its kept posteriors: " + run.folder().finals());
        assertEquals(ProvenanceKeys.DENSE_ONE_PASS, denseForm(run));
    }

    /** S = 384: its test images are 55 px, so a 32-px window has neighbours for the two forms to differ on. */
    private TrainedRun trainedAt384() throws IOException {
        TinyImageFolder.write(data, 20, 10);
        RunSpec spec = TinyNets.oneEpochOf(data, 20).paperScale(TrainScale.fixed(384)).build();
        return RunTrainer.into(results, catalog, CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("test")).train(spec);
    }

    private static List<List<Integer>> scalesOf(List<FinalRecord> rows, EvalMethod method) {
        return rows.stream().filter(r -> r.method() == method).map(FinalRecord::paperTestScales).toList();
    }

    private static String denseForm(TrainedRun run) {
        return run.folder().provenance().orElseThrow().get(ProvenanceKeys.DENSE_EVALUATION).orElseThrow();
    }

    private static boolean differ(Scores a, Scores b) {
        for (int i = 0; i < a.images(); i++) {
            for (int c = 0; c < a.probabilities()[i].length; c++) {
                if (Math.abs(a.probabilities()[i][c] - b.probabilities()[i][c]) > 1e-6) {
                    return true;
                }
            }
        }
        return false;
    }
}
