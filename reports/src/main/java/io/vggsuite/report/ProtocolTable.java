package io.vggsuite.report;

import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.results.DepartureRecord;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.ResultsRoot;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the runs depart from the paper's protocol: the rows of the results folder's {@code
 * protocol.csv}, which the ablation writes from the code's own declarations, so the report states
 * what the runs did rather than what someone wrote about them.
 */
final class ProtocolTable {

    private ProtocolTable() {}

    static Table departures(List<DepartureRecord> departures, RunIndex index) {
        List<List<Cell>> rows = departures.stream()
                .map(d -> List.of(Cell.of(d.topic()), Cell.of(d.paperSays()), Cell.of(d.suiteDoes()), Cell.of(d.why())))
                .toList();
        List<String> notes = new ArrayList<>();
        notes.add(departures.isEmpty()
                ? "This results folder has no " + ResultsRoot.PROTOCOL_FILE + ": its runs predate it, or it"
                        + " was not written by the ablation."
                : "From " + ResultsRoot.PROTOCOL_FILE + ", written by the ablation from the constants its runs use.");
        // Kept posteriors are reused, so a folder evaluated before issue 33 keeps the earlier dense method.
        List<String> earlierDense = index.all().stream()
                .filter(r -> r.finals().stream().anyMatch(f -> f.method() == EvalMethod.DENSE))
                .filter(r -> r.provenance().get(ProvenanceKeys.DENSE_EVALUATION).isEmpty())
                .map(RunInfo::label)
                .toList();
        if (!earlierDense.isEmpty()) {
            notes.add(earlierDense.size() + " of " + index.all().size() + " runs computed their dense scores before"
                    + " dense evaluation became one pass (issue 33): as separate windows cut from the image and"
                    + " padded with zeros, at offsets round(j·crop/7), not padded by their neighbours as the dense"
                    + " row above says: " + String.join(", ", earlierDense) + ".");
        }
        return new Table("protocol", "Protocol: where these runs depart from the paper",
                List.of("topic", "the paper", "this suite, at this budget", "why"), rows, notes);
    }
}
