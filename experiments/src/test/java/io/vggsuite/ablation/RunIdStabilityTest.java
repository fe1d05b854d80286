package io.vggsuite.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vggsuite.train.RunSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Run ids are the run cache's keys and the baselines' provenance: a refactoring must not rename a
 * run. {@code run-ids/smoke.txt} lists the folders the smoke budget's ten seeds were trained into
 * when the smoke baseline was derived (regenerated 2026-12-06 for the smoke budget of issue 30: 5,000 images, 4 epochs, rate 5·10⁻³); the plan must still name exactly those.
 * A change of meaning renames runs on purpose: then this list is regenerated with the reason in
 * the commit (see {@code CanonicalForm}); it was on 2026-12-06, when ids gained the width after the
 * net (issue 31: {@code D-w1_8-S256-…}), every hash unchanged.
 */
class RunIdStabilityTest {

    @Test
    void theSmokeGridOfTenSeedsKeepsTheRunIdsItsBaselineWasTrainedUnder() throws IOException {
        Budget smoke = Budget.named("smoke", "").withSeeds("1,2,3,4,5,6,7,8,9,10");
        List<String> planned = new ArrayList<>();
        for (long seed : smoke.seeds()) {
            new AblationPlan(smoke, 10, 3, seed).all().stream().map(RunSpec::runId).forEach(planned::add);
        }
        TreeSet<String> cached = cached("smoke");
        TreeSet<String> gone = new TreeSet<>(cached);
        gone.removeAll(planned);
        TreeSet<String> added = new TreeSet<>(planned);
        added.removeAll(cached);
        assertEquals(List.of(), List.copyOf(gone), gone.size() + " cached runs would be renamed (and " + added.size()
                + " new ids appear): " + gone.stream().limit(5).toList() + " …");
        assertEquals(cached.size(), planned.size(), "one planned run per cached id");
    }

    private static TreeSet<String> cached(String budget) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                RunIdStabilityTest.class.getResourceAsStream("/run-ids/" + budget + ".txt"), budget + ".txt")) {
            return new TreeSet<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n")));
        }
    }
}
