package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vggsuite.results.Convergence;
import io.vggsuite.results.EpochRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The report's "still improving" ({@link Convergence}, in the results package, which cannot see the
 * trainer) must ask exactly what the trainer's plateau rule decides: replayed on many noisy curves,
 * a run is "still improving" after an epoch exactly when the rule keeps its rate after it.
 */
class PlateauAgreesWithConvergenceTest {

    @Test
    void stillImprovingAfterAnEpochExactlyWhenThePlateauRuleKeepsTheRateAfterIt() {
        LearningRateSchedule.Plateau rule = LearningRateSchedule.Plateau.paper();
        Random random = new Random(34);
        int compared = 0;
        int decreases = 0;
        for (int curve = 0; curve < 500; curve++) {
            LearningRateSchedule.State state = LearningRateSchedule.State.initial(1e-2f);
            List<EpochRecord> epochs = new ArrayList<>();
            double level = 60;
            for (int epoch = 1; epoch <= 60 && !rule.exhausted(state); epoch++) {
                // A falling curve with noise of the size 5,000 validation images give (0.7 points).
                level -= random.nextDouble() * 1.5 / (1 + state.decreases());
                double validation = Math.round((level + 0.7 * random.nextGaussian()) * 50) / 50.0;
                epochs.add(new EpochRecord(epoch, state.learningRate(), 1.0, 30, validation, 5, 10, 1000));
                LearningRateSchedule.State after = rule.next(state, epoch, validation);
                boolean keepsRate = after.decreases() == state.decreases();
                if (epochs.size() >= 2) {
                    assertEquals(keepsRate, Convergence.of(epochs).orElseThrow().stillImproving(),
                            "curve " + curve + " after epoch " + epoch + ": " + epochs);
                    compared++;
                }
                decreases += keepsRate ? 0 : 1;
                state = after;
            }
        }
        // The curves reach every phase: the comparison covered decreases and the stops after the third.
        assertEquals(true, decreases > 1000 && compared > 5000, decreases + " decreases, " + compared + " epochs");
    }
}
