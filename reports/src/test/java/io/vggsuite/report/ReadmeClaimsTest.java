package io.vggsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.results.ResultsRoot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's claims block: rendered from a results folder, placed between its markers only. */
class ReadmeClaimsTest {

    @TempDir
    Path dir;

    @Test
    void theBlockHasOneRowPerClaimWithEffectMdeAndVerdictAndLinksTheReportRelativeToTheReadme() {
        ResultsRoot root = Fixtures.write(dir.resolve("published").resolve("budget"));
        String block = ReadmeClaims.render(root, dir);
        assertTrue(block.contains("From `published/budget`: "), block);
        assertTrue(block.contains("[published/budget/report/report.md](published/budget/report/report.md)"), block);
        assertTrue(block.contains("| 2 | Error falls with depth | +0.90 | +1.62 [+0.90, +2.34] | 1.10 | reproduced |"),
                block);
        assertTrue(block.contains("| 101 (beyond) | "), block);
        assertTrue(block.contains("of seeds 1, 2, 3."), block);
        assertEquals(root.claims().size(), block.lines().filter(l -> l.matches("\\| \\d+.*")).count(), block);
    }

    @Test
    void replacingTheBlockKeepsEverythingAroundItAndReadsBackTheSame() {
        String readme = "# Title\n\nbefore\n" + ReadmeClaims.START + "\nold table\n" + ReadmeClaims.END + "\nafter\n";
        String updated = ReadmeClaims.replaceBlock(readme, "new table\n", Path.of("README.md"));
        assertEquals("# Title\n\nbefore\n" + ReadmeClaims.START + "\nnew table\n" + ReadmeClaims.END + "\nafter\n",
                updated);
        assertEquals("new table\n", ReadmeClaims.currentBlock(updated));
    }

    @Test
    void aReadmeWithoutTheMarkersIsRefusedNamingTheFileAndTheLineToAdd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReadmeClaims.replaceBlock("# no block here\n", "table\n", Path.of("docs/README.md")));
        assertTrue(e.getMessage().contains("docs/README.md"), e.getMessage());
        assertTrue(e.getMessage().contains(ReadmeClaims.START), e.getMessage());
        assertFalse(ReadmeClaims.currentBlock("# no block here\n").contains("table"));
    }

    @Test
    void aFolderWhoseClaimsAreNotJudgedYetSaysSoInsteadOfAnEmptyTable() {
        ResultsRoot root = ResultsRoot.at(dir.resolve("published").resolve("budget"));
        Fixtures.run(root, "A", "256", "37", "glorot", 1);
        String block = ReadmeClaims.render(root, dir);
        assertTrue(block.contains("1 runs (0 complete, 0 diverged, 1 not finished) of seed 1."), block);
        assertTrue(block.contains("No claims yet"), block);
        assertFalse(block.contains("| # |"), block);
    }
}
