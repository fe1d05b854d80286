package io.vggsuite.claims;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.ablation.Variant;
import io.vggsuite.data.TrainScale;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.train.RunSpec;

/** Which run of the plan a claim reads, as typed values: resolved per seed by {@link AblationPlan}. */
public sealed interface RunSelector {

    RunSpec select(AblationPlan plan);

    /** The net of {@code config} trained at the paper's scale {@code scale} by the paper's protocol. */
    record Trained(VggConfig config, TrainScale scale) implements RunSelector {
        @Override
        public RunSpec select(AblationPlan plan) {
            return plan.run(config, scale);
        }
    }

    /** The initialisation study: {@code config} at S = 256 from random weights drawn by {@code init}. */
    record FromScratch(VggConfig config, Initialisation init) implements RunSelector {
        @Override
        public RunSpec select(AblationPlan plan) {
            return plan.fromScratch(config, init);
        }
    }

    /**
     * The run {@code base} selects, with {@code variant} applied to every net of the protocol
     * (an ablation beyond the paper: {@link AblationPlan#under}).
     */
    record Varied(Variant variant, RunSelector base) implements RunSelector {
        @Override
        public RunSpec select(AblationPlan plan) {
            return base.select(plan.under(variant));
        }
    }
}
