package io.vggsuite.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.claims.fixture.TrainingScaleClaim;
import io.vggsuite.report.Report;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.ResultsRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim declared in one class of this module's tests ({@link TrainingScaleClaim}) is found
 * beside the paper's twelve, goes to claims.csv and appears in the report, with no other change.
 */
class ClaimDiscoveryTest {

    @Test
    void thePaperClaimsAndTheFixtureClaimAreAllDeclaredOnceInIdOrder() {
        List<ClaimDeclaration> all = DeclaredClaims.all();
        assertEquals(IntStream.rangeClosed(1, 13).boxed().toList(), all.stream().map(ClaimDeclaration::id).toList());
        assertEquals(new TrainingScaleClaim().claims().get(0), all.get(12));
    }

    @Test
    void aClaimDeclaredInATestFixtureReachesClaimsCsvAndTheReport(@TempDir Path results) throws IOException {
        ResultsRoot root = ResultsRoot.at(results);
        root.writeClaims(DeclaredClaims.all().stream().map(c -> ClaimVerdicts.notRun(c, "no runs here")).toList());
        ClaimRecord fixture = root.claims().get(12);
        assertEquals(TrainingScaleClaim.ID, fixture.id());
        assertEquals("C at S = 384 beats C at S = 256 (each tested at its own scale).", fixture.claim());

        Report.generate(results);
        String markdown = Files.readString(results.resolve("report").resolve(Report.MARKDOWN));
        assertTrue(markdown.contains("C at S = 384 beats C at S = 256 (each tested at its own scale)."), markdown);
        assertTrue(markdown.contains("LRN does not improve A (A ≈ A-LRN)."));
    }
}
