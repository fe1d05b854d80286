package io.vggsuite.experiments;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@PaperExperiment
@Order(8)
@DisplayName("The report: the paper's tables with this budget's numbers beside them")
class ReportTest {

    @Test
    @DisplayName("is generated from the results folder of the budget that ran")
    void isGeneratedFromTheResultsFolder(Ablation ablation) {
        List<Path> written = Report.generate(ablation.results());
        Path markdown = ablation.results().resolve("report").resolve(Report.MARKDOWN);
        assertTrue(written.contains(markdown), "report.md among " + written);
        assertTrue(Files.exists(ablation.results().resolve("report").resolve(Report.HTML)));
        System.out.println("Report: " + markdown.toUri());
    }
}
