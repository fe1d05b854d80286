package io.vggsuite.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.claims.fixture.TrainingScaleClaim;
import io.vggsuite.report.Report;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.ResultsRoot;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
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
    void theSuiteDeclaresExactlyThePaperClaimsOneToTwelve() {
        assertEquals(IntStream.rangeClosed(1, 12).boxed().toList(),
                DeclaredClaims.all().stream().map(ClaimDeclaration::id).toList());
        assertEquals(new PaperClaims().claims(), DeclaredClaims.all());
    }

    @Test
    void aClassLoaderWithTheFixtureSeesThePaperClaimsAndTheFixtureOnceInIdOrder() throws IOException {
        try (URLClassLoader loader = withFixture()) {
            List<ClaimDeclaration> all = DeclaredClaims.seenBy(loader);
            assertEquals(IntStream.rangeClosed(1, 13).boxed().toList(),
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
