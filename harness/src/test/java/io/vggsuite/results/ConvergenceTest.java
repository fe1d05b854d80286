package io.vggsuite.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Still improving" asks what the paper's plateau rule would have done at the run's last epoch. */
class ConvergenceTest {

    /** Epochs 1.. at the given rates with the given validation errors. */
    private static List<EpochRecord> curve(double[] rates, double[] validation) {
        List<EpochRecord> epochs = new ArrayList<>();
        for (int i = 0; i < validation.length; i++) {
            epochs.add(new EpochRecord(i + 1, rates[i], 1.0, 30, validation[i], 5, 10, 1000));
        }
        return epochs;
    }

    @Test
    void aRunWhoseLastEpochSetANewBestIsStillImproving() {
        Convergence c = Convergence.of(curve(new double[] {1e-2, 1e-2, 1e-2, 1e-2},
                new double[] {50, 45, 42, 40})).orElseThrow();
        assertTrue(c.stillImproving());
        assertEquals(0, c.epochsSinceBest());
        assertEquals((40.0 - 50) / 3, c.validationChangePerEpoch(), 1e-12, "epochs 1 → 4: the last three changes");
        assertEquals("-3.33/epoch, still improving", c.describe());
    }

    @Test
    void twoEpochsWithoutABetterValidationErrorAreThePlateauThatStopsThePapersRule() {
        Convergence c = Convergence.of(curve(new double[] {1e-2, 1e-2, 1e-2, 1e-2, 1e-2},
                new double[] {50, 44, 38, 38.5, 38.2})).orElseThrow();
        assertFalse(c.stillImproving());
        assertEquals(2, c.epochsSinceBest());
        assertEquals("-1.93/epoch, no better for 2 epochs", c.describe(), "epochs 2 → 5: (38.2 − 44) / 3");
    }

    @Test
    void afterADropTheFinalPhaseIsComparedWithTheRunsBestAndCountedFromTheDrop() {
        // Best of the whole run at epoch 3 (37); epochs 5 and 6, at the new rate, are no better than it.
        Convergence stopped = Convergence.of(curve(new double[] {1e-2, 1e-2, 1e-2, 1e-2, 1e-3, 1e-3},
                new double[] {50, 40, 37, 39, 38, 37.5})).orElseThrow();
        assertEquals(5, stopped.phaseStart());
        assertEquals(2, stopped.epochsSinceBest(), "37.5 and 38 are compared with epoch 3's 37, as the rule does");
        assertFalse(stopped.stillImproving());
        // One epoch at the new rate, no better yet: the count started again at the drop, so the rule trains on.
        Convergence justDropped = Convergence.of(curve(new double[] {1e-2, 1e-2, 1e-2, 1e-2, 1e-2, 1e-3},
                new double[] {50, 40, 37, 39, 38, 37.5})).orElseThrow();
        assertEquals(1, justDropped.epochsSinceBest());
        assertTrue(justDropped.stillImproving());
        Convergence newBest = Convergence.of(curve(new double[] {1e-2, 1e-2, 1e-2, 1e-2, 1e-3, 1e-3},
                new double[] {50, 40, 37, 39, 38, 36.9})).orElseThrow();
        assertTrue(newBest.stillImproving(), "36.9 beats the run's 37");
    }

    @Test
    void epochsWithoutAFiniteValidationErrorAreLeftOutAndTooFewGiveNoVerdict() {
        assertTrue(Convergence.of(curve(new double[] {1e-2}, new double[] {50})).isEmpty());
        assertTrue(Convergence.of(curve(new double[] {1e-2, 1e-2}, new double[] {50, Double.NaN})).isEmpty());
        Convergence c = Convergence.of(curve(new double[] {1e-2, 1e-2, 1e-2}, new double[] {50, 45, Double.NaN}))
                .orElseThrow();
        assertEquals(2, c.lastEpoch());
    }

    @Test
    void theMainPhaseEndsAtTheLastEpochBeforeTheFirstDecreaseAndARunNeverLoweredHasNone() {
        // Rates as the CSV gives them back: floats widened to double, 1e-3 a few ulps off.
        assertEquals(4, Convergence.lastEpochAtStartingRate(curve(new double[] {1e-2, 1e-2, 1e-2, 1e-2, 9.99999977e-4, 1e-4},
                new double[] {50, 40, 37, 39, 38, 37.5})).getAsInt());
        assertTrue(Convergence.lastEpochAtStartingRate(curve(new double[] {9.99999977e-3, 1e-2, 1e-2},
                new double[] {50, 40, 37})).isEmpty(), "ulps are not a decrease");
        assertTrue(Convergence.lastEpochAtStartingRate(List.of()).isEmpty());
    }
}
