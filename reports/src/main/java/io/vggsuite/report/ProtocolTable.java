package io.vggsuite.report;

import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.results.DepartureRecord;
import io.vggsuite.results.ResultsRoot;
import java.util.List;

/**
 * Where the runs depart from the paper's protocol: the rows of the results folder's {@code
 * protocol.csv}, which the ablation writes from the code's own declarations, so the report states
 * what the runs did rather than what someone wrote about them.
 */
final class ProtocolTable {

    private ProtocolTable() {}

    static Table departures(List<DepartureRecord> departures) {
        List<List<Cell>> rows = departures.stream()
                .map(d -> List.of(Cell.of(d.topic()), Cell.of(d.paperSays()), Cell.of(d.suiteDoes()), Cell.of(d.why())))
                .toList();
        List<String> notes = departures.isEmpty()
                ? List.of("This results folder has no " + ResultsRoot.PROTOCOL_FILE + ": its runs predate it, or it"
                        + " was not written by the ablation.")
                : List.of("From " + ResultsRoot.PROTOCOL_FILE + ", written by the ablation from the constants its runs use.");
        return new Table("protocol", "Protocol: where these runs depart from the paper",
                List.of("topic", "the paper", "this suite, at this budget", "why"), rows, notes);
    }
}
