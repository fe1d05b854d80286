package io.vggsuite.claims;

import io.vggsuite.eval.DensePadding;
import io.vggsuite.eval.Scores;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.SeedSpreads;
import io.vggsuite.train.TrainedRun;
import java.util.List;
import java.util.Optional;

/** What the judge needs from an ablation session: its runs (trained on demand), their scores, and the budget's seed spreads. */
public interface Measurements {

    /** The run chosen by {@code run}, once per seed of the budget. */
    List<TrainedRun> runs(RunSelector run);

    /** Test-set posteriors of a trained run. */
    Scores scores(TrainedRun run, EvalMethod method, List<Integer> paperTestScales);

    /** What fills the borders of the budget's dense-evaluation windows. */
    DensePadding densePadding();

    /** The budget's measured seed spreads (its baseline); empty when it has none. */
    Optional<SeedSpreads> seedSpreads();
}
