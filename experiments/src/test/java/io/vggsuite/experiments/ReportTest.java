package io.vggsuite.experiments;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.report.Report;
import io.vggsuite.train.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

@PaperExperiment
@Order(8)
@DisplayName("The report: the paper's tables with this budget's numbers beside them")
class ReportTest {

    @Test
    @DisplayName("is generated from the results folder of the budget that ran")
    void isGeneratedFromTheResultsFolder(Ablation ablation, TestReporter reporter) {
        List<Path> written = Report.generate(ablation.results());
        Path markdown = ablation.results().resolve("report").resolve(Report.MARKDOWN);
        assertTrue(written.contains(markdown), "report.md among " + written);
        assertTrue(Files.exists(ablation.results().resolve("report").resolve(Report.HTML)));
        reporter.publishEntry("report", markdown.toUri().toString());
        // Where to look is the one line a user of the main job needs; quiet in CI logs.
        Progress.forEnvironment().note("Report: " + markdown.toUri());
    }
}
