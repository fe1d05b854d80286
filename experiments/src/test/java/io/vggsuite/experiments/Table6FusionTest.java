package io.vggsuite.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.eval.Scores;
import io.vggsuite.model.VggConfig;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.FusionRecord;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.train.TrainedRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@PaperExperiment
@Order(4)
@DisplayName("Table 6: multiple ConvNet fusion — D and E (jittered, multi-scale), soft-max outputs averaged")
class Table6FusionTest {

    static final String LABEL = "D/[256;512] & E/[256;512]";

    @Test
    @DisplayName("the fused posteriors of D and E are scored for each evaluation method")
    void fusingDAndEAveragesTheirPosteriors(Ablation ablation) {
        List<FusionRecord> records = new ArrayList<>();
        List<Integer> q = Table5EvaluationMethodsTest.TEST_SCALES;
        List<Integer> ourQ = q.stream()
                .map(io.vggsuite.data.ScaleMapping.forCrop(ablation.budget().crop())::map)
                .toList();
        for (EvalMethod method : List.of(EvalMethod.DENSE, EvalMethod.MULTI_CROP, EvalMethod.DENSE_AND_MULTI_CROP)) {
            for (AblationPlan plan : ablation.plans()) {
                TrainedRun d = ablation.trained(plan.run(VggConfig.D, AblationPlan.JITTERED));
                TrainedRun e = ablation.trained(plan.run(VggConfig.E, AblationPlan.JITTERED));
                Scores fused = Scores.average(List.of(ablation.scores(d, method, q), ablation.scores(e, method, q)));
                assertEquals(ablation.scores(d, method, q).images(), fused.images());
                records.add(new FusionRecord(List.of(d.spec().runId(), e.spec().runId()), LABEL,
                        new FinalRecord(method, ourQ, q, fused.top1Error(), fused.top5Error(), fused.images())));
            }
        }
        ResultsRoot root = ResultsRoot.at(ablation.results());
        root.writeFusion(records);
        assertEquals(records, root.fusion());
    }
}
