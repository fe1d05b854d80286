package io.vggsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.results.ArmRecord;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two budgets' claims in one table: each folder's own numbers, a claim one did not judge said so, a change of verdict marked. */
class VerdictsSideBySideTest {

    @TempDir
    Path dir;

    @Test
    void eachFolderGetsAColumnOfItsOwnEffectsAndVerdictsAndARowWhoseVerdictsDifferIsMarked() {
        ResultsRoot shorter = Fixtures.write(dir.resolve("published").resolve("short"));
        ResultsRoot longer = ResultsRoot.at(dir.resolve("published").resolve("long"));
        Fixtures.run(longer, "A", "256", "37", "glorot", 1);
        longer.writeClaims(List.of(
                new ClaimRecord(2, "Error falls with depth", "Table 3", "superiority", 0.9, -0.5, -1.5, 0.5, 1.0,
                        0.8, Verdict.CONTRADICTED, Optional.empty(), "B 24.5, D 26.3"),
                new ClaimRecord(3, "Saturates at 19 layers (E ≈ D).", "Table 3", "equivalence (margin ±1.0)", 0.3,
                        0.1, -0.3, 0.5, 0.01, 0.6, Verdict.REPRODUCED, Optional.empty(), "D 26.3 vs E 26.4")));

        String table = VerdictsSideBySide.render(List.of(shorter, longer), dir);

        assertTrue(table.contains("| # | claim | paper effect | published/short (seeds 1, 2, 3) | published/long (seed 1)"
                + " | verdicts differ |"), table);
        assertTrue(table.contains("| 2 | Error falls with depth | +0.90 | +1.62 [+0.90, +2.34] · reproduced"
                + " | -0.50 [-1.50, +0.50] · contradicted | yes |"), table);
        assertTrue(table.contains("| 3 | Saturates at 19 layers (E ≈ D). | +0.30 | +0.00 [-0.40, +0.40] · reproduced"
                + " | +0.10 [-0.30, +0.50] · reproduced |  |"), table);
        assertTrue(table.contains("| 9 | Multi-crop slightly better than dense | +0.20 | -0.20 [-0.30, -0.10] ·"
                + " contradicted | *" + VerdictsSideBySide.NOT_JUDGED + "* |  |"), table);
        assertEquals(shorter.claims().size(), table.lines().filter(l -> l.matches("\\| \\d+.*")).count(), table);
    }

    @Test
    void aFolderWhoseVerdictsJudgedFewerSeedsThanItHoldsSaysWhichSeedsTheyJudged() {
        ResultsRoot shorter = Fixtures.write(dir.resolve("published").resolve("short"));
        ResultsRoot longer = ResultsRoot.at(dir.resolve("published").resolve("long"));
        RunFolder a1 = Fixtures.run(longer, "A", "256", "37", "glorot", 1);
        RunFolder b1 = Fixtures.run(longer, "B", "256", "37", "warm-start-A", 1);
        Fixtures.run(longer, "A", "256", "37", "glorot", 2);
        longer.writeClaims(List.of(new ClaimRecord(2, "Error falls with depth", "Table 3", "superiority", 0.9, -0.5,
                -1.5, 0.5, 1.0, 0.8, Verdict.INCONCLUSIVE, Optional.empty(), "B 24.5 vs A 26.3")));
        longer.writeArms(List.of(new ArmRecord(2, "A", List.of(a1.runId()), 26.3, 8.0),
                new ArmRecord(2, "B", List.of(b1.runId()), 24.5, 7.0)));

        String table = VerdictsSideBySide.render(List.of(shorter, longer), dir);

        assertTrue(table.contains("| published/long (seed 1 judged; runs of seeds 1, 2) |"), table);
    }

    @Test
    void oneFolderIsRefusedSinceThereIsNothingToSetBesideIt() {
        ResultsRoot only = Fixtures.write(dir.resolve("only"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VerdictsSideBySide.render(List.of(only), dir));
        assertTrue(e.getMessage().contains("at least two"), e.getMessage());
    }
}
