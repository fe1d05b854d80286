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
@Order(2)
@DisplayName("Table 4: ConvNet performance at multiple test scales ({S−32, S, S+32}, or {Smin, ½(Smin+Smax), Smax})")
class Table4MultiScaleTest {

    static Stream<PaperRow> rows() {
        return PaperRow.TABLE_4.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @DisplayName("the class posteriors of three test scales are averaged")
    void posteriorsAreAveragedOverThreeTestScales(PaperRow row, Ablation ablation, TestReporter reporter) {
        List<TrainedRun> runs = Machinery.trainedOrDivergedOnRecord(
                ablation.perSeed(plan -> plan.run(row.config(), row.trainScale())), reporter);
        List<Scores> scores = runs.stream()
                .map(run -> ablation.scores(run, EvalMethod.DENSE, row.multiTestScales()))
                .toList();
        Machinery.evaluated(ablation, runs, scores, reporter);
    }
}
