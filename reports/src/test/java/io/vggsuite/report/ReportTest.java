package io.vggsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.results.ResultsRoot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The whole report of the fixture folder, generated once (Table 2 builds six ImageNet-size nets).
 * {@code -Dreport.golden.update=true} rewrites the golden Markdown instead of comparing with it.
 */
class ReportTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/report.md");

    @TempDir
    static Path results;

    private static List<Path> written;

    @BeforeAll
    static void generate() {
        Fixtures.write(results);
        written = Report.generate(results);
    }

    @Test
    void writesMarkdownHtmlLatexAndPlotsUnderReport() {
        Path report = results.resolve("report");
        assertTrue(written.containsAll(List.of(report.resolve("report.md"), report.resolve("report.html"),
                report.resolve("tables.tex"), report.resolve("plots/claims.png"), report.resolve("plots/claims.svg"),
                report.resolve("plots/error-vs-depth.png"),
                report.resolve("plots/evaluation-methods.svg"), report.resolve("plots/learning-curves-d.png"))),
                written.toString());
        assertTrue(written.stream().allMatch(Files::isRegularFile));
    }

    @Test
    void plotsAreRealImages() throws IOException {
        var image = ImageIO.read(results.resolve("report/plots/error-vs-depth.png").toFile());
        assertEquals(900, image.getWidth());
        assertTrue(Files.readString(results.resolve("report/plots/error-vs-depth.svg")).contains("<svg"));
    }

    @Test
    void htmlIsWellFormedAndSelfContained() throws Exception {
        byte[] html = Files.readAllBytes(results.resolve("report/report.html"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document dom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(html));

        Set<String> ids = new HashSet<>();
        List<String> links = new ArrayList<>();
        NodeList all = dom.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("id")) {
                assertTrue(ids.add(e.getAttribute("id")), "duplicate id " + e.getAttribute("id"));
            }
            for (String attribute : List.of("src", "href")) {
                if (e.hasAttribute(attribute)) {
                    links.add(e.getAttribute(attribute));
                }
            }
        }
        assertTrue(links.stream().anyMatch(l -> l.startsWith("data:image/png;base64,")));
        for (String link : links) {
            assertTrue(link.startsWith("data:") || (link.startsWith("#") && ids.contains(link.substring(1))),
                    "external or dangling link: " + link);
        }
        assertTrue(dom.getElementsByTagName("table").getLength() >= 9);
    }

    @Test
    void markdownTablesHaveTheSameColumnCountOnEveryRow() throws IOException {
        List<String> lines = Files.readAllLines(results.resolve("report/report.md"));
        int tables = 0;
        int columns = -1;
        for (String line : lines) {
            if (line.startsWith("|")) {
                int count = cells(line);
                if (columns < 0) {
                    columns = count;
                    tables++;
                }
                assertEquals(columns, count, "row of a " + columns + "-column table: " + line);
            } else {
                columns = -1;
            }
        }
        assertEquals(12, tables);
    }

    @Test
    void theClaimsFigureComesFirst_afterTheVerdictsCounted() throws IOException {
        String markdown = Files.readString(results.resolve("report/report.md"));
        int counted = markdown.indexOf("The paper's 7 claims at this budget: 2 reproduced, 1 contradicted, 0 smaller"
                + " than the paper's effect, 3 inconclusive, 0 out of scope at this budget, 1 not run.");
        int beyond = markdown.indexOf("Beyond the paper, 2 ablation claims: 1 reproduced,");
        int figure = markdown.indexOf("](plots/claims.png)");
        int firstSection = markdown.indexOf("\n## ");
        assertTrue(counted > 0 && counted < beyond && beyond < figure && figure < firstSection,
                counted + " " + beyond + " " + figure + " " + firstSection);
    }

    @Test
    void theLatexIncludesTheFiguresByTheirPathsBesideIt() throws IOException {
        String latex = Files.readString(results.resolve("report/tables.tex"));
        assertTrue(latex.contains("\\includegraphics[width=\\linewidth]{plots/claims.png}"), latex);
        assertTrue(latex.contains("\\label{fig:learning-curves-d}"));
        assertTrue(latex.indexOf("{plots/claims.png}") < latex.indexOf("\\label{tab:claims}"));
    }

    @Test
    void table2ComparesTheBuiltNetsWithThePaper() throws IOException {
        String markdown = Files.readString(results.resolve("report/report.md"));
        assertTrue(markdown.contains("| A | 11 | 133 | 133 | 132,863,336 |"), markdown);
        assertTrue(markdown.contains("| E | 19 | 144 | 144 | 143,667,240 |"));
    }

    @Test
    void markdownMatchesTheGoldenFile() throws IOException {
        String markdown = Files.readString(results.resolve("report/report.md"))
                .replace("Results folder " + results.toAbsolutePath().normalize().getFileName(),
                        "Results folder <results>");
        if (Boolean.getBoolean("report.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, markdown);
        }
        assertEquals(Files.readString(GOLDEN), markdown,
                "the report changed; if intended, rerun with -Dreport.golden.update=true and review the diff");
    }

    @Test
    void regeneratingAfterMoreRunsUpdatesTheReport() throws IOException {
        Path more = results.resolveSibling(results.getFileName() + "-resumed");
        ResultsRoot root = Fixtures.write(more);
        Fixtures.complete(root, "C", "[256;512]", "37-73", "fine-tune", 1, 26.1, 25.1);
        Report.generate(more, config -> new ParameterTable.Counted(1, 1));
        String markdown = Files.readString(more.resolve("report/report.md"));
        assertTrue(markdown.contains("| C | [256;512] | 384 | 27.3 | 8.8 | [37;73] | 55 | 26.1"), markdown);
    }

    /** Cells of a Markdown table row: unescaped pipes minus one. */
    private static int cells(String line) {
        int pipes = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|' && (i == 0 || line.charAt(i - 1) != '\\')) {
                pipes++;
            }
        }
        return pipes - 1;
    }
}
