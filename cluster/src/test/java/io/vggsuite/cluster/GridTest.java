package io.vggsuite.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.ablation.Budget;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.Start;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridTest {

    private final Grid grid = Grid.of(Budget.SMOKE, new DataCatalog());

    @Test
    void smokeGridHasThePapersSixteenRunsAndTheFiveBeyondItParentsFirst() {
        List<RunSpec> runs = grid.runs();
        // The beyond-the-paper claims bring D, D-BN and D without dropout from Glorot, and A and D at twice the width.
        assertEquals(16 + 5, runs.size());
        Set<String> seen = new HashSet<>();
        for (RunSpec spec : runs) {
            spec.start().parent().ifPresent(p -> assertTrue(seen.contains(p.runId()),
                    spec.runId() + " comes before its parent " + p.runId()));
            seen.add(spec.runId());
        }
    }

    @Test
    void levelsFollowThePapersProtocol() {
        List<List<RunSpec>> levels = grid.levels();
        // Scratch nets; warm starts from A; S = 384 fine-tunes; jittered fine-tunes (Section 3.1).
        assertEquals(4, levels.size());
        assertTrue(levels.get(0).stream().allMatch(s -> s.start() instanceof Start.FromScratch));
        assertTrue(levels.get(1).stream().allMatch(s -> s.start() instanceof Start.WarmStartFromA));
        assertTrue(levels.get(3).stream().allMatch(s -> s.paperScale().isJittered()));
        // B, C, D, E and B-5×5 (Section 4.1's control starts as B does) from A; C, D, E at S = 384
        // from S = 256; C, D, E jittered from S = 384; D at twice the width from A at twice the width.
        assertEquals(12, grid.runs().stream().filter(s -> s.start().parent().isPresent()).count(), "edges");
    }

    @Test
    void unknownRunIdNamesTheBudget() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> grid.run("Z-S1-x"));
        assertTrue(e.getMessage().contains("'Z-S1-x'") && e.getMessage().contains("smoke"), e.getMessage());
    }
}
