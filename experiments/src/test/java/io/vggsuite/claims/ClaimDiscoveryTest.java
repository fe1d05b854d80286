package io.vggsuite.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.ablation.Budget;
import io.vggsuite.claims.fixture.TrainingScaleClaim;
import io.vggsuite.model.Normalisation;
import io.vggsuite.report.Report;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.train.RunSpec;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim declared in one class ({@link TrainingScaleClaim}) plus its line in a service file is
 * found beside the paper's twelve, goes to claims.csv and appears in the report, with no other
 * change. The fixture's service file sits in {@code claim-fixture/} of the test resources, a root
 * only the class loader built here reads, so the fixture never enters the ablation's claims.csv
 * (nor Holm's correction over the paper's claims).
 */
class ClaimDiscoveryTest {

    private static final String FIXTURE_ROOT = "/claim-fixture/";

    /** The test class path plus the fixture's resource root, as a user's own module would add it. */
    private static URLClassLoader withFixture() {
        URL root = ClaimDiscoveryTest.class.getResource(FIXTURE_ROOT);
        assertNotNull(root, "test resource " + FIXTURE_ROOT + " is missing");
        return new URLClassLoader(new URL[] {root}, ClaimDiscoveryTest.class.getClassLoader());
    }

    @Test
    void theSuiteDeclaresThePapersTwelveClaimsThenItsThreeAblationsBeyondThePaper() {
        assertEquals(Stream.concat(IntStream.rangeClosed(1, 12).boxed(), Stream.of(101, 102, 103)).toList(),
                DeclaredClaims.all().stream().map(ClaimDeclaration::id).toList());
        List<ClaimDeclaration> expected = new ArrayList<>(new PaperClaims().claims());
        expected.addAll(new BeyondPaperClaims().claims());
        assertEquals(expected, DeclaredClaims.all());
        assertTrue(new BeyondPaperClaims().claims().stream().allMatch(c -> ClaimRecord.beyondThePaper(c.id())));
        assertTrue(new PaperClaims().claims().stream().noneMatch(c -> ClaimRecord.beyondThePaper(c.id())));
    }

    @Test
    void aPlansRunsAreItsGridPlusTheRunsTheDeclaredClaimsAddParentsFirst() {
        AblationPlan plan = new AblationPlan(Budget.QUICK, 10, 3, 1);
        List<RunSpec> runs = DeclaredClaims.runs(plan);
        assertEquals(plan.all(), runs.subList(0, plan.all().size()), "the paper's grid first, unchanged");
        List<RunSpec> added = runs.subList(plan.all().size(), runs.size());
        // D, D-BN and D without dropout from Glorot; A and D at twice the width (D warm-started from that A).
        assertEquals(5, added.size(), added.toString());
        assertEquals(1, added.stream().filter(r -> r.model().variant().dropout() == 0).count());
        assertEquals(1, added.stream().filter(r -> r.model().variant().normalisation() == Normalisation.BATCH_NORM).count());
        assertEquals(2, added.stream().filter(r -> r.model().width() == 0.5).count());
        Set<String> seen = new HashSet<>();
        for (RunSpec run : runs) {
            for (RunSpec before : AblationPlan.lineage(run)) {
                assertTrue(before == run || seen.contains(before.runId()), before.runId() + " after " + run.runId());
            }
            seen.add(run.runId());
        }
    }

    @Test
    void aClassLoaderWithTheFixtureSeesThePaperClaimsAndTheFixtureOnceInIdOrder() throws IOException {
        try (URLClassLoader loader = withFixture()) {
            List<ClaimDeclaration> all = DeclaredClaims.seenBy(loader);
            assertEquals(Stream.concat(IntStream.rangeClosed(1, 13).boxed(), Stream.of(101, 102, 103)).toList(),
                    all.stream().map(ClaimDeclaration::id).toList());
            assertEquals(new TrainingScaleClaim().claims().get(0), all.get(12));
        }
    }

    @Test
    void aClaimDeclaredInATestFixtureReachesClaimsCsvAndTheReport(@TempDir Path results) throws IOException {
        List<ClaimDeclaration> declared;
        try (URLClassLoader loader = withFixture()) {
            declared = DeclaredClaims.seenBy(loader);
        }
        ResultsRoot root = ResultsRoot.at(results);
        root.writeClaims(declared.stream().map(c -> ClaimVerdicts.notRun(c, "no runs here")).toList());
        ClaimRecord fixture = root.claims().get(12);
        assertEquals(TrainingScaleClaim.ID, fixture.id());
        assertEquals("C at S = 384 beats C at S = 256 (each tested at its own scale).", fixture.claim());

        Report.generate(results);
        String markdown = Files.readString(results.resolve("report").resolve(Report.MARKDOWN));
        assertTrue(markdown.contains("C at S = 384 beats C at S = 256 (each tested at its own scale)."), markdown);
        assertTrue(markdown.contains("LRN does not improve A (A ≈ A-LRN)."));
    }
}
