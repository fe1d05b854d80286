package io.vggsuite.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/**
 * The HTML report as a reader opens it: generated from the fixture folder, opened from disk in
 * headless Chromium (issue 36). The HTML text is checked elsewhere (ReportTest); this checks what
 * the browser made of it. Skipped without chromium and chromedriver, required with CI=true
 * ({@link HeadlessChromium}).
 */
@ExtendWith(HeadlessChromium.class)
class ReportInBrowserTest {

    /** Where the first screen is saved, under the module's target/ so that CI keeps it beside the build. */
    static final Path SCREENSHOT = Path.of("target/report-in-browser/first-screen.png");

    @Test
    void reportShowsEveryPlotDecodedResolvesEveryInPageLinkAndLogsNoConsoleError(WebDriver browser,
            @TempDir Path results) throws IOException {
        Fixtures.write(results);
        // Table 2's real counts build six ImageNet-size nets (ReportTest does that once); the page's
        // rendering does not depend on them.
        List<Path> written = Report.generate(results, config -> new ParameterTable.Counted(1, 1));
        long plots = written.stream().filter(p -> p.getFileName().toString().endsWith(".png")).count();

        RenderedPage page = RenderedPage.open(browser, results.resolve("report").resolve(Report.HTML));
        // Read before the screenshot: the log endpoint hands each message out once.
        List<String> consoleErrors = page.consoleErrors();
        Path screenshot = page.screenshot(SCREENSHOT);
        // The path in the build log: the note on issue 36 names it, and a reader of CI's log looks there.
        System.out.println("ReportInBrowserTest: first screen of the fixture report at " + screenshot.toAbsolutePath());

        assertAll(
                () -> assertEquals(plots, page.images().size(), "one <img> per PNG plot written: " + page.images()),
                () -> assertEquals(List.of(), page.undecodedImages(), "images the browser could not decode"),
                () -> assertFalse(page.inPageLinks().isEmpty(), "the fixture's report links its claims to tables"),
                () -> assertEquals(List.of(), page.danglingLinks(), "in-page links to no element"),
                () -> assertEquals(List.of(), consoleErrors, "console errors"),
                () -> assertTrue(Files.size(screenshot) > 0, "empty screenshot " + screenshot));
    }

    /**
     * The three questions find what they ask about: a page with a missing image, a link to no
     * element and a script that throws gets one answer each (else the test above could pass on a
     * page the checks cannot see into).
     */
    @Test
    void checksFindAnUndecodedImageADanglingLinkAndAScriptError(WebDriver browser, @TempDir Path folder)
            throws IOException {
        Path page = folder.resolve("broken.html");
        Files.writeString(page, """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>broken</title></head><body>
                <h2 id="present">present</h2>
                <img alt="missing plot" src="plots/missing.png">
                <a href="#present">fine</a> <a href="#absent">dangling</a>
                <script>notDefinedAnywhere();</script>
                </body></html>
                """);

        RenderedPage rendered = RenderedPage.open(browser, page);
        List<String> consoleErrors = rendered.consoleErrors();

        assertAll(
                () -> assertEquals(List.of("missing plot"), rendered.undecodedImages()),
                () -> assertEquals(List.of("#present", "#absent"), rendered.inPageLinks()),
                () -> assertEquals(List.of("#absent"), rendered.danglingLinks()),
                () -> assertTrue(consoleErrors.stream().anyMatch(m -> m.contains("notDefinedAnywhere")),
                        "the script's error among " + consoleErrors),
                () -> assertTrue(consoleErrors.stream().anyMatch(m -> m.contains("missing.png")),
                        "the failed image load among " + consoleErrors));
    }
}
