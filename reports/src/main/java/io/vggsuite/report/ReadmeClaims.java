package io.vggsuite.report;

import io.vggsuite.report.render.Document.Block;
import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Paragraph;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.report.render.MarkdownRenderer;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunStatus;
import io.vggsuite.results.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The claims table a README shows on its first screen, rendered from a results folder's
 * {@code claims.csv} (the published reference run's), and the marked block of the README that
 * holds it. One renderer for both the command that writes the block ({@code ReportMain --readme})
 * and the test that fails when the README and the published folder disagree, so the table on the
 * first screen is never typed by hand.
 */
public final class ReadmeClaims {

    /** The README's block starts after this line... */
    public static final String START = "<!-- claims: written by `java -jar reports/target/reports-0.1.0-SNAPSHOT.jar"
            + " RESULTS --readme README.md`; do not edit by hand -->";
    /** ...and ends before this one. */
    public static final String END = "<!-- claims: end -->";
    /** The block's first line names its results folder, relative to the README (see {@link #shownFolder}). */
    private static final Pattern FROM = Pattern.compile("^From `([^`]+)`: ", Pattern.MULTILINE);

    private ReadmeClaims() {}

    /**
     * The block's Markdown: which runs and seeds stand behind it, a link to the full report
     * (relative to {@code readmeDir}), and one row per claim with its effect, MDE and verdict.
     */
    public static String render(ResultsRoot root, Path readmeDir) {
        RunIndex index = RunIndex.read(root);
        List<ClaimRecord> claims = root.claims();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(status(root, index, readmeDir)));
        if (claims.isEmpty()) {
            blocks.add(new Paragraph("No claims yet: they are judged (claims.csv) once a seed's whole grid has"
                    + " trained and been evaluated."));
            return MarkdownRenderer.render(blocks).stripTrailing() + "\n";
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (ClaimRecord c : claims) {
            rows.add(List.of(Cell.of(c.id() + (c.beyondThePaper() ? " (beyond)" : "")), Cell.of(c.claim()),
                    ClaimsTable.numberCell(Formats.effect(c.paperEffect())), ClaimsTable.effectCell(c),
                    ClaimsTable.numberCell(ClaimsTable.points(c.mde())),
                    c.verdict() == Verdict.NOT_RUN ? Cell.missing(Formats.NOT_RUN) : Cell.of(ClaimsTable.verdict(c))));
        }
        blocks.add(new Table("readme-claims", "The paper's claims on " + index.paperScales().get(0),
                List.of("#", "claim", "paper effect", "our effect [95% CI]", "MDE", "verdict"), rows,
                List.of("Points of top-1 error, positive where the claim holds (equivalence: the second net's error"
                        + " minus the first's). MDE: the smallest effect this run detects with 80% power; a claim"
                        + " whose paper effect is below it cannot be decided here. The rule, the evidence of each"
                        + " verdict and the paper's tables beside ours are in the report.")));
        return MarkdownRenderer.render(blocks).stripTrailing() + "\n";
    }

    /** {@code readme} with its block between {@link #START} and {@link #END} replaced by {@code block}. */
    public static String replaceBlock(String readme, String block, Path readmeFile) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(readmeFile + " has no claims block: add the line '" + START
                    + "' and, after it, the line '" + END + "' where the table belongs");
        }
        return readme.substring(0, start + START.length()) + "\n" + block + readme.substring(end);
    }

    /** The block as it stands in {@code readme}, or empty where the markers are missing. */
    public static String currentBlock(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        return start < 0 || end < start ? "" : readme.substring(start + START.length() + 1, end);
    }

    /**
     * The results folder a rendered block names on its first line ("From `published/…`"), resolved
     * against {@code readmeDir}; empty where the block names none. The README says once which
     * published result it shows, and the test that keeps the two in step reads it from there.
     */
    public static Optional<Path> shownFolder(String block, Path readmeDir) {
        Matcher from = FROM.matcher(block);
        return from.find() ? Optional.of(readmeDir.resolve(from.group(1)).normalize()) : Optional.empty();
    }

    private static String status(ResultsRoot root, RunIndex index, Path readmeDir) {
        long complete = index.all().stream().filter(r -> r.status() == RunStatus.COMPLETE).count();
        long diverged = index.all().stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
        TreeSet<Long> seeds = new TreeSet<>();
        index.all().forEach(r -> r.key().ifPresent(k -> seeds.add(k.seed())));
        Path report = readmeDir.toAbsolutePath().normalize()
                .relativize(root.reportDir().resolve(Report.MARKDOWN).toAbsolutePath().normalize());
        return String.format(Locale.ROOT, "From `%s`: %d runs (%d complete, %d diverged, %d not finished) of seed%s %s."
                        + " Full report: [%s](%s) (also HTML and LaTeX beside it).",
                readmeDir.toAbsolutePath().normalize().relativize(root.root().toAbsolutePath().normalize()),
                index.all().size(), complete, diverged, index.all().size() - complete - diverged,
                seeds.size() == 1 ? "" : "s", seeds.isEmpty() ? "none" : seeds.toString().replaceAll("[\\[\\]]", ""),
                report, report.toString().replace('\\', '/'));
    }
}
