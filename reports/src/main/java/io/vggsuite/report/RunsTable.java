package io.vggsuite.report;

import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where every number came from: one row per run folder, the target of every superscript link, with
 * the settings and machine facts of its {@code run.properties}.
 */
final class RunsTable {

    private RunsTable() {}

    static Table runs(RunIndex index) {
        List<List<Cell>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (RunInfo run : index.all()) {
            rows.add(List.of(
                    Cell.anchored(run.label(), run.anchor()),
                    Cell.of(RunFolder.RUNS + "/" + run.runId()),
                    run.config().map(Cell::of).orElse(Cell.missing("?")),
                    Cell.of(run.paperTrainScale().orElse("?") + " → " + run.trainScale()),
                    run.key().map(k -> Cell.of(k.start())).orElse(Cell.missing("?")),
                    run.key().map(k -> Cell.of(Long.toString(k.seed()))).orElse(Cell.missing("?")),
                    Cell.of(run.scale()),
                    status(run),
                    Cell.of(Integer.toString(run.epochs().size())),
                    Cell.of(commit(run)),
                    text(run, ProvenanceKeys.DEVICE),
                    Cell.of(run.provenance().get(ProvenanceKeys.DJL_VERSION).orElse("?") + " / "
                            + run.provenance().get(ProvenanceKeys.PYTORCH_VERSION).orElse("?"))));
            run.problem().ifPresent(p -> notes.add(run.label() + " could not be read: " + p));
            if (run.problem().isEmpty() && run.config().isEmpty()) {
                notes.add(run.label() + " has no " + RunFolder.KEY_FILE + " (the trainer writes it), so no table shows it.");
            }
        }
        if (rows.isEmpty()) {
            notes.add("No run folders yet.");
        }
        return new Table("runs", "Runs: the provenance of every number",
                List.of("ref", "folder", "config", "train S (paper → ours)", "init", "seed", "scale", "status",
                        "epochs", "commit", "device", "DJL / PyTorch"),
                rows, notes);
    }

    private static Cell text(RunInfo run, String key) {
        return run.provenance().get(key).map(Cell::of).orElse(Cell.missing("?"));
    }

    private static Cell status(RunInfo run) {
        if (run.problem().isPresent()) {
            return Cell.missing("unreadable");
        }
        if (run.status() == RunStatus.DIVERGED) {
            return Cell.of(run.divergence()
                    .map(d -> Formats.DIVERGED + " at epoch " + d.epoch() + " (last finite loss "
                            + String.format(Locale.ROOT, "%.3g", d.lastFiniteLoss()) + ")")
                    .orElse(Formats.DIVERGED));
        }
        return Cell.of(run.status() == RunStatus.COMPLETE ? "complete" : "running or stopped");
    }

    private static String commit(RunInfo run) {
        String commit = run.provenance().get(ProvenanceKeys.GIT_COMMIT).orElse("?");
        String shortCommit = commit.length() > 10 ? commit.substring(0, 10) : commit;
        return run.provenance().get(ProvenanceKeys.GIT_DIRTY).filter("true"::equals).isPresent()
                ? shortCommit + " (dirty)"
                : shortCommit;
    }
}
