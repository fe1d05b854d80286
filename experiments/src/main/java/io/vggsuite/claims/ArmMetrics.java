package io.vggsuite.claims;

import io.vggsuite.results.MetricNames;
import io.vggsuite.train.RunSpec;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The baseline's name for an arm's top-1 error: what a one-seed verdict and the plan's power
 * forecast look up in {@code ci/baselines/<budget>.csv} to find the arm's seed spread.
 */
final class ArmMetrics {

    private ArmMetrics() {}

    /** @param resolve the run a selector means (its first seed's: metric names carry no seed) */
    static String top1Error(Arm arm, Function<RunSelector, RunSpec> resolve) {
        if (arm instanceof Arm.Evaluated e) {
            RunSpec spec = resolve.apply(e.run());
            return MetricNames.top1Error(MetricNames.run(spec.key()), MetricNames.evaluation(e.method(), e.testScales()));
        }
        Arm.Fused f = (Arm.Fused) arm;
        String members = f.members().stream().map(m -> {
            RunSpec spec = resolve.apply(m.run());
            return spec.model().config().paperName() + "/" + spec.paperScaleLabel();
        }).collect(Collectors.joining(" & "));
        Arm.Evaluated first = f.members().get(0);
        return MetricNames.top1Error(MetricNames.fusion(members),
                MetricNames.evaluation(first.method(), first.testScales()));
    }
}
