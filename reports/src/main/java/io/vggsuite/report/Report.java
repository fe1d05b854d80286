package io.vggsuite.report;

import io.vggsuite.model.VggConfig;
import io.vggsuite.report.paper.PaperValues;
import io.vggsuite.report.render.Document;
import io.vggsuite.report.render.Document.Block;
import io.vggsuite.report.render.Document.Figure;
import io.vggsuite.report.render.Document.Heading;
import io.vggsuite.report.render.Document.Paragraph;
import io.vggsuite.report.render.HtmlRenderer;
import io.vggsuite.report.render.LatexRenderer;
import io.vggsuite.report.render.MarkdownRenderer;
import io.vggsuite.results.AtomicFiles;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates the report of a results folder into {@code <results>/report/}: {@code report.md}
 * (GitHub Markdown with the plots under {@code plots/}), {@code report.html} (one self-contained
 * page), {@code tables.tex} (booktabs) and {@code plots/*.png|svg}. Works on any results folder,
 * complete or not: what has not run says so. Every file is replaced atomically.
 */
public final class Report {

    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";
    public static final String LATEX = "tables.tex";
    public static final String PLOTS = "plots";

    private Report() {}

    /** Writes the report of {@code resultsRoot}; returns the files written. */
    public static List<Path> generate(Path resultsRoot) {
        return generate(resultsRoot, ParameterCounts::imagenet);
    }

    static List<Path> generate(Path resultsRoot, Function<VggConfig, ParameterTable.Counted> parameterCounts) {
        if (!Files.isDirectory(resultsRoot)) {
            throw new IllegalArgumentException("results folder " + resultsRoot + " does not exist or is not a folder");
        }
        ResultsRoot root = ResultsRoot.at(resultsRoot);
        Document document = document(root, PaperValues.load(), parameterCounts);
        Path dir = root.reportDir();
        Path plots = dir.resolve(PLOTS);
        List<Path> written = new ArrayList<>();
        try {
            for (Block block : document.blocks()) {
                if (block instanceof Figure f) {
                    written.add(write(plots.resolve(f.fileStem() + ".png"), f.png()));
                    written.add(write(plots.resolve(f.fileStem() + ".svg"), f.svg().getBytes(StandardCharsets.UTF_8)));
                }
            }
            removeStalePlots(plots, written);
            written.add(write(dir.resolve(MARKDOWN), MarkdownRenderer.render(document).getBytes(StandardCharsets.UTF_8)));
            written.add(write(dir.resolve(HTML), HtmlRenderer.render(document).getBytes(StandardCharsets.UTF_8)));
            written.add(write(dir.resolve(LATEX), LatexRenderer.render(document).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir, e);
        }
        return written;
    }

    static Document document(
            ResultsRoot root, PaperValues paper, Function<VggConfig, ParameterTable.Counted> parameterCounts) {
        RunIndex index = RunIndex.read(root);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(summary(root, index)));
        List<ClaimRecord> claims = root.claims();
        // What a reviewer of a reproduction looks at first: the verdicts counted, then the claims in one picture.
        VerdictCounts.summary(claims).forEach(line -> blocks.add(new Paragraph(line)));
        ClaimsFigure.figure(claims).ifPresent(blocks::add);
        blocks.add(new Paragraph("Paper: K. Simonyan and A. Zisserman, \"Very Deep Convolutional Networks for"
                + " Large-Scale Image Recognition\", ICLR 2015 (arXiv:1409.1556). Its numbers come from the"
                + " resource io/vggsuite/report/paper/vgg-paper.csv, each with its table and row. Errors are"
                + " percentages to one decimal as in the paper; a missing number reads \"" + Formats.NOT_RUN
                + "\" (no run), \"" + Formats.DIVERGED + "\" or \"" + Formats.NOT_MEASURED + "\" (run without"
                + " this number yet), never 0."));
        section(blocks, "Protocol", "sec-protocol");
        blocks.add(ProtocolTable.departures(root.protocol(), index));
        section(blocks, "Claims", "sec-claims");
        blocks.add(ClaimsTable.claims(claims));
        section(blocks, "Table 2: parameters", "sec-table2");
        blocks.add(ParameterTable.table2(paper, parameterCounts));
        section(blocks, "Table 3: single test scale", "sec-table3");
        blocks.add(ErrorTables.table3(paper, index));
        section(blocks, "Table 4: multiple test scales", "sec-table4");
        blocks.add(ErrorTables.table4(paper, index));
        section(blocks, "Table 5: dense and multi-crop evaluation", "sec-table5");
        blocks.add(ErrorTables.table5(paper, index));
        section(blocks, "Table 6: fusion", "sec-table6");
        blocks.add(FusionTable.table6(paper, index, root.fusion()));
        section(blocks, "Section 4.1: B against B-5×5", "sec-b5x5");
        blocks.add(FilterSizeTable.compare(paper, index));
        section(blocks, "Section 3.1: initialisation", "sec-init");
        blocks.add(InitialisationTable.study(paper, index));
        section(blocks, "Beyond the paper", "sec-beyond");
        blocks.addAll(BeyondPaperTables.of(claims.stream().filter(ClaimRecord::beyondThePaper).toList(), root.arms(),
                index));
        section(blocks, "Plots", "sec-plots");
        blocks.add(Figures.errorVsDepth(paper, index));
        blocks.add(Figures.evaluationMethods(paper, index));
        List<Figure> curves = LearningCurves.figures(index);
        if (curves.isEmpty()) {
            blocks.add(new Paragraph("Learning curves: no run has finished an epoch yet."));
        }
        blocks.addAll(curves);
        section(blocks, "Runs", "sec-runs");
        blocks.add(RunsTable.runs(index));
        return new Document("VGG (Simonyan & Zisserman, 2015): the paper's tables and ours", blocks);
    }

    private static void section(List<Block> blocks, String title, String anchor) {
        blocks.add(new Heading(2, title, anchor));
    }

    private static String summary(ResultsRoot root, RunIndex index) {
        long complete = index.all().stream().filter(r -> r.status() == RunStatus.COMPLETE).count();
        long diverged = index.all().stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
        long other = index.all().size() - complete - diverged;
        // The folder's name only: the report lives inside it, and a published report must not
        // carry the absolute path of the machine that wrote it.
        return "Results folder " + root.root().toAbsolutePath().normalize().getFileName() + ": " + index.all().size()
                + " runs ("
                + complete + " complete, " + diverged + " diverged, " + other + " running or stopped), at "
                + String.join("; ", index.scales()) + ".";
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        AtomicFiles.writeBytes(file, out -> out.write(bytes));
        return file;
    }

    /** Plots of an earlier report whose subject is gone (e.g. a configuration no longer in the folder). */
    private static void removeStalePlots(Path plots, List<Path> written) throws IOException {
        if (!Files.isDirectory(plots)) {
            return;
        }
        Set<Path> keep = written.stream().map(Path::toAbsolutePath).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(plots)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if ((name.endsWith(".png") || name.endsWith(".svg")) && !keep.contains(file.toAbsolutePath())) {
                    Files.delete(file);
                }
            }
        }
    }
}
