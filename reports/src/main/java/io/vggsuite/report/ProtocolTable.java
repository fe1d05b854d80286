package io.vggsuite.report;

import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.results.DepartureRecord;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.ResultsRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the runs depart from the paper's protocol: the rows of the results folder's {@code
 * protocol.csv}, which the ablation writes from the code's own declarations, so the report states
 * what the runs did rather than what someone wrote about them.
 */
final class ProtocolTable {

    /** How dense scores were computed before issue 33, when the run's provenance did not say. */
    static final String BEFORE_ONE_PASS = "before issue 33, as separate windows cut from the image and padded with"
            + " zeros at offsets round(j·crop/7)";

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
        // Kept posteriors are reused, so one folder can hold dense scores computed in different ways.
        Map<String, List<String>> byForm = new TreeMap<>();
        index.all().stream()
                .filter(r -> r.finals().stream().anyMatch(f -> f.method() == EvalMethod.DENSE))
                .forEach(r -> byForm.computeIfAbsent(r.provenance().get(ProvenanceKeys.DENSE_EVALUATION)
                        .orElse(BEFORE_ONE_PASS), form -> new ArrayList<>()).add(r.label()));
        if (byForm.size() > 1 || byForm.containsKey(BEFORE_ONE_PASS)) {
            String forms = byForm.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().size() + " of "
                    + index.all().size() + " runs: " + String.join(", ", e.getValue()) + ")")
                    .collect(Collectors.joining("; "));
            notes.add(byForm.size() == 1
                    ? "Dense scores in this folder were computed " + forms + ", not as the dense row above says."
                    : "Dense scores in this folder were computed in " + byForm.size() + " ways, of which the dense"
                            + " row above names one: " + forms + ".");
        }
        return new Table("protocol", "Protocol: where these runs depart from the paper",
                List.of("topic", "the paper", "this suite, at this budget", "why"), rows, notes);
    }
}
