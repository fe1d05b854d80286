package io.vggsuite.experiments;

import io.vggsuite.ablation.PaperRow;
import io.vggsuite.eval.Scores;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.train.TrainedRun;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@PaperExperiment
@Order(1)
@DisplayName("Table 3: ConvNet performance at a single test scale (Q = S, or ½(Smin + Smax) for jittered S)")
class Table3SingleScaleTest {

    static Stream<PaperRow> rows() {
        return PaperRow.TABLE_3.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @DisplayName("each configuration is trained by the paper's protocol (or diverges on record) and evaluated densely"
            + " at one scale")
    void eachConfigurationIsEvaluatedAtOneTestScale(PaperRow row, Ablation ablation, TestReporter reporter) {
        List<TrainedRun> runs = Machinery.trainedOrDivergedOnRecord(
                ablation.perSeed(plan -> plan.run(row.config(), row.trainScale())), reporter);
        List<Scores> scores = runs.stream()
                .map(run -> ablation.scores(run, EvalMethod.DENSE, row.singleTestScale()))
                .toList();
        Machinery.evaluated(ablation, runs, scores, reporter);
    }
}
