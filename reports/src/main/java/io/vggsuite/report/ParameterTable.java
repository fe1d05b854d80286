package io.vggsuite.report;

import io.vggsuite.model.VggConfig;
import io.vggsuite.report.paper.PaperRow;
import io.vggsuite.report.paper.PaperValues;
import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Table 2: parameters in millions, the paper's beside those counted from the nets we build. */
final class ParameterTable {

    /** What building one configuration at the paper's size gives. */
    record Counted(long parameters, int weightLayers) {}

    private ParameterTable() {}

    static Table table2(PaperValues paper, Function<VggConfig, Counted> count) {
        List<List<Cell>> rows = new ArrayList<>();
        for (PaperRow row : paper.of(PaperValues.TABLE_2)) {
            Counted counted = count.apply(VggConfig.fromName(row.config()));
            rows.add(List.of(
                    Cell.of(row.config()),
                    Cell.of(Integer.toString(counted.weightLayers())),
                    Cell.of(Formats.plain(row.value().orElseThrow())),
                    Cell.of(Long.toString(Math.round(counted.parameters() / 1e6))),
                    Cell.of(String.format(Locale.ROOT, "%,d", counted.parameters()))));
        }
        return new Table("table2", "Table 2: Number of parameters (in millions)",
                List.of(ErrorTables.CONFIG, "weight layers (built)", "parameters (M), paper",
                        "parameters (M), built", "parameters, built (exact)"),
                rows,
                List.of("Built with io.vggsuite.model at the paper's size: 224 × 224 × 3 input, 1000 classes,"
                        + " full width; weights and biases counted from the initialised DJL blocks."));
    }
}
