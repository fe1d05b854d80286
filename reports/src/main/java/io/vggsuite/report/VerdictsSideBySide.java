package io.vggsuite.report;

import io.vggsuite.report.render.Document.Block;
import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Paragraph;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.report.render.MarkdownRenderer;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The claims of several results folders side by side, one column per folder, so that what a longer
 * budget changed is read off one table instead of two reports (issue 34: the reference's 16 epochs
 * against nets trained until the plateau rule stopped them). Every cell comes from a folder's own
 * {@code claims.csv}; a claim one folder judged and another did not is shown as not judged there.
 * A row where two folders judged the claim differently is marked, since that is what the
 * comparison is for; a folder that did not judge it differs from none.
 */
public final class VerdictsSideBySide {

    /** What a folder without the claim shows: its claims test has not run, or did not judge this one. */
    static final String NOT_JUDGED = "not judged";

    private VerdictsSideBySide() {}

    /** The Markdown table, folders named relative to {@code relativeTo}. */
    public static String render(List<ResultsRoot> folders, Path relativeTo) {
        if (folders.size() < 2) {
            throw new IllegalArgumentException("--side-by-side needs at least two results folders, got "
                    + folders.size());
        }
        List<Map<Integer, ClaimRecord>> byFolder = new ArrayList<>();
        Map<Integer, ClaimRecord> anyFolder = new LinkedHashMap<>();
        for (ResultsRoot folder : folders) {
            Map<Integer, ClaimRecord> claims = new LinkedHashMap<>();
            folder.claims().forEach(c -> claims.put(c.id(), c));
            byFolder.add(claims);
            claims.forEach(anyFolder::putIfAbsent);
        }
        List<String> header = new ArrayList<>(List.of("#", "claim", "paper effect"));
        folders.forEach(f -> header.add(name(f, relativeTo)));
        header.add("verdicts differ");
        List<List<Cell>> rows = new ArrayList<>();
        for (int id : new TreeSet<>(anyFolder.keySet())) {
            ClaimRecord first = anyFolder.get(id);
            List<Cell> row = new ArrayList<>(List.of(Cell.of(id + (first.beyondThePaper() ? " (beyond)" : "")),
                    Cell.of(first.claim()), ClaimsTable.numberCell(Formats.effect(first.paperEffect()))));
            TreeSet<String> verdicts = new TreeSet<>();
            for (Map<Integer, ClaimRecord> claims : byFolder) {
                Optional<ClaimRecord> c = Optional.ofNullable(claims.get(id));
                row.add(c.map(VerdictsSideBySide::cell).orElse(Cell.missing(NOT_JUDGED)));
                c.filter(r -> r.verdict() != Verdict.NOT_RUN).ifPresent(r -> verdicts.add(r.verdict().label()));
            }
            row.add(Cell.of(verdicts.size() > 1 ? "yes" : ""));
            rows.add(row);
        }
        List<Block> blocks = new ArrayList<>();
        if (rows.isEmpty()) {
            blocks.add(new Paragraph("No claims in any of these folders yet."));
        } else {
            blocks.add(new Table("verdicts-side-by-side", "The claims in each folder",
                    header, rows, List.of("Each cell: our effect [95% CI] in points of top-1 error, positive where the"
                            + " claim holds, then the verdict by the folder's own seeds and MDE. " + NOT_JUDGED
                            + ": no claims.csv row for it in that folder.")));
        }
        return MarkdownRenderer.render(blocks).stripTrailing() + "\n";
    }

    private static Cell cell(ClaimRecord c) {
        if (c.verdict() == Verdict.NOT_RUN) {
            return Cell.missing(Formats.NOT_RUN);
        }
        String effect = Double.isNaN(c.effect()) ? Formats.NOT_MEASURED
                : String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", c.effect(), c.low(), c.high());
        return Cell.of(effect + " · " + ClaimsTable.verdict(c));
    }

    private static String name(ResultsRoot folder, Path relativeTo) {
        Path root = folder.root().toAbsolutePath().normalize();
        Path base = relativeTo.toAbsolutePath().normalize();
        String path = root.startsWith(base) ? base.relativize(root).toString() : root.getFileName().toString();
        RunIndex index = RunIndex.read(folder);
        TreeSet<Long> seeds = new TreeSet<>();
        index.all().forEach(r -> r.key().ifPresent(k -> seeds.add(k.seed())));
        // The verdicts speak for the seeds of the runs they compared (arms.csv), which a folder filled
        // seed by seed can hold fewer of than its runs.
        TreeSet<Long> judged = new TreeSet<>();
        folder.arms().stream().flatMap(a -> a.runIds().stream()).forEach(id -> index.byId(id)
                .flatMap(RunInfo::key).ifPresent(k -> judged.add(k.seed())));
        String name = path.replace('\\', '/');
        if (!judged.isEmpty() && !judged.equals(seeds)) {
            return name + " (" + seeds(judged) + " judged; runs of " + seeds(seeds) + ")";
        }
        return name + (seeds.isEmpty() ? "" : " (" + seeds(seeds) + ")");
    }

    /** "seed 1" or "seeds 1, 2, 3". */
    private static String seeds(TreeSet<Long> seeds) {
        return "seed" + (seeds.size() == 1 ? " " : "s ") + seeds.toString().replaceAll("[\\[\\]]", "");
    }
}
