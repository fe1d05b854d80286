package io.vggsuite.report;

import io.vggsuite.report.paper.PaperRow;
import io.vggsuite.report.paper.PaperValues;
import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Ref;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Section 3.1's initialisation study: every configuration and training scale that was trained more
 * than one way, one row per initialisation, with how far each got. The paper gives no numbers, only
 * what it did and that Glorot initialisation works without pre-training; those sentences are quoted
 * below the table.
 */
final class InitialisationTable {

    private InitialisationTable() {}

    static Table study(PaperValues paper, RunIndex index) {
        List<List<Cell>> rows = new ArrayList<>();
        for (String scale : index.paperScales()) {
            for (RunInfo any : index.all()) {
                String config = any.config().orElse("");
                String trainScale = any.paperTrainScale().orElse("");
                if (!any.scale().equals(scale) || config.isEmpty() || trainScale.isEmpty()) {
                    continue;
                }
                List<RunInfo> runs = index.runsFor(config, trainScale, scale);
                Map<String, List<RunInfo>> byInit = RunIndex.byInit(runs);
                boolean firstOfGroup = runs.get(0) == any;
                if (byInit.size() < 2 || !firstOfGroup) {
                    continue;
                }
                byInit.forEach((init, group) -> rows.add(row(scale, config, trainScale, init, group)));
            }
        }
        List<String> notes = new ArrayList<>();
        if (rows.isEmpty()) {
            notes.add("No configuration was trained with more than one initialisation in these results.");
        }
        for (PaperRow quote : paper.of(PaperValues.SECTION_3_1)) {
            notes.add("Paper, " + quote.init() + " (Section 3.1): " + quote.text());
        }
        notes.add("Last val. top-1: the last finite validation top-1 error in epochs.csv, mean ± std over seeds.");
        return new Table("initialisation", "Section 3.1: initialisation study (same configuration, different init)",
                List.of("scale", ErrorTables.CONFIG, ErrorTables.TRAIN_S + " · paper", "init", "runs",
                        "outcome", "epochs run", "last val. top-1 error (%)"),
                rows, notes);
    }

    private static List<Cell> row(String scale, String config, String trainScale, String init, List<RunInfo> runs) {
        List<Ref> refs = runs.stream().map(RunInfo::ref).toList();
        long complete = runs.stream().filter(r -> r.status() == RunStatus.COMPLETE).count();
        List<String> diverged = runs.stream()
                .flatMap(r -> r.divergence().stream())
                .map(d -> "epoch " + d.epoch())
                .toList();
        List<String> outcome = new ArrayList<>();
        if (complete > 0) {
            outcome.add(complete + " complete");
        }
        if (!diverged.isEmpty()) {
            outcome.add(Formats.DIVERGED + " at " + String.join(", ", diverged));
        }
        long running = runs.size() - complete - diverged.size();
        if (running > 0) {
            outcome.add(running + " running or stopped");
        }
        TreeSet<Integer> epochs = new TreeSet<>();
        runs.forEach(r -> epochs.add(r.epochs().size()));
        List<Double> lastErrors = runs.stream()
                .filter(r -> r.status() != RunStatus.DIVERGED)
                .map(InitialisationTable::lastTop1)
                .flatMap(Optional::stream)
                .toList();
        Cell error = lastErrors.isEmpty()
                ? new Cell(diverged.size() == runs.size() ? Formats.DIVERGED : Formats.NOT_MEASURED, true, refs,
                        Optional.empty())
                : Cell.withRefs(Formats.meanStd(lastErrors), refs);
        return List.of(Cell.of(scale), Cell.of(config), Cell.of(trainScale), Cell.of(init),
                Cell.of(Integer.toString(runs.size())), Cell.of(String.join("; ", outcome)),
                Cell.of(epochs.first().equals(epochs.last()) ? epochs.first().toString()
                        : epochs.first() + "–" + epochs.last()),
                error);
    }

    private static Optional<Double> lastTop1(RunInfo run) {
        List<EpochRecord> epochs = run.epochs();
        for (int i = epochs.size() - 1; i >= 0; i--) {
            double error = epochs.get(i).validationTop1Error();
            if (Double.isFinite(error)) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }
}
