package io.vggsuite.cluster;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.ablation.Budget;
import io.vggsuite.claims.DeclaredClaims;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every distinct run of a budget over all its seeds (the paper's grid and the runs its declared
 * claims add, {@link DeclaredClaims#runs}), parents before children, with the one edge
 * each run has to the run it starts from (Section 3.1): a warm start from net A, or a fine-tune
 * from the same net at another scale. This is the DAG every scheduler follows.
 */
public final class Grid {

    private final Budget budget;
    private final Map<String, RunSpec> runs;

    private Grid(Budget budget, Map<String, RunSpec> runs) {
        this.budget = budget;
        this.runs = runs;
    }

    /** The grid of {@code budget}; the classes and channels of the net come from its data. */
    public static Grid of(Budget budget, DataCatalog data) {
        DataCatalog.Loaded images = data.load(budget.data());
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        for (long seed : budget.seeds()) {
            AblationPlan plan = new AblationPlan(budget, images.train().classes().size(), images.train().channels(),
                    seed);
            DeclaredClaims.runs(plan).forEach(spec -> runs.putIfAbsent(spec.runId(), spec));
        }
        return new Grid(budget, runs);
    }

    public Budget budget() {
        return budget;
    }

    /** Parents before children. */
    public List<RunSpec> runs() {
        return List.copyOf(runs.values());
    }

    /**
     * The run called {@code runId}.
     *
     * @throws IllegalArgumentException naming the run id and the budget when the grid lacks it
     */
    public RunSpec run(String runId) {
        RunSpec spec = runs.get(runId);
        if (spec == null) {
            throw new IllegalArgumentException("run id '" + runId + "' is not in the grid of budget "
                    + budget.name() + " (seeds " + budget.seeds() + "); its runs are " + runs.keySet());
        }
        return spec;
    }

    /** Distance from a run that starts from random weights: 0 for those, 1 for their children… */
    public static int level(RunSpec spec) {
        return spec.start().parent().map(p -> level(p) + 1).orElse(0);
    }

    /** The runs by level: every run of a level can run at once once the level before is done. */
    public List<List<RunSpec>> levels() {
        List<List<RunSpec>> levels = new ArrayList<>();
        for (RunSpec spec : runs.values()) {
            int level = level(spec);
            while (levels.size() <= level) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(spec);
        }
        return levels.stream().map(List::copyOf).toList();
    }
}
