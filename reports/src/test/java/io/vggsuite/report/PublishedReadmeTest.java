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
 * The README's first screen shows a published result's claims (issue 16; the converged one since
 * issue 34): the table there must be what that folder's {@code claims.csv} says, so that neither can
 * change without the other. Which folder is the README's to say, once, on the block's first line;
 * regenerate the block with the command in {@link ReadmeClaims#START}.
 */
class PublishedReadmeTest {

    private static final Path PROJECT = Path.of(System.getProperty("ablation.root", "..")).toAbsolutePath().normalize();
    private static final Path PUBLISHED = PROJECT.resolve("published");

    @Test
    void theReadmesClaimsBlockIsThePublishedFolderItNamesRenderedFromItsClaimsCsv() throws IOException {
        String block = ReadmeClaims.currentBlock(Files.readString(PROJECT.resolve("README.md"), StandardCharsets.UTF_8));
        Path shown = ReadmeClaims.shownFolder(block, PROJECT).orElseThrow(() -> new AssertionError(
                "README.md's claims block names no results folder on its first line ('From `published/…`: …')"));
        assertTrue(shown.startsWith(PUBLISHED) && Files.isDirectory(shown.resolve("runs")),
                "README.md's claims block shows " + shown + ", which is not a published folder with runs");
        assertEquals(ReadmeClaims.render(ResultsRoot.at(shown), PROJECT), block,
                "README.md's claims block differs from " + shown + "; regenerate it: java -jar"
                        + " reports/target/reports-0.1.0-SNAPSHOT.jar " + PROJECT.relativize(shown) + " --readme README.md");
    }

    @Test
    void theFolderABlockShowsIsReadFromItsFirstLine() {
        String block = "From `published/some-budget`: 3 runs (3 complete, 0 diverged, 0 not finished) of seed 1.\n";
        assertEquals(Path.of("/repo/published/some-budget"), ReadmeClaims.shownFolder(block, Path.of("/repo")).orElseThrow());
        assertTrue(ReadmeClaims.shownFolder("No claims.\n", Path.of("/repo")).isEmpty());
    }
}
