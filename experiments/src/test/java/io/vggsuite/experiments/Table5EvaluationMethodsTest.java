package io.vggsuite.experiments;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.ablation.PaperRow;
import io.vggsuite.eval.Scores;
import io.vggsuite.model.VggConfig;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.train.TrainedRun;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@PaperExperiment
@Order(3)
@DisplayName("Table 5: dense vs multi-crop evaluation of jittered-S nets, Q = {256, 384, 512}")
class Table5EvaluationMethodsTest {

    static final List<Integer> TEST_SCALES = new PaperRow(VggConfig.D, AblationPlan.JITTERED).multiTestScales();

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"D, DENSE", "D, MULTI_CROP", "D, DENSE_AND_MULTI_CROP",
                "E, DENSE", "E, MULTI_CROP", "E, DENSE_AND_MULTI_CROP"})
    @DisplayName("each evaluation method of Section 3.2 runs over the three scales")
    void eachEvaluationMethodRunsOverThreeScales(VggConfig config, EvalMethod method, Ablation ablation,
            TestReporter reporter) {
        List<TrainedRun> runs = Machinery.trainedOrDivergedOnRecord(
                ablation.perSeed(plan -> plan.run(config, AblationPlan.JITTERED)), reporter);
        List<Scores> scores = runs.stream().map(run -> ablation.scores(run, method, TEST_SCALES)).toList();
        Machinery.evaluated(ablation, runs, scores, reporter);
    }
}
