package io.vggsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plateau rule's timing is compared across seeds of one configuration, never across nets. */
class ScheduleTimingTest {

    /** A complete run whose rate is lowered after {@code lowered} and whose best validation error is {@code best}. */
    private static void run(ResultsRoot root, String config, String init, int seed, int lowered, double best) {
        RunFolder run = Fixtures.run(root, config, "256", "37", init, seed);
        List<EpochRecord> epochs = new ArrayList<>();
        for (int e = 1; e <= lowered + 3; e++) {
            double rate = e <= lowered ? 0.01 : 0.001;
            double validation = e == lowered + 2 ? best : best + 5;
            epochs.add(new EpochRecord(e, rate, 1.0, 30, validation, 10, 12, 2000));
        }
        run.writeEpochs(epochs);
        run.markComplete();
    }

    @Test
    void laterDecreasesGoingWithLowerErrorWithinEachConfigurationGiveANegativeSlope(@TempDir Path dir) {
        ResultsRoot root = ResultsRoot.at(dir);
        // D's three seeds: deviations (−5, 0, +5) epochs against (+2, 0, −2) points; A's: (−2, 0, +2) and (+1, 0, −1).
        run(root, "D", "glorot", 1, 10, 30);
        run(root, "D", "glorot", 2, 15, 28);
        run(root, "D", "glorot", 3, 20, 26);
        run(root, "A", "glorot", 1, 12, 25);
        run(root, "A", "glorot", 2, 14, 24);
        run(root, "A", "glorot", 3, 16, 23);
        // Left out: a configuration with one seed, and fine-tunes (they start at a tenth of the rate).
        run(root, "E", "glorot", 1, 5, 60);
        run(root, "D", "fine-tune", 1, 3, 80);
        run(root, "D", "fine-tune", 2, 20, 10);

        ScheduleTiming timing = ScheduleTiming.of(RunIndex.read(root)).orElseThrow();

        assertEquals(6, timing.runs());
        assertEquals(2, timing.configurations());
        assertEquals(-24.0 / 58.0, timing.slope(), 1e-12, "Σxy / Σxx over both configurations' deviations");
        assertEquals(-1.0, timing.spearman(), 1e-12, "the error falls wherever the decrease comes later");
        assertTrue(timing.pearson() < -0.99 && timing.pearson() > -1.0, "two slopes, so not exactly −1");
        assertTrue(timing.describe().contains("over 6 runs trained from scratch or warm-started, in 2 configurations"),
                timing.describe());
    }

    @Test
    void tooFewSeedsOfOneConfigurationSayNothing(@TempDir Path dir) {
        ResultsRoot root = ResultsRoot.at(dir);
        run(root, "D", "glorot", 1, 10, 30);
        run(root, "D", "glorot", 2, 15, 28);
        run(root, "A", "glorot", 1, 12, 25);
        assertTrue(ScheduleTiming.of(RunIndex.read(root)).isEmpty());
    }
}
