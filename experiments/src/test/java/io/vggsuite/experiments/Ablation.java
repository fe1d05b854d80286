package io.vggsuite.experiments;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.ablation.Budget;
import io.vggsuite.claims.Judgement;
import io.vggsuite.claims.Measurements;
import io.vggsuite.claims.RunSelector;
import io.vggsuite.eval.DensePadding;
import io.vggsuite.eval.FinalEvaluation;
import io.vggsuite.eval.Scores;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.SeedSpreads;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.RunTrainer;
import io.vggsuite.train.TrainedRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What every experiment of one test session shares: the budget, the results folder, the data, and
 * the trained runs (each trained once, then served to every table that needs it).
 */
public final class Ablation implements Measurements {

    private final Budget budget;
    private final Path results;
    private final DataCatalog data;
    private final RunTrainer trainer;
    private final FinalEvaluation evaluation;
    private final List<AblationPlan> plans;
    private final Map<String, TrainedRun> trained = new ConcurrentHashMap<>();
    private final Map<Integer, Judgement> judged = new TreeMap<>();
    private final Optional<SeedSpreads> seedSpreads;

    Ablation(Budget budget, Path results, DataCatalog data, RunTrainer trainer, List<AblationPlan> plans,
            Optional<SeedSpreads> seedSpreads) {
        this.budget = budget;
        this.results = results;
        this.data = data;
        this.trainer = trainer;
        this.evaluation = new FinalEvaluation(data).withDensePadding(budget.densePadding());
        this.plans = List.copyOf(plans);
        this.seedSpreads = seedSpreads;
    }

    public Budget budget() {
        return budget;
    }

    public Path results() {
        return results;
    }

    /** One plan per seed of the budget. */
    public List<AblationPlan> plans() {
        return plans;
    }

    @Override
    public DensePadding densePadding() {
        return budget.densePadding();
    }

    /** Images in the budget's test subset. */
    public int testSetSize() {
        return data.load(budget.data()).test().size();
    }

    public TrainedRun trained(RunSpec spec) {
        return trained.computeIfAbsent(spec.runId(), id -> {
            try {
                return trainer.train(spec);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The run chosen by {@code choose}, once per seed. */
    public List<TrainedRun> perSeed(Function<AblationPlan, RunSpec> choose) {
        List<TrainedRun> runs = new ArrayList<>();
        for (AblationPlan plan : plans) {
            runs.add(trained(choose.apply(plan)));
        }
        return runs;
    }

    @Override
    public List<TrainedRun> runs(RunSelector run) {
        return perSeed(run::select);
    }

    /** The budget's baseline seed spreads, which one-seed comparisons borrow. */
    @Override
    public Optional<SeedSpreads> seedSpreads() {
        return seedSpreads;
    }

    /** Test-set posteriors of a trained run (computed once, then read from its folder). */
    @Override
    public Scores scores(TrainedRun run, EvalMethod method, List<Integer> paperScales) {
        try {
            return evaluation.evaluate(run, method, paperScales);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posteriors per seed of the run chosen by {@code choose}. */
    public List<Scores> scores(Function<AblationPlan, RunSpec> choose, EvalMethod method, List<Integer> paperScales) {
        return perSeed(choose).stream().map(run -> scores(run, method, paperScales)).toList();
    }

    synchronized void record(Judgement judgement) {
        judged.put(judgement.claim().id(), judgement);
    }

    /** The claims judged so far in this session, by id. */
    synchronized List<Judgement> judged() {
        return new ArrayList<>(judged.values());
    }
}
