package io.vggsuite.experiments;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.eval.Scores;
import io.vggsuite.model.VggConfig;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.train.TrainedRun;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@PaperExperiment
@Order(5)
@DisplayName("Section 4.1: B against B-5×5, which replaces each pair of 3×3 conv. layers with a single 5×5 one")
class ShallowControlTest {

    @ParameterizedTest
    @EnumSource(value = VggConfig.class, names = {"B", "B_5X5"})
    @DisplayName("both nets are measured on a centre crop")
    void bothNetsAreMeasuredOnACentreCrop(VggConfig config, Ablation ablation, TestReporter reporter) {
        List<TrainedRun> runs = Machinery.trainedOrDivergedOnRecord(
                ablation.perSeed(plan -> plan.run(config, AblationPlan.S256)), reporter);
        List<Scores> scores = runs.stream()
                .map(run -> ablation.scores(run, EvalMethod.CENTRE_CROP, List.of(256)))
                .toList();
        Machinery.evaluated(ablation, runs, scores, reporter);
    }
}
