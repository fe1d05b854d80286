package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vggsuite.results.Divergence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bookkeeping of {@link LossReplay}; RunTrainerTest trains runs through it. */
class LossReplayTest {

    @Test
    void aRunWhoseLossStaysFiniteRecordsNothing() {
        LossReplay replay = new LossReplay();
        replay.onFinished();
        assertEquals(List.of(), replay.describe());
    }

    @Test
    void theFirstNonFiniteLossAsksForAReplayAndTheSameEpochAgainIsDivergence() throws LossReplay.NotFinite {
        LossReplay replay = new LossReplay();
        LossReplay.NotFinite first = assertThrows(LossReplay.NotFinite.class, () -> replay.onNotFinite(5, 9, 1.4));
        assertEquals(5, first.event().epoch());
        assertEquals(List.of("epoch 5 batch 10: replay from epoch 4 unfinished"), replay.describe());

        assertEquals(new Divergence(5, 1.3), replay.onNotFinite(5, 9, 1.3));
        assertEquals(List.of("epoch 5 batch 10: replayed from epoch 4, not finite again"), replay.describe());
    }

    @Test
    void aReplayThatPassesItsEpochIsRecordedAsFiniteAndALaterEventGetsItsOwnReplay() {
        LossReplay replay = new LossReplay();
        assertThrows(LossReplay.NotFinite.class, () -> replay.onNotFinite(1, 0, Double.NaN));
        assertThrows(LossReplay.NotFinite.class, () -> replay.onNotFinite(7, 2, 0.9));
        replay.onFinished();
        assertEquals(List.of("epoch 1 batch 1: replayed from the initial weights, finite",
                "epoch 7 batch 3: replayed from epoch 6, finite"), replay.describe());
    }

    @Test
    void afterTheLastReplayANonFiniteLossIsDivergenceWithoutAnother() throws LossReplay.NotFinite {
        LossReplay replay = new LossReplay();
        for (int epoch = 1; epoch <= LossReplay.MAX_REPLAYS; epoch++) {
            int e = epoch;
            assertThrows(LossReplay.NotFinite.class, () -> replay.onNotFinite(e, 0, 2.0));
        }
        assertEquals(new Divergence(9, 2.0), replay.onNotFinite(9, 0, 2.0));
        assertEquals("epoch 9 batch 1: not replayed (" + LossReplay.MAX_REPLAYS + " replays used)",
                replay.describe().get(LossReplay.MAX_REPLAYS));
        assertEquals(LossReplay.MAX_REPLAYS + 1, replay.describe().size());
    }
}
