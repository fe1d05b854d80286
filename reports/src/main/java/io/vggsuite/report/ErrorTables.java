package io.vggsuite.report;

import io.vggsuite.report.paper.PaperRow;
import io.vggsuite.report.paper.PaperValues;
import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.results.EvalMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables 3, 4 and 5 of the paper, each row beside ours: the same rows in the same order, the
 * paper's column headings, then for each scale our runs are at, what ran (S, Q) and the errors.
 */
final class ErrorTables {

    static final String CONFIG = "ConvNet config.";
    static final String METHOD = "Evaluation method";
    static final String TRAIN_S = "train (S)";
    static final String TEST_Q = "test (Q)";
    static final String TOP1 = "top-1 val. error (%)";
    static final String TOP5 = "top-5 val. error (%)";
    static final String PAPER_SCALE = "ILSVRC-2012 (paper)";

    private ErrorTables() {}

    static Table table3(PaperValues paper, RunIndex index) {
        return build("table3", "Table 3: ConvNet performance at a single test scale (dense evaluation)",
                paper.of(PaperValues.TABLE_3), false, index,
                List.of("Q = S for fixed S; Q = ½(Smin + Smax) for jittered S ∈ [Smin, Smax]. Ours: the dense"
                        + " final row at the one test scale standing for the paper's Q."));
    }

    static Table table4(PaperValues paper, RunIndex index) {
        return build("table4", "Table 4: ConvNet performance at multiple test scales (dense evaluation)",
                paper.of(PaperValues.TABLE_4), false, index,
                List.of("Q = {S − 32, S, S + 32} for fixed S; Q = {Smin, ½(Smin + Smax), Smax} for jittered S."
                        + " Ours: the dense final row at the three scales standing for the paper's Q."));
    }

    static Table table5(PaperValues paper, RunIndex index) {
        return build("table5", "Table 5: ConvNet evaluation techniques compared (training S ∈ [256;512], "
                        + "Q = {256, 384, 512})",
                paper.of(PaperValues.TABLE_5), true, index,
                List.of("Multi-crop & dense averages the soft-max outputs of both (Section 4.3)."));
    }


    static List<String> ourHeadings(String scale) {
        return List.of(TRAIN_S + " · " + scale, TEST_Q + " · " + scale, TOP1 + " · " + scale, TOP5 + " · " + scale);
    }

    private static Table build(
            String id, String caption, List<PaperRow> rows, boolean methodColumn, RunIndex index, List<String> notes) {
        List<String> scales = index.paperScales();
        List<String> header = new ArrayList<>();
        header.add(CONFIG);
        if (methodColumn) {
            header.add(METHOD);
        }
        header.addAll(List.of(TRAIN_S + " · " + PAPER_SCALE, TEST_Q + " · " + PAPER_SCALE,
                TOP1 + " · " + PAPER_SCALE, TOP5 + " · " + PAPER_SCALE));
        scales.forEach(scale -> header.addAll(ourHeadings(scale)));

        List<List<Cell>> body = new ArrayList<>();
        for (PaperRow row : rows) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.of(row.config()));
            if (methodColumn) {
                cells.add(Cell.of(EvalMethod.fromId(row.method()).label()));
            }
            cells.add(Cell.of(row.trainScale()));
            cells.add(Cell.of(Formats.scales(row.testScales())));
            cells.add(Cell.of(Formats.error(row.top1Error().orElseThrow())));
            cells.add(Cell.of(Formats.error(row.top5Error().orElseThrow())));
            for (String scale : scales) {
                List<RunInfo> runs = index.protocolRuns(row.config(), row.trainScale(), scale);
                cells.add(trainScaleCell(runs));
                Outcome outcome = RunIndex.outcome(runs, RunIndex.finalAt(row.method(), row.testScales()));
                cells.add(outcome.testScales());
                cells.add(outcome.top1());
                cells.add(outcome.top5());
            }
            body.add(cells);
        }
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.add(protocolNote());
        return new Table(id, caption, header, body, allNotes);
    }

    /** Our training scale for a row: what the runs' provenance says, or "not run". */
    static Cell trainScaleCell(List<RunInfo> runs) {
        if (runs.isEmpty()) {
            return Cell.missing(Formats.NOT_RUN);
        }
        return Cell.of(String.join(" / ", runs.stream().map(RunInfo::trainScale).distinct().toList()));
    }

    static String protocolNote() {
        return "Ours: mean ± sample std over seeds (n = seeds with a number); superscripts link to the runs."
                + " Where a row was trained several ways, the first of " + String.join(", ", RunIndex.PROTOCOL_ORDER)
                + " is shown (the paper's protocol, Section 3.1); the others are in the initialisation study.";
    }
}
