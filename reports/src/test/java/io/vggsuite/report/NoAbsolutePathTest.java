package io.vggsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A published artefact names folders relative to the repository, never the folder of the machine
 * that wrote it (issue 36): the report the generator writes, the CSVs and provenance beside it, and
 * every committed result under {@code published/} (the reference, and the converged campaign as its
 * runs land, one working stretch at a time).
 */
class NoAbsolutePathTest {

    /** The checkout, as {@link PublishedReadmeTest} finds it. */
    private static final Path PROJECT = Path.of(System.getProperty("ablation.root", "..")).toAbsolutePath().normalize();
    private static final Path PUBLISHED = PROJECT.resolve("published");

    @Test
    void generatedReportAndTheResultsFilesBesideItNameNoAbsolutePath(@TempDir Path results) {
        Fixtures.write(results);
        List<Path> written = Report.generate(results, config -> new ParameterTable.Counted(1, 1));
        // The scan must see the report itself and the results API's CSVs and provenance, or it proves nothing.
        assertTrue(written.contains(results.resolve("report").resolve(Report.HTML)), written.toString());
        assertTrue(Files.isRegularFile(results.resolve("claims.csv")));

        assertEquals(List.of(), AbsolutePaths.under(results, List.of(results, PROJECT)),
                "absolute paths in the report of " + results + " (file:line: path)");
    }

    /** Every results folder committed under published/, whatever budget wrote it. */
    static Stream<Path> publishedResults() throws IOException {
        try (Stream<Path> folders = Files.list(PUBLISHED)) {
            List<Path> results = folders.filter(Files::isDirectory).sorted().toList();
            assertTrue(results.contains(PUBLISHED.resolve("cifar10-reference")),
                    PUBLISHED + " lacks the reference result: " + results);
            return results.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedResults")
    void publishedResultNamesNoAbsolutePath(Path published) {
        assertTrue(Files.isDirectory(published.resolve("runs")), published + " has no runs");

        assertEquals(List.of(), AbsolutePaths.under(published, List.of(PROJECT)),
                "absolute paths in " + PROJECT.relativize(published) + " (file:line: path)");
    }

    /** The scan finds what it looks for, and passes what only looks like a path. */
    @Test
    void findsUnixWindowsUriAndHomePathsButNotRatiosUrlsTagsOrRelativePaths() {
        // One segment: no pattern takes it, only the literal machine folder.
        Path machine = Path.of("/scratch");
        assertEquals(List.of("/work/main/published/cifar10-reference"),
                AbsolutePaths.in("Results folder /work/main/published/cifar10-reference: 18 runs", List.of()));
        assertEquals(List.of("/tmp/junit123/report/plots/a.png"),
                AbsolutePaths.in("<img src=\"/tmp/junit123/report/plots/a.png\">", List.of()));
        assertEquals(List.of("C:\\Users\\me\\vgg"), AbsolutePaths.in("results at C:\\Users\\me\\vgg", List.of()));
        assertEquals(List.of("file:///home/me/vgg/report.html"),
                AbsolutePaths.in("see file:///home/me/vgg/report.html", List.of()));
        assertEquals(List.of("~/vgg/results"), AbsolutePaths.in("copied to ~/vgg/results", List.of()));
        assertEquals(List.of("/scratch"), AbsolutePaths.in("kept in /scratch", List.of(machine)));
        assertEquals(List.of(), AbsolutePaths.in("kept in /scratch", List.of()));

        assertEquals(List.of(), AbsolutePaths.in("width 1/4, A/B, 2026/12/02, S 256/384, train / val", List.of()));
        assertEquals(List.of(), AbsolutePaths.in("<a href=\"https://arxiv.org/abs/1409.1556\">paper</a></td>",
                List.of()));
        assertEquals(List.of(), AbsolutePaths.in("![plot](plots/error-vs-depth.png) [docs](../docs/report.md)",
                List.of()));
        assertEquals(List.of(), AbsolutePaths.in("<img src=\"data:image/png;base64,iVBO+/abc/def==\">", List.of()));
        assertEquals(List.of(), AbsolutePaths.in("\\midrule A & 29.6 \\\\ Note:\\textbf{B}", List.of()));
    }
}
