package io.vggsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.results.ResultsRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's first screen shows the published reference run's claims (issue 16): the table there
 * must be what {@code published/cifar10-reference/claims.csv} says, so that neither can change
 * without the other. Regenerate both with the command in {@link ReadmeClaims#START}.
 */
class PublishedReadmeTest {

    private static final Path PROJECT = Path.of(System.getProperty("ablation.root", "..")).toAbsolutePath().normalize();
    private static final Path PUBLISHED = PROJECT.resolve("published").resolve("cifar10-reference");

    @Test
    void theReadmesClaimsBlockIsThePublishedReferenceRunsClaimsCsvRendered() throws IOException {
        assertTrue(Files.isDirectory(PUBLISHED.resolve("runs")),
                "the README shows a published result, but " + PUBLISHED + " has no runs");
        String readme = Files.readString(PROJECT.resolve("README.md"), StandardCharsets.UTF_8);
        assertEquals(ReadmeClaims.render(ResultsRoot.at(PUBLISHED), PROJECT), ReadmeClaims.currentBlock(readme),
                "README.md's claims block differs from " + PUBLISHED + "; regenerate it: java -jar"
                        + " reports/target/reports-0.1.0-SNAPSHOT.jar published/cifar10-reference --readme README.md");
    }
}
