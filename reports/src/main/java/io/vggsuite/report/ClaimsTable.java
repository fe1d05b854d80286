package io.vggsuite.report;

import io.vggsuite.report.paper.PaperRow;
import io.vggsuite.report.paper.PaperValues;
import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.results.ClaimRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The paper's twelve claims, each with the paper's evidence (from {@code vgg-paper.csv}) and the
 * verdict our experiments wrote to {@code claims.csv}. A claim without a verdict yet says "not run".
 */
final class ClaimsTable {

    private ClaimsTable() {}

    static Table claims(PaperValues paper, List<ClaimRecord> verdicts) {
        Map<Integer, ClaimRecord> byId = verdicts.stream()
                .collect(Collectors.toMap(ClaimRecord::id, Function.identity(), (first, later) -> later));
        List<List<Cell>> rows = new ArrayList<>();
        for (PaperRow claim : paper.of(PaperValues.CLAIM)) {
            Optional<ClaimRecord> ours = Optional.ofNullable(byId.get(claim.row()));
            rows.add(row(claim.row(), claim.text(), claim.evidence(), ours));
        }
        Set<Integer> known = paper.of(PaperValues.CLAIM).stream().map(PaperRow::row).collect(Collectors.toSet());
        List<String> notes = new ArrayList<>(List.of(
                "Effect size: as computed by the experiments (for error comparisons, percentage points of top-1"
                        + " error); p-value: the experiments' paired test. Both from claims.csv."));
        for (ClaimRecord extra : verdicts) {
            if (!known.contains(extra.id())) {
                rows.add(row(extra.id(), extra.claim(), "—", Optional.of(extra)));
                notes.add("Claim " + extra.id() + " is not one of the paper's twelve; shown as claims.csv has it.");
            }
        }
        return new Table("claims", "The paper's claims and our verdicts",
                List.of("#", "claim", "paper's evidence", "our evidence", "effect size", "p-value", "verdict"),
                rows, notes);
    }

    private static List<Cell> row(int id, String claim, String paperEvidence, Optional<ClaimRecord> ours) {
        if (ours.isEmpty()) {
            Cell notRun = Cell.missing(Formats.NOT_RUN);
            return List.of(Cell.of(Integer.toString(id)), Cell.of(claim), Cell.of(paperEvidence), notRun,
                    Cell.missing(Formats.NOT_MEASURED), Cell.missing(Formats.NOT_MEASURED), notRun);
        }
        ClaimRecord c = ours.get();
        return List.of(Cell.of(Integer.toString(id)), Cell.of(claim), Cell.of(paperEvidence), Cell.of(c.ourEvidence()),
                numberCell(Formats.effect(c.effectSize())), numberCell(Formats.pValue(c.pValue())),
                Cell.of(c.verdict().label()));
    }

    private static Cell numberCell(String text) {
        return text.equals(Formats.NOT_MEASURED) ? Cell.missing(text) : Cell.of(text);
    }
}
