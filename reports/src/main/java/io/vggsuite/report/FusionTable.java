package io.vggsuite.report;

import io.vggsuite.report.paper.PaperRow;
import io.vggsuite.report.paper.PaperValues;
import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Ref;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.FusionRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Table 6, the fusion rows: the soft-max outputs of D and E averaged ({@code fusion.csv}). A fusion
 * record matches a paper row when its members' configurations are the row's ("D &amp; E"), and its
 * method and paper test scales are the row's. The paper's 7-net submission has no counterpart.
 */
final class FusionTable {

    private FusionTable() {}

    static Table table6(PaperValues paper, RunIndex index, List<FusionRecord> fusion) {
        List<String> scales = index.paperScales();
        List<String> header = new ArrayList<>(List.of("Combined ConvNet models", ErrorTables.METHOD,
                ErrorTables.TOP1 + " · " + ErrorTables.PAPER_SCALE, ErrorTables.TOP5 + " · " + ErrorTables.PAPER_SCALE));
        scales.forEach(scale -> header.addAll(List.of(ErrorTables.TEST_Q + " · " + scale,
                ErrorTables.TOP1 + " · " + scale, ErrorTables.TOP5 + " · " + scale)));

        List<List<Cell>> rows = new ArrayList<>();
        for (PaperRow row : paper.of(PaperValues.TABLE_6)) {
            List<Cell> cells = new ArrayList<>(List.of(
                    Cell.of(row.config()),
                    Cell.of(EvalMethod.fromId(row.method()).label()),
                    Cell.of(Formats.error(row.top1Error().orElseThrow())),
                    Cell.of(Formats.error(row.top5Error().orElseThrow()))));
            Set<String> configs = members(row.config());
            for (String scale : scales) {
                List<Observation> observations = new ArrayList<>();
                for (FusionRecord record : fusion) {
                    List<RunInfo> memberRuns = record.members().stream()
                            .map(index::byId)
                            .flatMap(Optional::stream)
                            .toList();
                    boolean matches = !configs.isEmpty()
                            && memberRuns.size() == record.members().size()
                            && memberRuns.stream().allMatch(r -> r.scale().equals(scale))
                            && configs.equals(configsOf(memberRuns))
                            && record.method().id().equals(row.method())
                            && record.paperTestScales().equals(row.testScales());
                    if (matches) {
                        List<Ref> refs = memberRuns.stream().map(RunInfo::ref).toList();
                        observations.add(new Observation(refs, record.testScales(), record.top1Error(), record.top5Error()));
                    }
                }
                Outcome outcome = Outcome.of(observations, List.of(), List.of());
                cells.add(outcome.testScales());
                cells.add(outcome.top1());
                cells.add(outcome.top5());
            }
            rows.add(cells);
        }
        return new Table("table6", "Table 6: Multiple ConvNet fusion results", header, rows, List.of(
                "Paper: D and E trained with scale jittering [256;512], tested at Q = {256, 384, 512}; the ILSVRC"
                        + " submission row fused 7 nets and is shown for reference only.",
                "Ours: from fusion.csv, mean ± std over ensembles of different seeds; superscripts link to the member runs."));
    }

    /** "D & E" → {D, E}; a row that names no configurations (the 7-net submission) → {}. */
    private static Set<String> members(String label) {
        if (!label.contains("&")) {
            return Set.of();
        }
        return new TreeSet<>(Arrays.stream(label.split("&")).map(String::trim).toList());
    }

    private static Set<String> configsOf(List<RunInfo> runs) {
        Set<String> configs = new TreeSet<>();
        runs.forEach(r -> r.config().ifPresent(configs::add));
        return configs;
    }
}
